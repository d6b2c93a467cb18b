// Passes over CSR arrays in plain TS: the js backend's sparse kernels (the same formulas as
// assembly/csr.ts and csr-softmax.ts), and, for both backends, the passes that are not hot
// (row norms, column stats, the full Hessian for small d, SAGA's batch step).
import type { CsrData } from '../data/csr.js';
import { statsFromMoments, type ColumnStats } from '../data/column-stats.js';
import { firstDerivative } from './js-math.js';
import { expNeg } from './js-exp.js';
import { mirrorUpper } from './symmetric.js';

/** CSR arrays as a pass reads them (wasm memory views or JS arrays). */
export type Csr = Pick<CsrData, 'rows' | 'cols' | 'indptr' | 'indices' | 'data'>;

/** x_i·w. */
export function csrDot(a: Csr, i: number, w: Float64Array, wo = 0): number {
  const { indptr, indices, data } = a;
  let s = 0;
  for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) s += data[k] * w[wo + indices[k]];
  return s;
}

/** g += r·x_i. */
export function csrAxpy(a: Csr, i: number, r: number, g: Float64Array, go = 0): void {
  const { indptr, indices, data } = a;
  for (let k = indptr[i], end = indptr[i + 1]; k < end; k++) g[go + indices[k]] += r * data[k];
}

/** KernelDataset.fusedGrad over CSR rows (rows idx, or 0 .. count − 1). */
export function csrFusedPass(
  a: Csr, y: Float64Array, s: Float64Array | null, idx: Int32Array | undefined, count: number,
  w: Float64Array, b: number, g: Float64Array, squared: boolean, wantLoss: boolean, zOut: Float64Array | null,
): number {
  const d = a.cols;
  g.fill(0, 0, d + 1);
  let loss = 0;
  for (let k = 0; k < count; k++) {
    const i = idx === undefined ? k : idx[k];
    const z = csrDot(a, i, w) + b;
    if (zOut !== null) zOut[k] = z;
    const e = expNeg(-Math.abs(z));
    const yi = y[i];
    const si = s === null ? 1 : s[i];
    const dl = ((z >= 0 ? 1 : e) - yi - yi * e) / (1 + e); // p − y
    let r: number;
    if (!squared) {
      r = si * dl;
      if (wantLoss) loss += si * (Math.log1p(e) + ((z > 0 ? z : 0) - yi * z));
    } else {
      r = si * (dl * (e / ((1 + e) * (1 + e))));
      if (wantLoss) loss += si * (0.5 * dl * dl);
    }
    g[d] += r;
    csrAxpy(a, i, r, g);
  }
  return loss;
}

/** KernelDataset.hessVec over CSR rows, D from curvature(). */
export function csrHessVecPass(a: Csr, D: Float64Array, v: Float64Array, vb: number, out: Float64Array): void {
  const d = a.cols;
  out.fill(0, 0, d + 1);
  for (let i = 0; i < a.rows; i++) {
    const r = D[i] * (csrDot(a, i, v) + vb);
    out[d] += r;
    csrAxpy(a, i, r, out);
  }
}

/** KernelDataset.hessian: Σ D_i [x_i; 1][x_i; 1]ᵀ, (d + 1)², from each row's non-zero pairs. */
export function csrHessianPass(a: Csr, D: Float64Array, out: Float64Array): void {
  const { indptr, indices, data } = a;
  const m = a.cols + 1;
  const last = a.cols;
  out.fill(0, 0, m * m);
  for (let i = 0; i < a.rows; i++) {
    const Di = D[i];
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const j = indices[p];
      const c = Di * data[p];
      out[j * m + last] += c;
      for (let q = indptr[i]; q < indptr[i + 1]; q++) {
        const k = indices[q];
        if (k >= j) out[j * m + k] += c * data[q];
      }
    }
    out[last * m + last] += Di;
  }
  mirrorUpper(out, m);
}

/** ‖x_i‖² for every row. */
export function csrRowSqNorms(a: Csr): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++)
    for (let k = a.indptr[i]; k < a.indptr[i + 1]; k++) out[i] += a.data[k] * a.data[k];
  return out;
}

/** Mean and variance of every column, zeros included. */
export function csrColumnStats(a: Csr): ColumnStats {
  const s = new Float64Array(a.cols);
  const q = new Float64Array(a.cols);
  const nnz = a.indptr[a.rows];
  for (let k = 0; k < nnz; k++) {
    const v = a.data[k];
    s[a.indices[k]] += v;
    q[a.indices[k]] += v * v;
  }
  return statsFromMoments(new Float64Array(a.cols), s, q, a.rows);
}

/** KernelDataset.sagaBatch over CSR rows. */
export function csrSagaPass(
  a: Csr, y: Float64Array, s: Float64Array | null, T: Float64Array, w: Float64Array, b: number,
  idx: Int32Array | undefined, scale: number, squared: boolean, g: Float64Array,
): void {
  const d = a.cols;
  g.fill(0, 0, d + 1);
  const count = idx ? idx.length : a.rows;
  for (let k = 0; k < count; k++) {
    const i = idx ? idx[k] : k;
    const r = scale * (s === null ? 1 : s[i]) * firstDerivative(csrDot(a, i, w) + b, y[i], squared);
    const delta = r - T[i];
    T[i] = r;
    g[d] += delta;
    csrAxpy(a, i, delta, g);
  }
}

/** SoftmaxDataset.grad over CSR rows; e: k scratch values; P: count×k probabilities or null. */
export function csrSoftmaxPass(
  a: Csr, y: Int32Array, s: Float64Array | null, k: number, idx: Int32Array | undefined, count: number,
  W: Float64Array, b: Float64Array, g: Float64Array, e: Float64Array, P: Float64Array | null,
): number {
  const d = a.cols;
  g.fill(0, 0, k * d + k);
  let loss = 0;
  for (let t = 0; t < count; t++) {
    const i = idx ? idx[t] : t;
    let m = 0;
    let cm = 0;
    for (let c = 0; c < k; c++) {
      const z = csrDot(a, i, W, c * d) + b[c];
      e[c] = z;
      if (c === 0 || z > m) {
        m = z;
        cm = c;
      }
    }
    const yi = y[i];
    const zy = e[yi];
    let rest = 0;
    for (let c = 0; c < k; c++) {
      e[c] = expNeg(e[c] - m);
      if (c !== cm) rest += e[c];
    }
    const si = s === null ? 1 : s[i];
    loss += si * (Math.log1p(rest) + (m - zy));
    const inv = 1 / (1 + rest);
    for (let c = 0; c < k; c++) {
      const p = e[c] * inv;
      if (P) P[t * k + c] = p;
      const r = si * (c === yi ? (c === cm ? -rest * inv : p - 1) : p);
      g[k * d + c] += r;
      csrAxpy(a, i, r, g, c * d);
    }
  }
  return loss;
}

/** SoftmaxDataset.hessVec over CSR rows at the probabilities P; t: k scratch values. */
export function csrSoftmaxHessVecPass(
  a: Csr, s: Float64Array | null, k: number, P: Float64Array, V: Float64Array, vb: Float64Array, out: Float64Array, t: Float64Array,
): void {
  const d = a.cols;
  out.fill(0, 0, k * d + k);
  for (let i = 0; i < a.rows; i++) {
    let mean = 0;
    for (let c = 0; c < k; c++) {
      t[c] = csrDot(a, i, V, c * d) + vb[c];
      mean += P[i * k + c] * t[c];
    }
    const si = s === null ? 1 : s[i];
    for (let c = 0; c < k; c++) {
      const r = si * P[i * k + c] * (t[c] - mean);
      out[k * d + c] += r;
      csrAxpy(a, i, r, out, c * d);
    }
  }
}
