// Standardised coordinates, in which convergence is also judged (monitor.ts). With column means
// μ and scales σ, u_j = σ_j·w_j and b′ = b + Σ_j w_j·μ_j is an exact change of variables (the
// same model), and ∂J/∂u_j = (∂J/∂w_j − μ_j·∂J/∂b)/σ_j, ∂J/∂b′ = ∂J/∂b. A feature with tiny
// values has a tiny raw gradient; here it counts as much as any other.

export interface CoordinateScaling {
  /** coefficient blocks of d values (1 for a binary model, k for softmax), then one intercept per block */
  readonly blocks: number;
  readonly d: number;
  readonly intercept: boolean;
  /** μ_j: the column's mean where it is centred, else 0 */
  readonly mean: Float64Array;
  /** σ_j: the column's standard deviation where it is centred, else its root mean square; 1 where that is 0 */
  readonly scale: Float64Array;
}

/**
 * A column is centred when an intercept can absorb the shift and the mean exceeds the spread
 * (|μ| > sd): that is where the offset spoils the conditioning. A mean within the spread (say,
 * from one outlier) is left in place, since b = b′ − Σ μ_j·w_j would then cancel digits of b.
 */
export function coordinateScaling(stats: { mean: ArrayLike<number>; variance: ArrayLike<number> }, blocks: number, intercept: boolean): CoordinateScaling {
  const d = stats.mean.length;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const m = stats.mean[j];
    const v = stats.variance[j];
    const centred = intercept && m * m > v;
    const sd = Math.sqrt(centred ? v : v + m * m);
    mean[j] = centred ? m : 0;
    scale[j] = sd > 0 && Number.isFinite(sd) ? sd : 1;
  }
  return { blocks, d, intercept, mean, scale };
}

/** ‖∇J‖∞ in standardised coordinates, for g laid out as s describes. */
export function scaledNormInf(g: Float64Array, s: CoordinateScaling): number {
  const { blocks, d, intercept, mean, scale } = s;
  let m = 0;
  for (let r = 0; r < blocks; r++) {
    const gb = intercept ? g[blocks * d + r] : 0;
    const o = r * d;
    for (let j = 0; j < d; j++) {
      const v = Math.abs((g[o + j] - mean[j] * gb) / scale[j]);
      if (!(v <= m)) m = v; // NaN propagates
    }
    const a = Math.abs(gb);
    if (!(a <= m)) m = a;
  }
  return m;
}

