// The wasm backend: data lives in linear memory (copied once per dataset); each pass moves only
// d-sized vectors (w in, g out) and, for minibatches, the batch's row numbers.
import type { Kernels, KernelDataset, LossKind, MatrixSource } from './types.js';
import type { WasmRuntime } from '../wasm/load.js';
import { MODE_NO_LOSS, MODE_SQUARED } from '../wasm/exports.js';

class WasmDataset implements KernelDataset {
  readonly n: number;
  readonly d: number;
  private readonly rt: WasmRuntime;
  private ptrs: number[] = [];
  private xPtr: number;
  private yPtr: number;
  private sPtr: number;
  private wPtr: number;
  private gPtr: number;
  private idxPtr = 0;
  private disposed = false;

  constructor(rt: WasmRuntime, X: MatrixSource, y: Float64Array, s: Float64Array | null) {
    this.rt = rt;
    this.n = X.rows;
    this.d = X.cols;
    const heap = rt.heap;
    try {
      this.xPtr = this.alloc(8 * this.n * this.d);
      X.fill(heap.f64(this.xPtr, this.n * this.d));
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
    const p = this.rt.heap.alloc(bytes);
    this.ptrs.push(p);
    return p;
  }

  fusedGrad(
    w: Float64Array,
    b: number,
    g: Float64Array,
    loss: LossKind,
    wantLoss: boolean,
    indices?: Int32Array,
  ): number {
    if (this.disposed) throw new Error('dataset disposed');
    const heap = this.rt.heap;
    let count = this.n;
    let idx = 0;
    if (indices) {
      if (this.idxPtr === 0) this.idxPtr = this.alloc(4 * this.n);
      count = indices.length;
      heap.i32(this.idxPtr, count).set(indices);
      idx = this.idxPtr;
    }
    heap.f64(this.wPtr, this.d).set(w);
    const mode = (loss === 'squared' ? MODE_SQUARED : 0) | (wantLoss ? 0 : MODE_NO_LOSS);
    const value = this.rt.exports.fusedGrad(
      this.xPtr, this.d, this.yPtr, this.sPtr, idx, 0, count, this.wPtr, b, this.gPtr, 0, mode,
    );
    g.set(heap.f64(this.gPtr, this.d + 1));
    return value;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const p of this.ptrs) this.rt.heap.release(p);
    this.ptrs = [];
  }
}

export function wasmKernels(rt: WasmRuntime): Kernels {
  return {
    name: 'wasm',
    dataset(X, y, s) {
      return new WasmDataset(rt, X, y, s);
    },
    decision(X, w, b, out) {
      const heap = rt.heap;
      const n = X.rows;
      const d = X.cols;
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
