// The js backend's sparse datasets: a copy of the CSR arrays (values as f64) and the passes of
// csr-passes.ts.
import type { CsrData } from '../data/csr.js';
import type { ColumnStats } from '../data/column-stats.js';
import type { KernelDataset, LossKind, SagaConstants, SgdConstants, SoftmaxDataset } from './types.js';
import type { SagaEpochRequest, SgdEpochRequest } from '../optim/types.js';
import { LaggedTableCache, csrSagaEpoch, type LaggedScratch } from './csr-saga.js';
import { csrSgdEpoch, lazySgdApplies } from './csr-sgd.js';
import { sgdEpochVia } from './sgd-epoch.js';
import { secondDerivative, sigmoid } from './js-math.js';
import {
  csrColumnStats, csrDot, csrFusedPass, csrHessianPass, csrHessVecPass, csrRowSqNorms, csrSagaPass,
  csrSoftmaxHessVecPass, csrSoftmaxPass, type Csr,
} from './csr-passes.js';

function ownCopy(c: CsrData): Csr {
  return { rows: c.rows, cols: c.cols, indptr: c.indptr.slice(), indices: c.indices.slice(), data: Float64Array.from(c.data) };
}

export class JsCsrDataset implements KernelDataset {
  readonly n: number;
  readonly d: number;
  readonly sparse = true;
  private a: Csr | null;
  private readonly y: Float64Array;
  private readonly s: Float64Array | null;
  private z: Float64Array | null = null;
  private D: Float64Array | null = null;
  private table: Float64Array | null = null;
  private lagged: LaggedScratch | null = null;
  private sgdScratch: Float64Array | null = null;
  private readonly tables = new LaggedTableCache();

  constructor(c: CsrData, y: Float64Array, s: Float64Array | null) {
    this.n = c.rows;
    this.d = c.cols;
    this.a = ownCopy(c);
    this.y = Float64Array.from(y);
    this.s = s ? Float64Array.from(s) : null;
  }

  private csr(): Csr {
    if (this.a === null) throw new Error('dataset disposed');
    return this.a;
  }

  fusedGrad(w: Float64Array, b: number, g: Float64Array, loss: LossKind, wantLoss: boolean, indices?: Int32Array, keepZ = false): number {
    const zOut = keepZ && !indices ? (this.z ??= new Float64Array(this.n)) : null;
    return csrFusedPass(this.csr(), this.y, this.s, indices, indices ? indices.length : this.n, w, b, g, loss === 'squared', wantLoss, zOut);
  }

  curvature(loss: LossKind): void {
    const z = this.z;
    if (z === null) throw new Error('curvature() needs a full fusedGrad pass with keepZ first');
    const D = (this.D ??= new Float64Array(this.n));
    for (let i = 0; i < this.n; i++) D[i] = (this.s === null ? 1 : this.s[i]) * secondDerivative(z[i], this.y[i], loss === 'squared');
  }

  private curvatures(): Float64Array {
    if (this.D === null) throw new Error('hessVec() needs curvature() first');
    return this.D;
  }

  hessVec(v: Float64Array, vb: number, out: Float64Array): void {
    csrHessVecPass(this.csr(), this.curvatures(), v, vb, out);
  }

  hessian(out: Float64Array): void {
    csrHessianPass(this.csr(), this.curvatures(), out);
  }

  rowSqNorms(): Float64Array {
    return csrRowSqNorms(this.csr());
  }

  columnStats(): ColumnStats {
    return csrColumnStats(this.csr());
  }

  sagaBatch(w: Float64Array, b: number, indices: Int32Array | undefined, scale: number, loss: LossKind, g: Float64Array): void {
    csrSagaPass(this.csr(), this.y, this.s, (this.table ??= new Float64Array(this.n)), w, b, indices, scale, loss === 'squared', g);
  }

  sagaReset(): void {
    this.table?.fill(0);
  }

  /** The epoch with lagged updates (csr-saga.ts): its cost is the non-zeros, where batch steps would cost d each. */
  sagaEpoch(r: SagaEpochRequest, c: SagaConstants): void {
    const { pw, cs } = this.tables.get(r.shrink, Math.ceil(r.order.length / r.batch));
    this.lagged ??= { g: new Float64Array(this.d + 1), last: new Int32Array(this.d) };
    csrSagaEpoch(this.csr(), this.y, this.s, (this.table ??= new Float64Array(this.n)), this.lagged, r, c, pw, cs);
  }

  sgdEpoch(r: SgdEpochRequest, c: SgdConstants): void {
    if (!lazySgdApplies(r, c)) return sgdEpochVia(this, r, c);
    csrSgdEpoch(this.csr(), this.y, this.s, r, c, (this.sgdScratch ??= new Float64Array(this.d)));
  }

  dispose(): void {
    this.a = this.z = this.D = this.table = this.lagged = this.sgdScratch = null;
  }
}

export class JsCsrSoftmaxDataset implements SoftmaxDataset {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  private a: Csr | null;
  private readonly y: Int32Array;
  private readonly s: Float64Array | null;
  private readonly e: Float64Array;
  private P: Float64Array | null = null;

  constructor(c: CsrData, y: Int32Array, k: number, s: Float64Array | null) {
    this.n = c.rows;
    this.d = c.cols;
    this.k = k;
    this.a = ownCopy(c);
    this.y = Int32Array.from(y);
    this.s = s ? Float64Array.from(s) : null;
    this.e = new Float64Array(k);
  }

  private csr(): Csr {
    if (this.a === null) throw new Error('dataset disposed');
    return this.a;
  }

  grad(W: Float64Array, b: Float64Array, g: Float64Array, indices?: Int32Array, keepP = false): number {
    const P = keepP && !indices ? (this.P ??= new Float64Array(this.n * this.k)) : null;
    return csrSoftmaxPass(this.csr(), this.y, this.s, this.k, indices, indices ? indices.length : this.n, W, b, g, this.e, P);
  }

  hessVec(V: Float64Array, vb: Float64Array, out: Float64Array): void {
    if (this.P === null) throw new Error('hessVec() needs a grad pass with keepP first');
    csrSoftmaxHessVecPass(this.csr(), this.s, this.k, this.P, V, vb, out, this.e);
  }

  columnStats(): ColumnStats {
    return csrColumnStats(this.csr());
  }

  dispose(): void {
    this.a = this.P = null;
  }
}

/** Margins (σ of them with `applySigmoid`) of CSR rows. */
export function jsCsrDecision(c: CsrData, w: Float64Array, b: number, out: Float64Array, applySigmoid: boolean): void {
  for (let i = 0; i < c.rows; i++) {
    const z = csrDot(c, i, w) + b;
    out[i] = applySigmoid ? sigmoid(z) : z;
  }
}

export function jsCsrDecisionMulti(c: CsrData, W: Float64Array, b: Float64Array, k: number, out: Float64Array): void {
  for (let i = 0; i < c.rows; i++) for (let ci = 0; ci < k; ci++) out[i * k + ci] = csrDot(c, i, W, ci * c.cols) + b[ci];
}
