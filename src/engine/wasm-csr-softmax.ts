// The wasm backend's sparse softmax dataset: the CSR arrays, class indices and weights in linear
// memory once; the passes run in wasm (assembly/csr-softmax.ts), full passes in shards balanced
// by non-zeros, each shard with its own output and scratch.
import type { CsrData } from '../data/csr.js';
import type { ColumnStats } from '../data/column-stats.js';
import type { SoftmaxDataset, StorageType } from './types.js';
import type { EngineRuntime } from './threads/pool.js';
import { Region, assertFits } from '../wasm/heap.js';
import { Sharder } from './threads/sharder.js';
import { csrShardStarts } from './threads/shards.js';
import { copyCsrIn, csrBytes, type CsrInMemory } from './wasm-csr-copy.js';
import { csrColumnStats } from './csr-passes.js';

export class WasmCsrSoftmaxDataset implements SoftmaxDataset {
  readonly n: number;
  readonly d: number;
  readonly k: number;
  private readonly rt: EngineRuntime;
  private readonly mem: Region;
  private readonly x!: CsrInMemory;
  private readonly yPtr!: number;
  private readonly sPtr!: number;
  private readonly wPtr!: number;
  private readonly bPtr!: number;
  private readonly shards!: Sharder;
  private readonly starts: number[];
  private readonly scratch: number[] = [];
  private idxPtr = 0;
  private pPtr = 0;
  private disposed = false;

  constructor(rt: EngineRuntime, c: CsrData, y: Int32Array, k: number, s: Float64Array | null, storage: StorageType) {
    this.rt = rt;
    this.mem = new Region(rt.heap);
    this.n = c.rows;
    this.d = c.cols;
    this.k = k;
    const f32 = storage === 'float32';
    assertFits(rt.heap, csrBytes(c, f32) + 8 * this.n * (k + 2) + 24 * k * this.d, `X (${c.rows} × ${c.cols}, ${c.nnz} non-zeros) with ${k} classes`);
    this.starts = rt.pool ? csrShardStarts(c.indptr, rt.pool.size) : [0, this.n];
    try {
      this.x = copyCsrIn(rt, this.mem, c, f32);
      this.yPtr = this.mem.alloc(4 * this.n);
      rt.heap.i32(this.yPtr, this.n).set(y);
      this.sPtr = s ? this.mem.f64From(s) : 0;
      this.wPtr = this.mem.isolated(8 * k * this.d);
      this.bPtr = this.mem.isolated(8 * k);
      const gPtr = this.mem.isolated(8 * (k * this.d + k));
      this.shards = new Sharder(rt, this.mem, gPtr, k * this.d + k, k * this.d);
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  /** k doubles of scratch for shard t. */
  private scratchOf(t: number): number {
    while (this.scratch.length <= t) this.scratch.push(this.mem.isolated(8 * this.k));
    return this.scratch[t];
  }

  grad(W: Float64Array, b: Float64Array, g: Float64Array, indices?: Int32Array, keepP = false): number {
    this.live();
    this.setParams(W, b);
    const { P, J, V, f32 } = this.x;
    const { d, k } = this;
    const fn = f32 ? 'csrSoftmaxGradF32' : 'csrSoftmaxGrad';
    if (indices) {
      const heap = this.rt.heap;
      if (this.idxPtr === 0) this.idxPtr = this.mem.alloc(4 * this.n);
      heap.i32(this.idxPtr, indices.length).set(indices);
      const out = this.shards.out(0);
      const loss = this.rt.exports[fn](P, J, V, d, this.yPtr, this.sPtr, this.idxPtr, 0, indices.length, k, this.wPtr, this.bPtr, out, this.scratchOf(0), 0);
      g.set(heap.f64(out, k * d + k));
      return loss;
    }
    const pOut = keepP ? (this.pPtr ||= this.mem.alloc(8 * this.n * k)) : 0;
    const losses = this.shards.run(
      fn, this.n,
      (r0, count, out, t) => [P, J, V, d, this.yPtr, this.sPtr, 0, r0, count, k, this.wPtr, this.bPtr, out, this.scratchOf(t), pOut ? pOut + 8 * k * r0 : 0],
      this.starts,
    );
    this.shards.sum(losses.length, g);
    let loss = 0;
    for (const l of losses) loss += l;
    return loss;
  }

  hessVec(Vm: Float64Array, vb: Float64Array, out: Float64Array): void {
    this.live();
    if (this.pPtr === 0) throw new Error('hessVec() needs a grad pass with keepP first');
    this.setParams(Vm, vb);
    const { P, J, V, f32 } = this.x;
    const { d, k } = this;
    const shards = this.shards.run(
      f32 ? 'csrSoftmaxHessVecF32' : 'csrSoftmaxHessVec', this.n,
      (r0, count, o, t) => [P, J, V, d, r0, count, k, this.sPtr, this.pPtr + 8 * k * r0, this.wPtr, this.bPtr, o, this.scratchOf(t)],
      this.starts,
    ).length;
    this.shards.sum(shards, out);
  }

  columnStats(): ColumnStats {
    this.live();
    return csrColumnStats(this.x.view());
  }

  private setParams(W: Float64Array, b: Float64Array): void {
    const heap = this.rt.heap;
    heap.f64(this.wPtr, this.k * this.d).set(W);
    heap.f64(this.bPtr, this.k).set(b);
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
