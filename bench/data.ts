// Seeded benchmark data: synthetic logistic problems (features with unequal scales and some
// correlation, labels drawn from a logistic model) and the standardised breast-cancer set.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export interface BenchData {
  name: string;
  X: Float64Array;
  rows: number;
  cols: number;
  y: Float64Array;
}

/** mulberry32 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function synthetic(rows: number, cols: number, seed: number): BenchData {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const w = Float64Array.from({ length: cols }, () => normal() / Math.sqrt(cols));
  const scale = Float64Array.from({ length: cols }, (_, j) => 0.5 + (j % 5) * 0.4);
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const common = normal();
    let z = 0.2;
    for (let j = 0; j < cols; j++) {
      const v = scale[j] * (0.8 * normal() + 0.3 * common);
      X[i * cols + j] = v;
      z += v * w[j] * 2;
    }
    y[i] = r() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return { name: `synthetic ${rows}×${cols}`, X, rows, cols, y };
}

export function breastCancer(): BenchData {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const lines = readFileSync(join(root, 'examples/data/breast-cancer.csv'), 'utf8').trim().split('\n').slice(1);
  const rows = lines.length;
  const cols = 30;
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  lines.forEach((line, i) => {
    const cells = line.split(',');
    for (let j = 0; j < cols; j++) X[i * cols + j] = Number(cells[j]);
    y[i] = cells[cols] === 'malignant' ? 1 : 0;
  });
  for (let j = 0; j < cols; j++) {
    let m = 0;
    let v = 0;
    for (let i = 0; i < rows; i++) m += X[i * cols + j] / rows;
    for (let i = 0; i < rows; i++) v += (X[i * cols + j] - m) ** 2 / rows;
    const sd = Math.sqrt(v) || 1;
    for (let i = 0; i < rows; i++) X[i * cols + j] = (X[i * cols + j] - m) / sd;
  }
  return { name: 'breast-cancer (standardised)', X, rows, cols, y };
}
