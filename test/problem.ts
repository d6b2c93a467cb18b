// Deterministic test problems, free of Node APIs so the browser test page can use them too.

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

/** Exact bit patterns of doubles, for bit-for-bit comparisons across processes. */
export function hexBits(v: ArrayLike<number>): string[] {
  const f = new Float64Array(1);
  const u = new BigUint64Array(f.buffer);
  return Array.from(v, (x) => {
    f[0] = x;
    return u[0].toString(16).padStart(16, '0');
  });
}

/** The fits compared across Node (ESM, CJS) and Chromium: every solver on one problem. */
export const crossFits = [
  { solver: 'lbfgs' },
  { solver: 'lbfgs', penalty: 'l1', C: 0.1 },
  { solver: 'newton' },
  { solver: 'newton-cholesky' },
  { solver: 'gd', maxIter: 200 },
  { solver: 'sgd', maxIter: 20, batchSize: 16, seed: 3 },
  { solver: 'momentum', maxIter: 200 },
  { solver: 'nesterov', maxIter: 50, batchSize: 32, seed: 5 },
  { solver: 'adam', maxIter: 30, batchSize: 32, seed: 6 },
  { solver: 'saga', penalty: 'elasticnet', maxIter: 30, seed: 7 },
  { solver: 'lbfgs', multiClass: 'multinomial' },
] as const;

export interface SparseProblem {
  csr: { indptr: Int32Array; indices: Int32Array; data: Float64Array; shape: [number, number] };
  /** the same matrix dense, row-major */
  dense: { data: Float64Array; rows: number; cols: number };
  y: number[];
}

/** n rows of `perRow` random columns out of d (unsorted within a row), labels from a random w. */
export function makeSparseProblem(n: number, d: number, perRow: number, seed: number): SparseProblem {
  const r = prng(seed);
  const wTrue = Array.from({ length: d }, () => gauss(r));
  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const y: number[] = [];
  const dense = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const cols = new Set<number>();
    while (cols.size < Math.min(perRow, d)) cols.add(Math.floor(r() * d));
    let z = 0.2;
    for (const j of cols) {
      const v = gauss(r);
      indices.push(j);
      values.push(v);
      dense[i * d + j] = v;
      z += v * wTrue[j];
    }
    indptr[i + 1] = indices.length;
    y.push(z + gauss(r) > 0 ? 1 : 0);
  }
  y[0] = 0;
  y[1] = 1;
  return {
    csr: { indptr, indices: Int32Array.from(indices), data: Float64Array.from(values), shape: [n, d] },
    dense: { data: dense, rows: n, cols: d },
    y,
  };
}
