// The wasm backend's softmax dataset: X (float64, or float32 widened exactly on load), class
// indices and weights in linear memory once; each pass moves W, b in and the gradient out (full
// passes split across the runtime's threads, if any, each shard with its own output and scratch).
import type { MatrixSource, SoftmaxDataset, StorageType } from './types.js';
import type { EngineRuntime } from './threads/pool.js';
import { Region, assertFits } from '../wasm/heap.js';
import { Sharder } from './threads/sharder.js';
import { wasmColumnStats } from './wasm-column-stats.js';
import { predictInChunks } from './wasm-predict.js';
import { copyRowsIn } from './wasm-copy.js';
import type { ColumnStats } from '../data/column-stats.js';

export class WasmSoftmaxDataset implements SoftmaxDataset {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  private readonly rt: EngineRuntime;
  private readonly mem: Region;
  private readonly xPtr: number;
  private readonly yPtr: number;
  private readonly sPtr: number;
  private readonly wPtr: number;
  private readonly bPtr: number;
  private readonly gPtr: number;
  private readonly scratch: number[] = [];
  private readonly shards: Sharder;
  private readonly f32: boolean;
  private idxPtr = 0;
  private pPtr = 0;
  private disposed = false;

  constructor(
    rt: EngineRuntime,
    X: MatrixSource,
    y: Int32Array,
    k: number,
    s: Float64Array | null,
    storage: StorageType = 'float64',
  ) {
    this.rt = rt;
    this.mem = new Region(rt.heap);
    this.n = X.rows;
    this.d = X.cols;
    this.k = k;
    this.f32 = storage === 'float32';
    const heap = rt.heap;
    const elem = this.f32 ? 4 : 8;
    assertFits(heap, this.n * (elem * this.d + 8 * (2 * k + 2)), `X (${this.n} × ${this.d} ${storage}) with ${k} classes`);
    try {
      this.xPtr = this.mem.alloc(elem * this.n * this.d);
      copyRowsIn(rt, X, this.xPtr, 0, this.n, this.f32);
      this.yPtr = this.mem.alloc(4 * this.n);
      heap.i32(this.yPtr, this.n).set(y);
      this.sPtr = s ? this.mem.f64From(s) : 0;
      // W and b are read by every thread, outputs and scratch written by one: separate lines
      this.wPtr = this.mem.isolated(8 * k * this.d);
      this.bPtr = this.mem.isolated(8 * k);
      this.gPtr = this.mem.isolated(8 * (k * this.d + k));
    } catch (e) {
      this.dispose();
      throw e;
    }
    this.shards = new Sharder(rt, this.mem, this.gPtr, k * this.d + k, k * this.d);
  }

  /** 4k doubles of scratch for shard t (the passes keep two pairs of rows per class). */
  private scratchOf(t: number): number {
    while (this.scratch.length <= t) this.scratch.push(this.mem.isolated(32 * this.k));
    return this.scratch[t];
  }

  grad(W: Float64Array, b: Float64Array, g: Float64Array, indices?: Int32Array, keepP = false): number {
    this.live();
    const heap = this.rt.heap;
    let idx = 0;
    if (indices) {
      if (this.idxPtr === 0) this.idxPtr = this.mem.alloc(4 * this.n);
      heap.i32(this.idxPtr, indices.length).set(indices);
      idx = this.idxPtr;
    }
    let pOut = 0;
    if (keepP && !indices) {
      if (this.pPtr === 0) this.pPtr = this.mem.alloc(8 * this.n * this.k);
      pOut = this.pPtr;
    }
    this.setParams(W, b);
    const k = this.k;
    const losses = this.shards.run(this.f32 ? 'softmaxGradF32' : 'softmaxGrad', indices ? indices.length : this.n, (r0, c, out, t) => [
      this.xPtr, this.d, this.yPtr, this.sPtr, idx ? idx + 4 * r0 : 0, idx ? 0 : r0, c, k,
      this.wPtr, this.bPtr, out, this.scratchOf(t), pOut ? pOut + 8 * k * r0 : 0,
    ]);
    this.shards.sum(losses.length, g);
    let loss = 0;
    for (const l of losses) loss += l;
    return loss;
  }

  hessVec(V: Float64Array, vb: Float64Array, out: Float64Array): void {
    this.live();
    if (this.pPtr === 0) throw new Error('hessVec() needs a grad pass with keepP first');
    this.setParams(V, vb);
    const { d, k } = this;
    const rowBytes = (this.f32 ? 4 : 8) * d;
    const shards = this.shards.run(this.f32 ? 'softmaxHessVecF32' : 'softmaxHessVec', this.n, (r0, c, o, t) => [
      this.xPtr + rowBytes * r0, d, c, k, this.sPtr ? this.sPtr + 8 * r0 : 0, this.pPtr + 8 * k * r0,
      this.wPtr, this.bPtr, o, this.scratchOf(t),
    ]).length;
    this.shards.sum(shards, out);
  }

  columnStats(): ColumnStats {
    if (this.disposed) throw new Error('dataset disposed');
    return wasmColumnStats(this.rt, this.xPtr, this.n, this.d, this.f32);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.mem.releaseAll();
  }

  private setParams(W: Float64Array, b: Float64Array): void {
    const heap = this.rt.heap;
    heap.f64(this.wPtr, this.k * this.d).set(W);
    heap.f64(this.bPtr, this.k).set(b);
  }

  private live(): void {
    if (this.disposed) throw new Error('dataset disposed');
  }
}

export function wasmDecisionMulti(
  rt: EngineRuntime,
  X: MatrixSource,
  W: Float64Array,
  b: Float64Array,
  k: number,
  out: Float64Array,
): void {
  predictInChunks(rt, X, k, out, (mem) => {
    const wPtr = mem.f64From(W);
    const bPtr = mem.f64From(b);
    return (xPtr, rows, oPtr) => rt.exports.decisionMulti(xPtr, X.cols, rows, k, wPtr, bPtr, oPtr);
  });
}
