// The pure-TypeScript backend: the fallback where WebAssembly is unavailable, the test
// oracle, and the "plain JS" side of every benchmark. Rows are processed four at a time with
// the same order of operations as the wasm kernel, so the two agree to rounding of exp/log1p.
import type { Kernels, KernelDataset, LossKind, MatrixSource } from './types.js';
import { dotRow, rowTerms, sigmoid } from './js-math.js';

class JsDataset implements KernelDataset {
  readonly n: number;
  readonly d: number;
  private X: Float64Array | null;
  private y: Float64Array;
  private s: Float64Array | null;
  private readonly t = new Float64Array(8);

  constructor(X: MatrixSource, y: Float64Array, s: Float64Array | null) {
    this.n = X.rows;
    this.d = X.cols;
    const data = new Float64Array(X.rows * X.cols);
    X.fill(data);
    this.X = data;
    this.y = Float64Array.from(y);
    this.s = s ? Float64Array.from(s) : null;
  }

  fusedGrad(
    w: Float64Array,
    b: number,
    g: Float64Array,
    loss: LossKind,
    wantLoss: boolean,
    indices?: Int32Array,
  ): number {
    const X = this.X;
    if (X === null) throw new Error('dataset disposed');
    return fusedPass(X, this.d, this.y, this.s, indices, indices ? indices.length : this.n, w, b, g, loss === 'squared', wantLoss, this.t);
  }

  dispose(): void {
    this.X = null;
  }
}

/** The fused pass; see KernelDataset.fusedGrad. `t` is an 8-slot scratch array. */
export function fusedPass(
  X: Float64Array,
  d: number,
  y: Float64Array,
  s: Float64Array | null,
  idx: Int32Array | undefined,
  count: number,
  w: Float64Array,
  b: number,
  g: Float64Array,
  squared: boolean,
  wantLoss: boolean,
  t: Float64Array,
): number {
  g.fill(0, 0, d + 1);
  let l0 = 0;
  let l1 = 0;
  let gb0 = 0;
  let gb1 = 0;
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const i0 = idx === undefined ? k : idx[k];
    const i1 = idx === undefined ? k + 1 : idx[k + 1];
    const i2 = idx === undefined ? k + 2 : idx[k + 2];
    const i3 = idx === undefined ? k + 3 : idx[k + 3];
    const o0 = i0 * d;
    const o1 = i1 * d;
    const o2 = i2 * d;
    const o3 = i3 * d;
    rowTerms(dotRow(X, o0, w, d) + b, y[i0], s === null ? 1 : s[i0], squared, wantLoss, t);
    const r0 = t[0];
    const q0 = t[1];
    rowTerms(dotRow(X, o1, w, d) + b, y[i1], s === null ? 1 : s[i1], squared, wantLoss, t);
    const r1 = t[0];
    const q1 = t[1];
    rowTerms(dotRow(X, o2, w, d) + b, y[i2], s === null ? 1 : s[i2], squared, wantLoss, t);
    const r2 = t[0];
    const q2 = t[1];
    rowTerms(dotRow(X, o3, w, d) + b, y[i3], s === null ? 1 : s[i3], squared, wantLoss, t);
    const r3 = t[0];
    const q3 = t[1];
    if (wantLoss) {
      l0 += q0 + q2;
      l1 += q1 + q3;
    }
    gb0 += r0 + r2;
    gb1 += r1 + r3;
    for (let j = 0; j < d; j++) {
      g[j] += r0 * X[o0 + j] + r1 * X[o1 + j] + (r2 * X[o2 + j] + r3 * X[o3 + j]);
    }
  }
  for (; k < count; k++) {
    const i = idx === undefined ? k : idx[k];
    const o = i * d;
    rowTerms(dotRow(X, o, w, d) + b, y[i], s === null ? 1 : s[i], squared, wantLoss, t);
    const r = t[0];
    if (wantLoss) l0 += t[1];
    gb0 += r;
    for (let j = 0; j < d; j++) g[j] += r * X[o + j];
  }
  g[d] = gb0 + gb1;
  return l0 + l1;
}

export const jsKernels: Kernels = {
  name: 'js',
  dataset(X, y, s) {
    return new JsDataset(X, y, s);
  },
  decision(X, w, b, out) {
    const d = X.cols;
    const data = new Float64Array(X.rows * d);
    X.fill(data);
    for (let i = 0; i < X.rows; i++) out[i] = dotRow(data, i * d, w, d) + b;
  },
  sigmoid(v) {
    for (let i = 0; i < v.length; i++) v[i] = sigmoid(v[i]);
  },
};
