// The pure-TypeScript backend: the fallback where WebAssembly is unavailable, the test
// oracle, and the "plain JS" side of every benchmark, so it is the fastest plain JS we found.
import { columnStatsOf, type ColumnStats } from '../data/column-stats.js';
import type { Kernels, KernelDataset, LossKind, MatrixSource, SgdConstants } from './types.js';
import type { SgdEpochRequest } from '../optim/types.js';
import { sgdEpochVia } from './sgd-epoch.js';
import { dotRow, firstDerivative, secondDerivative, sigmoid } from './js-math.js';
import { expNeg } from './js-exp.js';
import { JsSoftmaxDataset, jsDecisionMulti } from './js-softmax.js';
import { mirrorUpper } from './symmetric.js';
import { JsCsrDataset, JsCsrSoftmaxDataset, jsCsrDecision, jsCsrDecisionMulti } from './js-csr.js';

class JsDataset implements KernelDataset {
  readonly n: number;
  readonly d: number;
  private X: Float64Array | null;
  private y: Float64Array;
  private s: Float64Array | null;
  private z: Float64Array | null = null;
  private D: Float64Array | null = null;
  private table: Float64Array | null = null;

  constructor(X: MatrixSource, y: Float64Array, s: Float64Array | null) {
    this.n = X.rows;
    this.d = X.cols;
    const data = new Float64Array(X.rows * X.cols);
    X.fill(data);
    this.X = data;
    this.y = Float64Array.from(y);
    this.s = s ? Float64Array.from(s) : null;
  }

  private data(): Float64Array {
    if (this.X === null) throw new Error('dataset disposed');
    return this.X;
  }

  columnStats(): ColumnStats {
    return columnStatsOf(this.data(), this.n, this.d);
  }

  fusedGrad(
    w: Float64Array,
    b: number,
    g: Float64Array,
    loss: LossKind,
    wantLoss: boolean,
    indices?: Int32Array,
    keepZ = false,
  ): number {
    let zOut: Float64Array | null = null;
    if (keepZ && !indices) zOut = this.z ??= new Float64Array(this.n);
    const count = indices ? indices.length : this.n;
    return fusedPass(this.data(), this.d, this.y, this.s, indices, count, w, b, g, loss === 'squared', wantLoss, zOut);
  }

  sgdEpoch(r: SgdEpochRequest, c: SgdConstants): void {
    sgdEpochVia(this, r, c);
  }

  curvature(loss: LossKind): void {
    const z = this.z;
    if (z === null) throw new Error('curvature() needs a full fusedGrad pass with keepZ first');
    const D = (this.D ??= new Float64Array(this.n));
    for (let i = 0; i < this.n; i++) D[i] = (this.s === null ? 1 : this.s[i]) * secondDerivative(z[i], this.y[i], loss === 'squared');
  }

  hessVec(v: Float64Array, vb: number, out: Float64Array): void {
    const X = this.data();
    const D = this.D;
    if (D === null) throw new Error('hessVec() needs curvature() first');
    const d = this.d;
    out.fill(0, 0, d + 1);
    for (let i = 0; i < this.n; i++) {
      const o = i * d;
      const r = D[i] * (dotRow(X, o, v, 0, d) + vb);
      out[d] += r;
      for (let j = 0; j < d; j++) out[j] += r * X[o + j];
    }
  }

  hessian(out: Float64Array): void {
    const X = this.data();
    const D = this.D;
    if (D === null) throw new Error('hessian() needs curvature() first');
    const d = this.d;
    const ld = d + 1;
    out.fill(0, 0, ld * ld);
    for (let i = 0; i < this.n; i++) {
      const o = i * d;
      for (let j = 0; j < d; j++) {
        const c = D[i] * X[o + j];
        const row = j * ld;
        for (let k = j; k < d; k++) out[row + k] += c * X[o + k];
        out[row + d] += c;
      }
      out[d * ld + d] += D[i];
    }
    mirrorUpper(out, ld);
  }

  rowSqNorms(): Float64Array {
    const X = this.data();
    const out = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = dotRow(X, i * this.d, X, i * this.d, this.d);
    return out;
  }

  sagaBatch(w: Float64Array, b: number, indices: Int32Array | undefined, scale: number, loss: LossKind, g: Float64Array): void {
    const X = this.data();
    const T = (this.table ??= new Float64Array(this.n));
    const d = this.d;
    g.fill(0, 0, d + 1);
    const count = indices ? indices.length : this.n;
    for (let k = 0; k < count; k++) {
      const i = indices ? indices[k] : k;
      const o = i * d;
      const z = dotRow(X, o, w, 0, d) + b;
      const r = scale * (this.s === null ? 1 : this.s[i]) * firstDerivative(z, this.y[i], loss === 'squared');
      const delta = r - T[i];
      T[i] = r;
      g[d] += delta;
      for (let j = 0; j < d; j++) g[j] += delta * X[o + j];
    }
  }

  sagaReset(): void {
    this.table?.fill(0);
  }

  dispose(): void {
    this.X = null;
    this.z = this.D = this.table = null;
  }
}

/**
 * The fused pass; see KernelDataset.fusedGrad. Two rows at a time: their dot products share the
 * loads of w, the residuals are computed inline (a helper call per row costs V8 ~20% here), and
 * one sweep over g adds both rows. This was the fastest plain JS among the variants measured
 * (one row with 4 accumulators, two rows not interleaved, 4 rows per block).
 * p − y is formed as ((z >= 0 ? 1 : e) − y − y·e)/(1 + e), exact to rounding even when p → 1.
 */
export function fusedPass(
  X: Float64Array,
  d: number,
  y: Float64Array,
  sw: Float64Array | null,
  idx: Int32Array | undefined,
  count: number,
  w: Float64Array,
  b: number,
  g: Float64Array,
  squared: boolean,
  wantLoss: boolean,
  zOut: Float64Array | null = null,
): number {
  g.fill(0, 0, d + 1);
  let loss = 0;
  const odd = d & 1;
  // unit-weight log loss: the rows' log1p terms are joined into q (log1p(a) + log1p(b) =
  // log1p(a + b + a·b), every term >= 0) and evaluated once per chunk of JOIN rows; the chunk
  // loop rather than a flush branch, so the code after the inner loop always runs (V8 type feedback)
  const joins = wantLoss && !squared && sw === null;
  for (let c = 0; c < count; c += JOIN) {
    const end = Math.min(count, c + JOIN);
    let q = 0;
    for (let k = c; k < end; k += 2) {
      // an odd last row is paired with itself at weight 0, so no separate tail loop exists:
      // V8 deoptimises again and again on code that has never run (no type feedback); the same
      // reason keeps an odd column out of a remainder branch below
      const pair = k + 1 < end;
      const i0 = idx === undefined ? k : idx[k];
      const i1 = pair ? (idx === undefined ? k + 1 : idx[k + 1]) : i0;
      const o0 = i0 * d;
      const o1 = i1 * d;
      // an odd first column is folded in by multiplying with odd (0 or 1), not by a branch
      let a0 = odd * (X[o0] * w[0]);
      let a1 = 0;
      let c0 = odd * (X[o1] * w[0]);
      let c1 = 0;
      for (let j = odd; j < d; j += 2) {
        const w0 = w[j];
        const w1 = w[j + 1];
        a0 += X[o0 + j] * w0;
        a1 += X[o0 + j + 1] * w1;
        c0 += X[o1 + j] * w0;
        c1 += X[o1 + j + 1] * w1;
      }
      const z0 = a0 + a1 + b;
      const z1 = c0 + c1 + b;
      if (zOut !== null) {
        zOut[k] = z0;
        if (pair) zOut[k + 1] = z1;
      }
      const e0 = expNeg(-Math.abs(z0));
      const e1 = expNeg(-Math.abs(z1));
      const y0 = y[i0];
      const y1 = y[i1];
      const s0 = sw === null ? 1 : sw[i0];
      const s1 = pair ? (sw === null ? 1 : sw[i1]) : 0;
      const d0 = ((z0 >= 0 ? 1 : e0) - y0 - y0 * e0) / (1 + e0); // p − y
      const d1 = ((z1 >= 0 ? 1 : e1) - y1 - y1 * e1) / (1 + e1);
      let r0: number;
      let r1: number;
      if (!squared) {
        r0 = s0 * d0;
        r1 = s1 * d1;
        if (wantLoss) {
          const l0 = (z0 > 0 ? z0 : 0) - y0 * z0;
          const l1 = (z1 > 0 ? z1 : 0) - y1 * z1;
          if (sw === null) {
            // s1 = 0 drops an unpaired last row
            const e1s = s1 * e1;
            const t = e0 + e1s + e0 * e1s;
            q = q + t + q * t;
            loss += l0 + s1 * l1;
          } else loss += s0 * (Math.log1p(e0) + l0) + s1 * (Math.log1p(e1) + l1);
        }
      } else {
        // p(1 − p) = e/(1 + e)²
        r0 = s0 * (d0 * (e0 / ((1 + e0) * (1 + e0))));
        r1 = s1 * (d1 * (e1 / ((1 + e1) * (1 + e1))));
        if (wantLoss) loss += s0 * (0.5 * d0 * d0) + s1 * (0.5 * d1 * d1);
      }
      g[d] += r0 + r1; // inside the loop: a store after it has no type feedback when V8 optimises on-stack
      g[0] += odd * (r0 * X[o0] + r1 * X[o1]);
      for (let m = odd; m < d; m += 2) {
        g[m] += r0 * X[o0 + m] + r1 * X[o1 + m];
        g[m + 1] += r0 * X[o0 + m + 1] + r1 * X[o1 + m + 1];
      }
    }
    if (joins) loss += Math.log1p(q);
  }
  return loss;
}

/** Rows whose log1p terms are joined before one Math.log1p: 1 + q stays below 2^256. */
const JOIN = 256;

export const jsKernels: Kernels = {
  name: 'js',
  dataset(X, y, s) {
    return X.csr ? new JsCsrDataset(X.csr, y, s) : new JsDataset(X, y, s);
  },
  decision(X, w, b, out, applySigmoid = false) {
    if (X.csr) return jsCsrDecision(X.csr, w, b, out, applySigmoid);
    const d = X.cols;
    const data = new Float64Array(X.rows * d);
    X.fill(data);
    for (let i = 0; i < X.rows; i++) out[i] = dotRow(data, i * d, w, 0, d) + b;
    if (applySigmoid) for (let i = 0; i < X.rows; i++) out[i] = sigmoid(out[i]);
  },
  sigmoid(v) {
    for (let i = 0; i < v.length; i++) v[i] = sigmoid(v[i]);
  },
  softmaxDataset(X, y, k, s) {
    return X.csr ? new JsCsrSoftmaxDataset(X.csr, y, k, s) : new JsSoftmaxDataset(X, y, k, s);
  },
  decisionMulti(X, W, b, k, out) {
    if (X.csr) return jsCsrDecisionMulti(X.csr, W, b, k, out);
    jsDecisionMulti(X, W, b, k, out);
  },
};
