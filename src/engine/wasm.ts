// The wasm backend: data lives in linear memory (copied once per dataset); each pass moves only
// d-sized vectors (w in, g out) and, for minibatches, the batch's row numbers.
import type { Kernels, KernelDataset, LossKind, MatrixSource, SagaConstants, SgdConstants, StorageType } from './types.js';
import type { SagaEpochRequest, SgdEpochRequest } from '../optim/types.js';
import type { EngineRuntime } from './threads/pool.js';
import { MODE_NO_LOSS, MODE_SQUARED } from '../wasm/exports.js';
import { Region, assertFits } from '../wasm/heap.js';
import { WasmSoftmaxDataset, wasmDecisionMulti } from './wasm-softmax.js';
import { shardCount } from './threads/shards.js';
import { Sharder } from './threads/sharder.js';
import { wasmColumnStats } from './wasm-column-stats.js';
import { predictInChunks } from './wasm-predict.js';
import { copyRowsIn } from './wasm-copy.js';
import type { ColumnStats } from '../data/column-stats.js';
import { mirrorUpper } from './symmetric.js';
import { WasmCsrDataset, wasmCsrDecision, wasmCsrDecisionMulti } from './wasm-csr.js';
import { WasmCsrSoftmaxDataset } from './wasm-csr-softmax.js';

class WasmDataset implements KernelDataset {
  readonly n: number;
  readonly d: number;
  private readonly rt: EngineRuntime;
  private readonly mem: Region;
  private xPtr: number;
  private yPtr: number;
  private sPtr: number;
  private wPtr: number;
  private gPtr: number;
  private idxPtr = 0;
  private zPtr = 0;
  private dPtr = 0;
  private vPtr = 0;
  private tablePtr = 0;
  /** x, v and look-ahead of sgdEpoch (d + 1 each, then one spare). */
  private sgdPtr = 0;
  /** x, avg of sagaEpoch (d + 1 each), then the touch sink. */
  private sagaPtr = 0;
  /** Shard outputs of threaded passes (shard 0 writes gPtr). */
  private shards!: Sharder;
  /** The full Hessian's outputs ((d + 1)² each) and each shard's scratch, made on first use. */
  private hessianShards: Sharder | null = null;
  private gramScratch: number[] = [];
  private disposed = false;
  /** Views on w, g and the row list, rebuilt only when the memory's buffer changes (growth). */
  private viewGeneration = -1;
  private wView = new Float64Array(0);
  private gView = new Float64Array(0);
  private idxView = new Int32Array(0);
  private readonly f32: boolean;

  constructor(rt: EngineRuntime, X: MatrixSource, y: Float64Array, s: Float64Array | null, storage: StorageType) {
    this.rt = rt;
    this.mem = new Region(rt.heap);
    this.n = X.rows;
    this.d = X.cols;
    this.f32 = storage === 'float32';
    const heap = rt.heap;
    const elem = this.f32 ? 4 : 8;
    assertFits(heap, elem * this.n * this.d + 48 * this.n + 16 * this.d, `X (${this.n} × ${this.d} ${storage}) with its per-row buffers`);
    try {
      this.xPtr = this.alloc(elem * this.n * this.d);
      copyRowsIn(rt, X, this.xPtr, 0, this.n, this.f32);
      this.yPtr = this.alloc(8 * this.n);
      heap.f64(this.yPtr, this.n).set(y);
      this.sPtr = 0;
      if (s) {
        this.sPtr = this.alloc(8 * this.n);
        heap.f64(this.sPtr, this.n).set(s);
      }
      // w is read by every thread while g is written: keep them on separate cache lines
      this.wPtr = this.mem.isolated(8 * this.d);
      this.gPtr = this.mem.isolated(8 * (this.d + 1));
      this.shards = new Sharder(rt, this.mem, this.gPtr, this.d + 1, this.d);
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  private alloc(bytes: number): number {
    return this.mem.alloc(bytes);
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
    const idx = this.rows(indices);
    const count = indices ? indices.length : this.n;
    this.views().wView.set(w);
    let zOut = 0;
    if (keepZ && !indices) {
      if (this.zPtr === 0) this.zPtr = this.mem.isolated(8 * this.n);
      zOut = this.zPtr;
    }
    const mode = modeOf(loss) | (wantLoss ? 0 : MODE_NO_LOSS);
    const pool = this.rt.pool;
    if (!pool || shardCount(count, this.d, pool.size) === 1) {
      // one thread, or a pass too short to split (minibatches): a direct call, nothing allocated
      const value = (this.f32 ? this.rt.exports.fusedGradF32 : this.rt.exports.fusedGrad)(
        this.xPtr, this.d, this.yPtr, this.sPtr, idx, 0, count, this.wPtr, b, this.gPtr, zOut, mode,
      );
      g.set(this.views().gView);
      return value;
    }
    const values = this.shards.run(this.f32 ? 'fusedGradF32' : 'fusedGrad', count, (r0, c, out) => [
      this.xPtr, this.d, this.yPtr, this.sPtr, idx ? idx + 4 * r0 : 0, idx ? 0 : r0, c,
      this.wPtr, b, out, zOut ? zOut + 8 * r0 : 0, mode,
    ]);
    this.shards.sum(values.length, g);
    let value = 0;
    for (const v of values) value += v;
    return value;
  }

  curvature(loss: LossKind): void {
    this.live();
    if (this.zPtr === 0) throw new Error('curvature() needs a full fusedGrad pass with keepZ first');
    if (this.dPtr === 0) this.dPtr = this.mem.isolated(8 * this.n);
    const mode = modeOf(loss);
    this.shards.run('curvatureFromZ', this.n, (r0, c) => [
      this.zPtr + 8 * r0, this.yPtr + 8 * r0, this.sPtr ? this.sPtr + 8 * r0 : 0, c, mode, this.dPtr + 8 * r0,
    ]);
  }

  hessVec(v: Float64Array, vb: number, out: Float64Array): void {
    this.live();
    if (this.dPtr === 0) throw new Error('hessVec() needs curvature() first');
    if (this.vPtr === 0) this.vPtr = this.mem.isolated(8 * this.d);
    this.rt.heap.f64(this.vPtr, this.d).set(v);
    const rowBytes = (this.f32 ? 4 : 8) * this.d;
    const shards = this.shards.run(this.f32 ? 'hessVecF32' : 'hessVec', this.n, (r0, c, o) => [
      this.xPtr + rowBytes * r0, this.d, c, this.dPtr + 8 * r0, this.vPtr, vb, o,
    ]).length;
    this.shards.sum(shards, out);
  }

  hessian(out: Float64Array): void {
    this.live();
    if (this.dPtr === 0) throw new Error('hessian() needs curvature() first');
    const m = this.d + 1;
    this.hessianShards ??= new Sharder(this.rt, this.mem, this.mem.isolated(8 * m * m), m * m, (this.d * this.d) / 2);
    const rowBytes = (this.f32 ? 4 : 8) * this.d;
    const scratch = (t: number) => (this.gramScratch[t] ??= this.mem.isolated(this.rt.exports.gramScratchBytes(this.d)));
    const shards = this.hessianShards.run(this.f32 ? 'gramF32' : 'gram', this.n, (r0, c, o, t) => [
      this.xPtr + rowBytes * r0, this.d, c, this.dPtr + 8 * r0, o, scratch(t),
    ]).length;
    this.hessianShards.sum(shards, out);
    mirrorUpper(out, m);
  }

  rowSqNorms(): Float64Array {
    this.live();
    const p = this.rt.heap.alloc(8 * this.n);
    try {
      (this.f32 ? this.rt.exports.rowSqNormsF32 : this.rt.exports.rowSqNorms)(this.xPtr, this.d, this.n, p);
      return this.rt.heap.f64(p, this.n).slice();
    } finally {
      this.rt.heap.release(p);
    }
  }

  columnStats(): ColumnStats {
    this.live();
    return wasmColumnStats(this.rt, this.xPtr, this.n, this.d, this.f32);
  }

  sagaBatch(w: Float64Array, b: number, indices: Int32Array | undefined, scale: number, loss: LossKind, g: Float64Array): void {
    const idx = this.rows(indices);
    this.ensureTable();
    this.views().wView.set(w);
    (this.f32 ? this.rt.exports.sagaBatchF32 : this.rt.exports.sagaBatch)(
      this.xPtr, this.d, this.yPtr, this.sPtr, idx, 0, indices ? indices.length : this.n,
      this.wPtr, b, this.tablePtr, scale, this.gPtr, modeOf(loss),
    );
    g.set(this.views().gView);
  }

  sgdEpoch({ x, v, order, batch, eta, beta, nesterov }: SgdEpochRequest, p: SgdConstants): void {
    const idx = this.rows(order);
    const dim = x.length;
    // sized for the largest dim (d + 1), whichever objective asks first
    if (this.sgdPtr === 0) this.sgdPtr = this.mem.isolated(8 * (3 * (this.d + 1) + 1));
    const heap = this.rt.heap;
    const xp = this.sgdPtr;
    const vp = xp + 8 * dim;
    const look = vp + 8 * dim;
    heap.f64(xp, dim).set(x);
    heap.f64(vp, dim).set(v);
    this.rt.exports.sgdEpoch(
      this.xPtr, this.d, this.yPtr, this.sPtr, idx, order.length, batch, xp, vp, look, this.gPtr,
      p.nS, p.S, p.l2, p.fitIntercept ? 1 : 0, eta, beta, nesterov ? 1 : 0, modeOf(p.loss), this.f32 ? 1 : 0,
    );
    x.set(heap.f64(xp, dim));
    v.set(heap.f64(vp, dim));
  }

  sagaEpoch({ x, avg, order, batch, eta, thresh, shrink }: SagaEpochRequest, p: SagaConstants): void {
    const idx = this.rows(order);
    this.ensureTable();
    const dim = x.length;
    if (this.sagaPtr === 0) this.sagaPtr = this.mem.isolated(8 * (2 * (this.d + 1) + 1));
    const heap = this.rt.heap;
    const xp = this.sagaPtr;
    const ap = xp + 8 * dim;
    heap.f64(xp, dim).set(x);
    heap.f64(ap, dim).set(avg);
    this.rt.exports.sagaEpoch(
      this.xPtr, this.d, this.yPtr, this.sPtr, idx, order.length, batch, xp, ap, this.tablePtr, this.gPtr, ap + 8 * dim,
      p.scale, p.rows, eta, thresh, shrink, p.penalized, p.fitIntercept ? 1 : 0, modeOf(p.loss), this.f32 ? 1 : 0,
    );
    x.set(heap.f64(xp, dim));
    avg.set(heap.f64(ap, dim));
  }

  private ensureTable(): void {
    if (this.tablePtr === 0) {
      this.tablePtr = this.alloc(8 * this.n);
      this.rt.heap.f64(this.tablePtr, this.n).fill(0);
    }
  }

  sagaReset(): void {
    this.live();
    if (this.tablePtr !== 0) this.rt.heap.f64(this.tablePtr, this.n).fill(0);
  }

  /**
   * Checks the dataset is live, refreshes the views, copies the row list into memory; returns
   * its offset, or 0 (all rows). The passes over rows (fused, SAGA, SGD epoch) start here.
   */
  private rows(indices: Int32Array | undefined): number {
    this.live();
    if (indices && this.idxPtr === 0) {
      this.idxPtr = this.alloc(4 * this.n);
      this.viewGeneration = -1;
    }
    this.views();
    if (!indices) return 0;
    this.idxView.set(indices);
    return this.idxPtr;
  }

  /**
   * Minibatch passes are short: typed-array views are made once per memory size, not per call
   * (reading memory.buffer alone costs ~20 ns).
   */
  private views(): this {
    const heap = this.rt.heap;
    if (heap.generation !== this.viewGeneration) {
      this.viewGeneration = heap.generation;
      const buf = heap.memory.buffer;
      this.wView = new Float64Array(buf, this.wPtr, this.d);
      this.gView = new Float64Array(buf, this.gPtr, this.d + 1);
      if (this.idxPtr) this.idxView = new Int32Array(buf, this.idxPtr, this.n);
    }
    return this;
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

function modeOf(loss: LossKind): number {
  return loss === 'squared' ? MODE_SQUARED : 0;
}

export function wasmKernels(rt: EngineRuntime): Kernels {
  return {
    name: 'wasm',
    dataset(X, y, s, storage = 'float64') {
      return X.csr ? new WasmCsrDataset(rt, X.csr, y, s, storage) : new WasmDataset(rt, X, y, s, storage);
    },
    decision(X, w, b, out, sigmoid = false) {
      if (X.csr) return wasmCsrDecision(rt, X.csr, w, b, out, sigmoid);
      predictInChunks(rt, X, 1, out, (mem) => {
        const wPtr = mem.f64From(w);
        return (xPtr, rows, oPtr) => {
          rt.exports.decision(xPtr, X.cols, rows, wPtr, b, oPtr);
          if (sigmoid) rt.exports.sigmoidInPlace(oPtr, rows);
        };
      });
    },
    softmaxDataset(X, y, k, s, storage = 'float64') {
      return X.csr ? new WasmCsrSoftmaxDataset(rt, X.csr, y, k, s, storage) : new WasmSoftmaxDataset(rt, X, y, k, s, storage);
    },
    decisionMulti(X, W, b, k, out) {
      if (X.csr) return wasmCsrDecisionMulti(rt, X.csr, W, b, k, out);
      wasmDecisionMulti(rt, X, W, b, k, out);
    },
    sigmoid(v) {
      const heap = rt.heap;
      const p = heap.alloc(8 * v.length);
      try {
        heap.f64(p, v.length).set(v);
        rt.exports.sigmoidInPlace(p, v.length);
        v.set(heap.f64(p, v.length));
      } finally {
        heap.release(p);
      }
    },
  };
}
