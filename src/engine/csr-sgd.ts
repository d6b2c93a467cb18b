// An SGD epoch over CSR rows (no momentum) whose steps cost a batch's non-zeros, not d: the
// coefficients are held as x = s·u, so the L2 shrink x ← (1 − η·l2)·x of every step is one
// multiplication of s, and only the batch's columns of u move. Both backends run it (in TS);
// momentum keeps a dense velocity and goes batch by batch (sgd-epoch.ts).
import type { SgdConstants } from './types.js';
import type { SgdEpochRequest } from '../optim/types.js';
import type { Csr } from './csr-passes.js';
import { firstDerivative } from './js-math.js';

/** Below this, s is folded back into u (one pass over d) before it can underflow. */
const MIN_SCALE = 1e-100;

/** Whether the lazy epoch applies: no momentum, and a shrink factor 1 − η·l2 that stays positive. */
export function lazySgdApplies(r: SgdEpochRequest, c: SgdConstants): boolean {
  return r.beta === 0 && !r.nesterov && 1 - r.eta * c.l2 > 0;
}

/**
 * sgdEpoch (assembly/sgd.ts) with β = 0 over CSR rows: per batch B,
 * x_j ← (1 − η·l2)·x_j − η·nS/(|B|·S)·Σ_B s_i ∂ℓ/∂z x_ij, the intercept without the shrink;
 * v ends as the last step, as there. g: d zeros (left zero).
 */
export function csrSgdEpoch(a: Csr, y: Float64Array, s: Float64Array | null, r: SgdEpochRequest, c: SgdConstants, g: Float64Array): void {
  const { indptr, indices, data } = a;
  const d = a.cols;
  const { x, v, order, batch, eta } = r;
  const squared = c.loss === 'squared';
  const shrink = 1 - eta * c.l2;
  const u = x.subarray(0, d); // x = scale·u for the coefficients
  let scale = 1;
  const res = new Float64Array(batch);
  let lastScale = 1;
  let lastCols: Int32Array = new Int32Array(0);
  let lastU = new Float64Array(0);
  let lastB = 0;
  for (let t0 = 0; t0 < order.length; t0 += batch) {
    const m = Math.min(batch, order.length - t0);
    const final = t0 + m >= order.length;
    const b = c.fitIntercept ? x[d] : 0;
    const step = (eta * c.nS) / (m * c.S);
    let rb = 0;
    for (let k = 0; k < m; k++) {
      const i = order[t0 + k];
      let dot = 0;
      for (let p = indptr[i]; p < indptr[i + 1]; p++) dot += data[p] * u[indices[p]];
      res[k] = (s === null ? 1 : s[i]) * firstDerivative(scale * dot + b, y[i], squared);
      rb += res[k];
    }
    for (let k = 0; k < m; k++) {
      const i = order[t0 + k];
      for (let p = indptr[i]; p < indptr[i + 1]; p++) g[indices[p]] += res[k] * data[p];
    }
    if (final) {
      lastScale = scale;
      lastB = b;
    }
    scale *= shrink;
    const cols: number[] = [];
    for (let k = 0; k < m; k++) {
      const i = order[t0 + k];
      for (let p = indptr[i]; p < indptr[i + 1]; p++) {
        const j = indices[p];
        if (g[j] === 0) continue; // done (or a zero sum: nothing to step)
        if (final) cols.push(j, u[j]);
        u[j] -= (step * g[j]) / scale;
        g[j] = 0;
      }
    }
    if (final) {
      lastCols = Int32Array.from(cols.filter((_, q) => q % 2 === 0));
      lastU = Float64Array.from(cols.filter((_, q) => q % 2 === 1));
    }
    if (c.fitIntercept) x[d] = b - step * rb;
    if (scale < MIN_SCALE && !final) {
      for (let j = 0; j < d; j++) u[j] *= scale;
      scale = 1;
    }
  }
  // back to x, and v = x − (x before the last step)
  for (let j = 0; j < d; j++) {
    const before = lastScale * u[j];
    u[j] *= scale;
    v[j] = u[j] - before;
  }
  for (let q = 0; q < lastCols.length; q++) v[lastCols[q]] = u[lastCols[q]] - lastScale * lastU[q];
  if (c.fitIntercept) v[d] = x[d] - lastB;
}
