// The js backend's softmax kernels: the same formulas as assembly/softmax.ts.
import type { MatrixSource, SoftmaxDataset } from './types.js';
import { dotRow } from './js-math.js';

export class JsSoftmaxDataset implements SoftmaxDataset {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  private X: Float64Array | null;
  private readonly y: Int32Array;
  private readonly s: Float64Array | null;
  private readonly e: Float64Array;
  private P: Float64Array | null = null;

  constructor(X: MatrixSource, y: Int32Array, k: number, s: Float64Array | null) {
    this.n = X.rows;
    this.d = X.cols;
    this.k = k;
    const data = new Float64Array(X.rows * X.cols);
    X.fill(data);
    this.X = data;
    this.y = Int32Array.from(y);
    this.s = s ? Float64Array.from(s) : null;
    this.e = new Float64Array(k);
  }

  private data(): Float64Array {
    if (this.X === null) throw new Error('dataset disposed');
    return this.X;
  }

  grad(W: Float64Array, b: Float64Array, g: Float64Array, indices?: Int32Array, keepP = false): number {
    const X = this.data();
    const { d, k } = this;
    const e = this.e;
    const P = keepP && !indices ? (this.P ??= new Float64Array(this.n * k)) : null;
    g.fill(0, 0, k * d + k);
    let loss = 0;
    const count = indices ? indices.length : this.n;
    for (let t = 0; t < count; t++) {
      const i = indices ? indices[t] : t;
      const o = i * d;
      const yi = this.y[i];
      let m = -Infinity;
      let cm = 0;
      let zy = 0;
      for (let c = 0; c < k; c++) {
        const z = dotRow(X, o, W.subarray(c * d), d) + b[c];
        e[c] = z;
        if (z > m) {
          m = z;
          cm = c;
        }
        if (c === yi) zy = z;
      }
      let rest = 0;
      for (let c = 0; c < k; c++) {
        const v = c === cm ? 1 : Math.exp(e[c] - m);
        e[c] = v;
        if (c !== cm) rest += v;
      }
      const inv = 1 / (1 + rest);
      const si = this.s === null ? 1 : this.s[i];
      loss += si * (Math.log1p(rest) + (m - zy));
      for (let c = 0; c < k; c++) {
        const p = e[c] * inv;
        if (P) P[t * k + c] = p;
        const r = si * (c === yi ? (c === cm ? -rest * inv : p - 1) : p);
        g[k * d + c] += r;
        const gc = c * d;
        for (let j = 0; j < d; j++) g[gc + j] += r * X[o + j];
      }
    }
    return loss;
  }

  hessVec(V: Float64Array, vb: Float64Array, out: Float64Array): void {
    const X = this.data();
    const P = this.P;
    if (P === null) throw new Error('hessVec() needs a grad pass with keepP first');
    const { d, k } = this;
    const a = this.e;
    out.fill(0, 0, k * d + k);
    for (let i = 0; i < this.n; i++) {
      const o = i * d;
      let mean = 0;
      for (let c = 0; c < k; c++) {
        a[c] = dotRow(X, o, V.subarray(c * d), d) + vb[c];
        mean += P[i * k + c] * a[c];
      }
      const si = this.s === null ? 1 : this.s[i];
      for (let c = 0; c < k; c++) {
        const t = si * P[i * k + c] * (a[c] - mean);
        out[k * d + c] += t;
        for (let j = 0; j < d; j++) out[c * d + j] += t * X[o + j];
      }
    }
  }

  dispose(): void {
    this.X = null;
    this.P = null;
  }
}

export function jsDecisionMulti(X: MatrixSource, W: Float64Array, b: Float64Array, k: number, out: Float64Array): void {
  const d = X.cols;
  const data = new Float64Array(X.rows * d);
  X.fill(data);
  for (let i = 0; i < X.rows; i++)
    for (let c = 0; c < k; c++) out[i * k + c] = dotRow(data, i * d, W.subarray(c * d), d) + b[c];
}
