// The wasm backend's sparse binary dataset: the CSR arrays, y and weights in linear memory once;
// the fused pass and Hessian-vector products run in wasm (assembly/csr.ts), full passes split
// across the runtime's threads in shards balanced by non-zeros. The passes that are not hot
// (full Hessian for small d, row norms, column stats, SAGA's batch step) read the same memory
// from TS (csr-passes.ts).
import type { CsrData } from '../data/csr.js';
import type { ColumnStats } from '../data/column-stats.js';
import type { KernelDataset, LossKind, SagaConstants, SgdConstants, StorageType } from './types.js';
import type { SagaEpochRequest, SgdEpochRequest } from '../optim/types.js';
import { LaggedTableCache } from './csr-saga.js';
import { csrSgdEpoch, lazySgdApplies } from './csr-sgd.js';
import type { EngineRuntime } from './threads/pool.js';
import { MODE_NO_LOSS, MODE_SQUARED } from '../wasm/exports.js';
import { Region, assertFits } from '../wasm/heap.js';
import { Sharder } from './threads/sharder.js';
import { csrShardStarts } from './threads/shards.js';
import { sgdEpochVia } from './sgd-epoch.js';
import { copyCsrIn, csrBytes, type CsrInMemory } from './wasm-csr-copy.js';
import { csrColumnStats, csrHessianPass, csrRowSqNorms, csrSagaPass } from './csr-passes.js';

export class WasmCsrDataset implements KernelDataset {
  readonly n: number;
  readonly d: number;
  readonly sparse = true;
  private readonly rt: EngineRuntime;
  private readonly mem: Region;
  private readonly x!: CsrInMemory;
  private readonly yPtr!: number;
  private readonly sPtr!: number;
  private readonly wPtr!: number;
  private readonly gPtr!: number;
  private readonly shards!: Sharder;
  /** shard boundaries of full passes (by non-zeros) */
  private readonly starts: number[];
  private idxPtr = 0;
  private zPtr = 0;
  private dPtr = 0;
  private vPtr = 0;
  private tablePtr = 0;
  /** sagaEpoch: a 32-byte record per coefficient (x, avg, g, last), then the intercept and its avg */
  private sagaPtr = 0;
  private tableSteps = -1;
  private tablesPtr = 0;
  private readonly tables = new LaggedTableCache();
  private sgdScratch: Float64Array | null = null;
  private disposed = false;

  constructor(rt: EngineRuntime, c: CsrData, y: Float64Array, s: Float64Array | null, storage: StorageType) {
    this.rt = rt;
    this.mem = new Region(rt.heap);
    this.n = c.rows;
    this.d = c.cols;
    const f32 = storage === 'float32';
    assertFits(rt.heap, csrBytes(c, f32) + 40 * this.n + 24 * this.d, `X (${c.rows} × ${c.cols}, ${c.nnz} non-zeros, ${storage}) with its per-row buffers`);
    this.starts = rt.pool ? csrShardStarts(c.indptr, rt.pool.size) : [0, this.n];
    try {
      this.x = copyCsrIn(rt, this.mem, c, f32);
      this.yPtr = this.mem.f64From(y);
      this.sPtr = s ? this.mem.f64From(s) : 0;
      // w is read by every thread while g is written: separate cache lines
      this.wPtr = this.mem.isolated(8 * this.d);
      this.gPtr = this.mem.isolated(8 * (this.d + 1));
      this.shards = new Sharder(rt, this.mem, this.gPtr, this.d + 1, this.d);
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  fusedGrad(w: Float64Array, b: number, g: Float64Array, loss: LossKind, wantLoss: boolean, indices?: Int32Array, keepZ = false): number {
    this.live();
    const heap = this.rt.heap;
    heap.f64(this.wPtr, this.d).set(w);
    const mode = (loss === 'squared' ? MODE_SQUARED : 0) | (wantLoss ? 0 : MODE_NO_LOSS);
    const { P, J, V, f32 } = this.x;
    const fn = f32 ? 'csrFusedGradF32' : 'csrFusedGrad';
    if (indices) {
      // minibatches: one direct call
      if (this.idxPtr === 0) this.idxPtr = this.mem.alloc(4 * this.n);
      heap.i32(this.idxPtr, indices.length).set(indices);
      const value = this.rt.exports[fn](P, J, V, this.d, this.yPtr, this.sPtr, this.idxPtr, 0, indices.length, this.wPtr, b, this.gPtr, 0, mode);
      g.set(heap.f64(this.gPtr, this.d + 1));
      return value;
    }
    let zOut = 0;
    if (keepZ) zOut = this.zPtr ||= this.mem.isolated(8 * this.n);
    const values = this.shards.run(
      fn, this.n,
      (r0, count, out) => [P, J, V, this.d, this.yPtr, this.sPtr, 0, r0, count, this.wPtr, b, out, zOut ? zOut + 8 * r0 : 0, mode],
      this.starts,
    );
    this.shards.sum(values.length, g);
    let value = 0;
    for (const v of values) value += v;
    return value;
  }

  curvature(loss: LossKind): void {
    this.live();
    if (this.zPtr === 0) throw new Error('curvature() needs a full fusedGrad pass with keepZ first');
    this.dPtr ||= this.mem.isolated(8 * this.n);
    this.rt.exports.curvatureFromZ(this.zPtr, this.yPtr, this.sPtr, this.n, loss === 'squared' ? MODE_SQUARED : 0, this.dPtr);
  }

  private curvatures(): number {
    this.live();
    if (this.dPtr === 0) throw new Error('hessVec() needs curvature() first');
    return this.dPtr;
  }

  hessVec(v: Float64Array, vb: number, out: Float64Array): void {
    const D = this.curvatures();
    this.vPtr ||= this.mem.isolated(8 * this.d);
    this.rt.heap.f64(this.vPtr, this.d).set(v);
    const { P, J, V, f32 } = this.x;
    const shards = this.shards.run(
      f32 ? 'csrHessVecF32' : 'csrHessVec', this.n,
      (r0, count, o) => [P, J, V, this.d, r0, count, D, this.vPtr, vb, o],
      this.starts,
    ).length;
    this.shards.sum(shards, out);
  }

  hessian(out: Float64Array): void {
    const D = this.curvatures();
    csrHessianPass(this.x.view(), this.rt.heap.f64(D, this.n), out);
  }

  rowSqNorms(): Float64Array {
    this.live();
    return csrRowSqNorms(this.x.view());
  }

  columnStats(): ColumnStats {
    this.live();
    return csrColumnStats(this.x.view());
  }

  sagaBatch(w: Float64Array, b: number, indices: Int32Array | undefined, scale: number, loss: LossKind, g: Float64Array): void {
    this.live();
    const heap = this.rt.heap;
    const s = this.sPtr ? heap.f64(this.sPtr, this.n) : null;
    const T = heap.f64(this.ensureTable(), this.n);
    csrSagaPass(this.x.view(), heap.f64(this.yPtr, this.n), s, T, w, b, indices, scale, loss === 'squared', g);
  }

  private ensureTable(): number {
    if (this.tablePtr === 0) {
      this.tablePtr = this.mem.alloc(8 * this.n);
      this.rt.heap.f64(this.tablePtr, this.n).fill(0);
    }
    return this.tablePtr;
  }

  sagaReset(): void {
    this.live();
    if (this.tablePtr) this.rt.heap.f64(this.tablePtr, this.n).fill(0);
  }

  /** One SAGA epoch with lagged updates (assembly/csr-saga.ts): its cost is the non-zeros, not d per batch. */
  sagaEpoch(r: SagaEpochRequest, c: SagaConstants): void {
    this.live();
    const heap = this.rt.heap;
    const table = this.ensureTable();
    const d = this.d;
    // each coefficient's record (x, avg, g, last): g and last start at 0 and are left at 0
    if (this.sagaPtr === 0) {
      this.sagaPtr = this.mem.alloc(32 * d + 16);
      heap.f64(this.sagaPtr, 4 * d).fill(0);
    }
    const steps = Math.ceil(r.order.length / r.batch);
    const { pw, cs } = this.tables.get(r.shrink, steps);
    if (this.tableSteps !== steps) {
      // the same every epoch of a fit; another batch size takes a new block until dispose
      this.tablesPtr = this.mem.alloc(16 * (steps + 1));
      this.tableSteps = steps;
      heap.f64(this.tablesPtr, steps + 1).set(pw);
      heap.f64(this.tablesPtr + 8 * (steps + 1), steps + 1).set(cs);
    }
    const W = heap.f64(this.sagaPtr, 4 * d + 2);
    for (let j = 0; j < d; j++) {
      W[4 * j] = r.x[j];
      W[4 * j + 1] = r.avg[j];
    }
    const xb = this.sagaPtr + 32 * d;
    if (c.fitIntercept) {
      W[4 * d] = r.x[d];
      W[4 * d + 1] = r.avg[d];
    }
    if (this.idxPtr === 0) this.idxPtr = this.mem.alloc(4 * this.n);
    heap.i32(this.idxPtr, r.order.length).set(r.order);
    const { P, J, V, f32 } = this.x;
    this.rt.exports.csrSagaEpoch(
      P, J, V, d, this.yPtr, this.sPtr, this.idxPtr, r.order.length, r.batch,
      this.sagaPtr, xb, xb + 8, table, this.tablesPtr, this.tablesPtr + 8 * (steps + 1),
      c.scale, c.rows, r.eta, r.thresh, r.shrink, c.fitIntercept ? 1 : 0, c.loss === 'squared' ? 1 : 0, f32 ? 1 : 0,
    );
    const out = heap.f64(this.sagaPtr, 4 * d + 2);
    for (let j = 0; j < d; j++) {
      r.x[j] = out[4 * j];
      r.avg[j] = out[4 * j + 1];
    }
    if (c.fitIntercept) {
      r.x[d] = out[4 * d];
      r.avg[d] = out[4 * d + 1];
    }
  }

  /** Without momentum, the lazy epoch of csr-sgd.ts (in TS, over this memory): its cost is the non-zeros. */
  sgdEpoch(r: SgdEpochRequest, c: SgdConstants): void {
    this.live();
    if (!lazySgdApplies(r, c)) return sgdEpochVia(this, r, c);
    const heap = this.rt.heap;
    const s = this.sPtr ? heap.f64(this.sPtr, this.n) : null;
    csrSgdEpoch(this.x.view(), heap.f64(this.yPtr, this.n), s, r, c, (this.sgdScratch ??= new Float64Array(this.d)));
  }

  private live(): void {
    if (this.disposed) throw new Error('dataset disposed');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.mem.releaseAll();
  }
}

/** Margins (σ of them with `sigmoid`) of CSR rows: the arrays copied in once, as f64. */
export function wasmCsrDecision(rt: EngineRuntime, c: CsrData, w: Float64Array, b: number, out: Float64Array, sigmoid: boolean): void {
  withCsr(rt, c, (x, mem) => {
    const oPtr = mem.alloc(8 * c.rows);
    rt.exports.csrDecision(x.P, x.J, x.V, c.rows, mem.f64From(w), b, oPtr, sigmoid ? 1 : 0);
    out.set(rt.heap.f64(oPtr, c.rows));
  });
}

export function wasmCsrDecisionMulti(rt: EngineRuntime, c: CsrData, W: Float64Array, b: Float64Array, k: number, out: Float64Array): void {
  withCsr(rt, c, (x, mem) => {
    const oPtr = mem.alloc(8 * c.rows * k);
    rt.exports.csrDecisionMulti(x.P, x.J, x.V, c.cols, c.rows, mem.f64From(W), mem.f64From(b), k, oPtr);
    out.set(rt.heap.f64(oPtr, c.rows * k));
  });
}

function withCsr(rt: EngineRuntime, c: CsrData, fn: (x: CsrInMemory, mem: Region) => void): void {
  assertFits(rt.heap, csrBytes(c, false) + 8 * c.rows + 8 * c.cols, `X (${c.rows} × ${c.cols}, ${c.nnz} non-zeros)`);
  const mem = new Region(rt.heap);
  try {
    fn(copyCsrIn(rt, mem, c, false), mem);
  } finally {
    mem.releaseAll();
  }
}
