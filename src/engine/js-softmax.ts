// The js backend's softmax kernels: the same formulas as assembly/softmax.ts.
import { columnStatsOf, type ColumnStats } from '../data/column-stats.js';
import type { MatrixSource, SoftmaxDataset } from './types.js';
import { dotRow, addScaled } from './js-math.js';
import { expNeg } from './js-exp.js';

export class JsSoftmaxDataset implements SoftmaxDataset {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  private X: Float64Array | null;
  private readonly y: Int32Array;
  private readonly s: Float64Array | null;
  private readonly e: Float64Array;
  private readonly f: Float64Array;
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
    this.f = new Float64Array(k);
  }

  private data(): Float64Array {
    if (this.X === null) throw new Error('dataset disposed');
    return this.X;
  }

  columnStats(): ColumnStats {
    return columnStatsOf(this.data(), this.n, this.d);
  }

  /**
   * Two rows at a time, as the binary fusedPass: each W_c element loaded once for both rows'
   * dot products, one sweep over G_c adds both rows. An odd last row is paired with itself at
   * weight 0 and an odd first column folded in by multiplying with odd (0 or 1), not by
   * branches (V8 deoptimises repeatedly on code that has never run).
   */
  grad(W: Float64Array, b: Float64Array, g: Float64Array, indices?: Int32Array, keepP = false): number {
    const X = this.data();
    const { d, k, e, f, y } = this;
    const s = this.s;
    const P = keepP && !indices ? (this.P ??= new Float64Array(this.n * k)) : null;
    g.fill(0, 0, k * d + k);
    const odd = d & 1;
    let loss = 0;
    const count = indices ? indices.length : this.n;
    // unit weights: the rows' log1p terms are joined (log1p(a) + log1p(b) = log1p(a + b + a·b))
    // and evaluated once per chunk of up to 128 pairs, as assembly/softmax.ts does: each factor
    // 1 + rest is at most k < 2^bits, so 1 + q stays below 2^1000. A chunk loop rather than a
    // flush branch, so the code after the inner loop always runs (V8 type feedback).
    const chunk = 2 * Math.min(128, Math.floor(1000 / (32 - Math.clz32(k))));
    for (let t0 = 0; t0 < count; t0 += chunk) {
      const end = Math.min(count, t0 + chunk);
      let q = 0;
      for (let t = t0; t < end; t += 2) {
        const two = t + 1 < end;
        const iA = indices ? indices[t] : t;
        const iB = two ? (indices ? indices[t + 1] : t + 1) : iA;
        const oA = iA * d;
        const oB = iB * d;
        let mA = -Infinity;
        let mB = -Infinity;
        let cA = 0;
        let cB = 0;
        for (let c = 0; c < k; c++) {
          const wo = c * d;
          let a0 = odd * (X[oA] * W[wo]);
          let a1 = 0;
          let b0 = odd * (X[oB] * W[wo]);
          let b1 = 0;
          for (let j = odd; j < d; j += 2) {
            const w0 = W[wo + j];
            const w1 = W[wo + j + 1];
            a0 += X[oA + j] * w0;
            a1 += X[oA + j + 1] * w1;
            b0 += X[oB + j] * w0;
            b1 += X[oB + j + 1] * w1;
          }
          const zA = a0 + a1 + b[c];
          const zB = b0 + b1 + b[c];
          e[c] = zA;
          f[c] = zB;
          if (zA > mA) {
            mA = zA;
            cA = c;
          }
          if (zB > mB) {
            mB = zB;
            cB = c;
          }
        }
        const yA = y[iA];
        const yB = y[iB];
        const zyA = e[yA];
        const zyB = f[yB];
        let restA = 0;
        let restB = 0;
        for (let c = 0; c < k; c++) {
          const vA = c === cA ? 1 : expNeg(e[c] - mA);
          const vB = c === cB ? 1 : expNeg(f[c] - mB);
          e[c] = vA;
          f[c] = vB;
          if (c !== cA) restA += vA;
          if (c !== cB) restB += vB;
        }
        const invA = 1 / (1 + restA);
        const invB = 1 / (1 + restB);
        const sA = s === null ? 1 : s[iA];
        const sB = two ? (s === null ? 1 : s[iB]) : 0;
        if (s === null) {
          // sB = 0 drops an unpaired last row
          loss += mA - zyA + sB * (mB - zyB);
          const tB = sB * restB;
          const u = restA + tB + restA * tB;
          q = q + u + q * u;
        } else loss += sA * (Math.log1p(restA) + (mA - zyA)) + sB * (Math.log1p(restB) + (mB - zyB));
        for (let c = 0; c < k; c++) {
          const pA = e[c] * invA;
          const pB = f[c] * invB;
          if (P) {
            P[t * k + c] = pA;
            if (two) P[(t + 1) * k + c] = pB;
          }
          // p_y − 1 = −rest/sum when y is the argmax: exact even as p_y → 1
          const rA = sA * (c === yA ? (c === cA ? -restA * invA : pA - 1) : pA);
          const rB = sB * (c === yB ? (c === cB ? -restB * invB : pB - 1) : pB);
          g[k * d + c] += rA + rB;
          const gc = c * d;
          g[gc] += odd * (rA * X[oA] + rB * X[oB]);
          for (let j = odd; j < d; j += 2) {
            g[gc + j] += rA * X[oA + j] + rB * X[oB + j];
            g[gc + j + 1] += rA * X[oA + j + 1] + rB * X[oB + j + 1];
          }
        }
      }
      loss += Math.log1p(q);
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
        a[c] = dotRow(X, o, V, c * d, d) + vb[c];
        mean += P[i * k + c] * a[c];
      }
      const si = this.s === null ? 1 : this.s[i];
      for (let c = 0; c < k; c++) {
        const t = si * P[i * k + c] * (a[c] - mean);
        out[k * d + c] += t;
        addScaled(out, c * d, t, X, o, d);
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
    for (let c = 0; c < k; c++) out[i * k + c] = dotRow(data, i * d, W, c * d, d) + b[c];
}
