// Shared test data: a small independent PRNG (not the package's) and fixture loaders.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export { prng, gauss, makeProblem, type Problem } from './problem.js';

export function flat(X: number[][]): Float64Array {
  const d = X[0].length;
  const out = new Float64Array(X.length * d);
  X.forEach((row, i) => out.set(row, i * d));
  return out;
}

export interface SklearnCase {
  name: string;
  dataset: string;
  C: number;
  penalty: 'l2' | 'none';
  fitIntercept: boolean;
  sampleWeight: number[] | null;
  coef: number[];
  intercept: number;
  objective: number;
  gradientNormInf: number;
}

export interface SklearnFixture {
  datasets: Record<string, { X: number[][]; y: number[] }>;
  cases: SklearnCase[];
}

export function sklearnFixture(): SklearnFixture {
  return JSON.parse(readFileSync(join(root, 'test/fixtures/sklearn-binary.json'), 'utf8'));
}

export function lossFixture(): { z: number; y: number; loss: number; dz: number }[] {
  return JSON.parse(readFileSync(join(root, 'test/fixtures/loss-values.json'), 'utf8')).values;
}

/** max_i |a_i − b_i| / max(|b|∞, tiny) */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / Math.max(den, 1e-300);
}
