// Per-column mean and variance of X, the scales of the standardised coordinates in which
// convergence is judged (optim/scaling.ts). Sums are taken about row 0, so a large common offset
// costs no precision (as the kernels' colMoments do).

/** Population mean and variance of each column (unweighted). */
export interface ColumnStats {
  mean: Float64Array;
  variance: Float64Array;
}

/** The stats from Σ (x − c) and Σ (x − c)² over n rows, with c = row 0 of X. */
export function statsFromMoments(shift: ArrayLike<number>, s: Float64Array, q: Float64Array, n: number): ColumnStats {
  const d = s.length;
  const mean = new Float64Array(d);
  const variance = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const m = s[j] / n;
    mean[j] = shift[j] + m;
    variance[j] = Math.max(0, q[j] / n - m * m);
  }
  return { mean, variance };
}

/** The stats of a row-major n×d matrix held in JS. */
export function columnStatsOf(X: Float64Array | Float32Array, n: number, d: number): ColumnStats {
  const s = new Float64Array(d);
  const q = new Float64Array(d);
  for (let i = 1; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const v = X[o + j] - X[j];
      s[j] += v;
      q[j] += v * v;
    }
  }
  return statsFromMoments(X.subarray(0, d), s, q, n);
}
