// Shared test data: a small independent PRNG (not the package's) and fixture loaders.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: deterministic uniform [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal via Box–Muller. */
export function gauss(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

export interface Problem {
  X: number[][];
  y: number[];
  w: number[];
}

/** A noisy linearly generated binary problem (labels 0/1). */
export function makeProblem(n: number, d: number, seed: number, scale = 1): Problem {
  const r = prng(seed);
  const wTrue = Array.from({ length: d }, () => gauss(r));
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: d }, () => gauss(r) * scale);
    const z = row.reduce((s, v, j) => s + v * wTrue[j], 0.3) + gauss(r);
    X.push(row);
    y.push(z > 0 ? 1 : 0);
  }
  if (n >= 2) {
    y[0] = 0;
    y[1] = 1; // both classes present
  }
  return { X, y, w: wTrue };
}

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
