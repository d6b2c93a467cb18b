// The SAGA epoch over CSR rows with just-in-time (lagged) updates, for the js backend: the
// arithmetic of assembly/csr-saga.ts (see there), and the step tables both backends use.
import type { SagaConstants } from './types.js';
import type { SagaEpochRequest } from '../optim/types.js';
import type { Csr } from './csr-passes.js';
import { firstDerivative } from './js-math.js';
import { softThreshold } from '../optim/l1.js';

/** pw[k] = shrink^k, cs[k] = Σ_{u=1..k} shrink^u for k = 0 .. steps. */
export function laggedTables(shrink: number, steps: number): { pw: Float64Array; cs: Float64Array } {
  const pw = new Float64Array(steps + 1);
  const cs = new Float64Array(steps + 1);
  pw[0] = 1;
  for (let k = 1; k <= steps; k++) {
    pw[k] = pw[k - 1] * shrink;
    cs[k] = cs[k - 1] + pw[k];
  }
  return { pw, cs };
}

/** k steps x ← shrink·soft(x − c, θ) in closed form, phase by phase. */
export function laggedSteps(x: number, k: number, c: number, theta: number, pw: Float64Array, cs: Float64Array): number {
  if (theta === 0) return pw[k] * x - c * cs[k];
  while (k > 0) {
    const p = c + theta;
    const q = c - theta;
    if (x > p || x < q) {
      const up = x > p;
      const e = up ? p : q;
      let lo = 1;
      let hi = k + 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const xm = pw[mid] * x - e * cs[mid];
        if (up ? xm <= p : xm >= q) hi = mid;
        else lo = mid + 1;
      }
      const j = lo > k ? k : lo;
      x = pw[j] * x - e * cs[j];
      k -= j;
    } else {
      x = 0;
      k -= 1;
      if (-c <= theta && -c >= -theta) return 0;
    }
  }
  return x;
}

/** The tables for `steps` steps of `shrink`, kept while both stay the same (every epoch of a fit). */
export class LaggedTableCache {
  private key = '';
  private tables = laggedTables(1, 0);

  get(shrink: number, steps: number): { pw: Float64Array; cs: Float64Array } {
    const key = `${shrink}:${steps}`;
    if (key !== this.key) {
      this.tables = laggedTables(shrink, steps);
      this.key = key;
    }
    return this.tables;
  }
}

/** Scratch of an epoch: g (d + 1 zeros) and last (d zeros), left zero. */
export interface LaggedScratch {
  g: Float64Array;
  last: Int32Array;
}

export function csrSagaEpoch(
  a: Csr, y: Float64Array, s: Float64Array | null, T: Float64Array, w: LaggedScratch,
  { x, avg, order, batch, eta, thresh, shrink }: SagaEpochRequest, c: SagaConstants, pw: Float64Array, cs: Float64Array,
): void {
  const { indptr, indices, data } = a;
  const d = a.cols;
  const { g, last } = w;
  const squared = c.loss === 'squared';
  const sync = (j: number, t: number) => {
    const k = t - last[j];
    if (k > 0) {
      x[j] = laggedSteps(x[j], k, eta * avg[j], thresh, pw, cs);
      last[j] = t;
    }
  };
  let t = 0;
  for (let t0 = 0; t0 < order.length; t0 += batch) {
    const m = Math.min(batch, order.length - t0);
    for (let r = 0; r < m; r++) {
      const i = order[t0 + r];
      for (let k = indptr[i]; k < indptr[i + 1]; k++) sync(indices[k], t);
    }
    const b = c.fitIntercept ? x[d] : 0;
    let gb = 0;
    for (let r = 0; r < m; r++) {
      const i = order[t0 + r];
      let dot = 0;
      for (let k = indptr[i]; k < indptr[i + 1]; k++) dot += data[k] * x[indices[k]];
      const z = dot + b;
      const res = c.scale * (s === null ? 1 : s[i]) * firstDerivative(z, y[i], squared);
      const delta = res - T[i];
      T[i] = res;
      gb += delta;
      for (let k = indptr[i]; k < indptr[i + 1]; k++) g[indices[k]] += delta * data[k];
    }
    const inv = 1 / m;
    for (let r = 0; r < m; r++) {
      const i = order[t0 + r];
      for (let k = indptr[i]; k < indptr[i + 1]; k++) {
        const j = indices[k];
        if (last[j] > t) continue;
        last[j] = t + 1;
        const step = x[j] - eta * (g[j] * inv + avg[j]);
        x[j] = softThreshold(step, thresh) * shrink;
        avg[j] += g[j] / c.rows;
        g[j] = 0;
      }
    }
    if (c.fitIntercept) {
      x[d] -= eta * (gb * inv + avg[d]);
      avg[d] += gb / c.rows;
    }
    t++;
  }
  for (let j = 0; j < d; j++) {
    sync(j, t);
    last[j] = 0;
  }
}
