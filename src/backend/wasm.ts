// The wasm backend: data lives in linear memory (copied once per dataset); each pass moves only
// d-sized vectors (w in, g out) and, for minibatches, the batch's row numbers.
import type { Kernels, KernelDataset, LossKind, MatrixSource, StorageType } from './types.js';
import type { WasmRuntime } from '../wasm/load.js';
import { MODE_NO_LOSS, MODE_SQUARED } from '../wasm/exports.js';
import { Region, assertFits } from '../wasm/heap.js';
import { WasmSoftmaxDataset, wasmDecisionMulti } from './wasm-softmax.js';

class WasmDataset implements KernelDataset {
  readonly n: number;
  readonly d: number;
  private readonly rt: WasmRuntime;
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
  private disposed = false;
  private readonly f32: boolean;

  constructor(rt: WasmRuntime, X: MatrixSource, y: Float64Array, s: Float64Array | null, storage: StorageType) {
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
      X.fill(this.f32 ? heap.f32(this.xPtr, this.n * this.d) : heap.f64(this.xPtr, this.n * this.d));
      this.yPtr = this.alloc(8 * this.n);
      heap.f64(this.yPtr, this.n).set(y);
      this.sPtr = 0;
      if (s) {
        this.sPtr = this.alloc(8 * this.n);
        heap.f64(this.sPtr, this.n).set(s);
      }
      this.wPtr = this.alloc(8 * this.d);
      this.gPtr = this.alloc(8 * (this.d + 1));
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
    this.rt.heap.f64(this.wPtr, this.d).set(w);
    let zOut = 0;
    if (keepZ && !indices) {
      if (this.zPtr === 0) this.zPtr = this.alloc(8 * this.n);
      zOut = this.zPtr;
    }
    const value = (this.f32 ? this.rt.exports.fusedGradF32 : this.rt.exports.fusedGrad)(
      this.xPtr, this.d, this.yPtr, this.sPtr, idx, 0, count, this.wPtr, b, this.gPtr, zOut,
      modeOf(loss) | (wantLoss ? 0 : MODE_NO_LOSS),
    );
    g.set(this.rt.heap.f64(this.gPtr, this.d + 1));
    return value;
  }

  curvature(loss: LossKind): void {
    this.live();
    if (this.zPtr === 0) throw new Error('curvature() needs a full fusedGrad pass with keepZ first');
    if (this.dPtr === 0) this.dPtr = this.alloc(8 * this.n);
    this.rt.exports.curvatureFromZ(this.zPtr, this.yPtr, this.sPtr, this.n, modeOf(loss), this.dPtr);
  }

  hessVec(v: Float64Array, vb: number, out: Float64Array): void {
    this.live();
    if (this.dPtr === 0) throw new Error('hessVec() needs curvature() first');
    if (this.vPtr === 0) this.vPtr = this.alloc(8 * this.d);
    this.rt.heap.f64(this.vPtr, this.d).set(v);
    (this.f32 ? this.rt.exports.hessVecF32 : this.rt.exports.hessVec)(this.xPtr, this.d, this.n, this.dPtr, this.vPtr, vb, this.gPtr);
    out.set(this.rt.heap.f64(this.gPtr, this.d + 1));
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

  sagaBatch(w: Float64Array, b: number, indices: Int32Array | undefined, scale: number, loss: LossKind, g: Float64Array): void {
    const idx = this.rows(indices);
    if (this.tablePtr === 0) {
      this.tablePtr = this.alloc(8 * this.n);
      this.rt.heap.f64(this.tablePtr, this.n).fill(0);
    }
    this.rt.heap.f64(this.wPtr, this.d).set(w);
    (this.f32 ? this.rt.exports.sagaBatchF32 : this.rt.exports.sagaBatch)(
      this.xPtr, this.d, this.yPtr, this.sPtr, idx, 0, indices ? indices.length : this.n,
      this.wPtr, b, this.tablePtr, scale, this.gPtr, modeOf(loss),
    );
    g.set(this.rt.heap.f64(this.gPtr, this.d + 1));
  }

  sagaReset(): void {
    this.live();
    if (this.tablePtr !== 0) this.rt.heap.f64(this.tablePtr, this.n).fill(0);
  }

  /** Copies the row list into memory; returns its offset, or 0 (all rows). */
  private rows(indices: Int32Array | undefined): number {
    this.live();
    if (!indices) return 0;
    if (this.idxPtr === 0) this.idxPtr = this.alloc(4 * this.n);
    this.rt.heap.i32(this.idxPtr, indices.length).set(indices);
    return this.idxPtr;
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

export function wasmKernels(rt: WasmRuntime): Kernels {
  return {
    name: 'wasm',
    dataset(X, y, s, storage = 'float64') {
      return new WasmDataset(rt, X, y, s, storage);
    },
    decision(X, w, b, out) {
      const heap = rt.heap;
      const n = X.rows;
      const d = X.cols;
      assertFits(heap, 8 * n * (d + 1), `X (${n} × ${d} float64) for prediction`);
      const xPtr = heap.alloc(8 * n * d);
      let wPtr = 0;
      let oPtr = 0;
      try {
        X.fill(heap.f64(xPtr, n * d));
        wPtr = heap.alloc(8 * d);
        oPtr = heap.alloc(8 * n);
        heap.f64(wPtr, d).set(w);
        rt.exports.decision(xPtr, d, n, wPtr, b, oPtr);
        out.set(heap.f64(oPtr, n));
      } finally {
        heap.release(xPtr);
        if (wPtr) heap.release(wPtr);
        if (oPtr) heap.release(oPtr);
      }
    },
    softmaxDataset(X, y, k, s) {
      return new WasmSoftmaxDataset(rt, X, y, k, s);
    },
    decisionMulti(X, W, b, k, out) {
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
