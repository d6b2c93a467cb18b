// A fixed set of kernel workers sharing one WebAssembly memory. run() hands shard t ≥ 1 to
// worker t − 1 through its slot (slots.ts), computes shard 0 on the calling thread, then waits
// for every worker: results come back in shard order, whatever order the threads finish in.
import { LogRegError } from '../../core/errors.js';
import type { KernelExports } from '../../wasm/exports.js';
import type { WasmRuntime } from '../../wasm/load.js';
import { ARGC, ARGS, CLAIM, DONE, ERR, FN, MAX_ARGS, READY, RESULT, SEQ, SLOT_BYTES, SPIN, STOP, THREAD_FUNCTIONS, type ThreadFunction } from './slots.js';

export interface WorkerLike {
  terminate(): unknown;
}

interface Slot {
  i32: Int32Array;
  f64: Float64Array;
}

/** True where this thread may block in Atomics.wait (Node, workers; not a browser's main thread). */
function canBlock(view: Int32Array): boolean {
  try {
    Atomics.wait(view, 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

export class ThreadPool {
  /** Threads computing shards: the workers and the calling thread. */
  readonly size: number;
  private readonly slots: Slot[];
  private readonly workers: WorkerLike[];
  private readonly blocking: boolean;
  private seq = 0;
  private ended = false;
  /** Shards the calling thread took back from a worker that had not started them. */
  taken = 0;

  constructor(
    private readonly exports: KernelExports,
    memory: WebAssembly.Memory,
    slotBase: number,
    workers: WorkerLike[],
  ) {
    this.workers = workers;
    this.size = workers.length + 1;
    this.slots = workers.map((_, t) => ({
      i32: new Int32Array(memory.buffer, slotBase + t * SLOT_BYTES, SLOT_BYTES / 4),
      f64: new Float64Array(memory.buffer, slotBase + t * SLOT_BYTES, SLOT_BYTES / 8),
    }));
    this.blocking = canBlock(this.slots[0].i32);
  }

  /**
   * Blocks (up to `ms`) until every worker is ready; false on timeout or when a worker could
   * not instantiate the kernels. Only where blocking is allowed; a browser's main thread
   * awaits the workers' 'ready' messages instead.
   */
  waitReady(ms: number): boolean {
    const until = Date.now() + ms;
    for (const s of this.slots) {
      for (;;) {
        const state = Atomics.load(s.i32, READY);
        if (state === 1) break;
        const left = until - Date.now();
        if (state !== 0 || left <= 0) return false;
        Atomics.wait(s.i32, READY, 0, left);
      }
    }
    return true;
  }

  /**
   * Calls `fn` once per entry of `shards` (its argument list): entry 0 on this thread, entry t
   * on worker t − 1. Returns the results in shard order.
   */
  run(fn: ThreadFunction, shards: number[][]): number[] {
    if (this.ended) throw new LogRegError('DISPOSED', 'the thread pool was disposed');
    if (shards.length > this.size) throw new RangeError(`${shards.length} shards for ${this.size} threads`);
    for (const args of shards)
      if (args.length > MAX_ARGS) throw new RangeError(`${fn}: ${args.length} arguments, at most ${MAX_ARGS}`);
    const id = THREAD_FUNCTIONS.indexOf(fn);
    const seq = ++this.seq;
    for (let t = 1; t < shards.length; t++) {
      const { i32, f64 } = this.slots[t - 1];
      const args = shards[t];
      i32[FN] = id;
      i32[ARGC] = args.length;
      for (let a = 0; a < args.length; a++) f64[ARGS + a] = args[a];
      Atomics.store(i32, CLAIM, seq);
      Atomics.store(i32, SEQ, seq);
      Atomics.notify(i32, SEQ);
    }
    const results = new Array<number>(shards.length);
    const call = this.exports[fn] as (...a: number[]) => number;
    let failed = false;
    let threw = true;
    try {
      results[0] = call(...shards[0]) ?? 0;
      threw = false;
    } finally {
      // a shard no worker has started is taken back and run here (unless shard 0 threw); for
      // the others, even if shard 0 threw, no worker may still be writing when the caller moves on
      for (let t = 1; t < shards.length; t++) {
        const { i32, f64 } = this.slots[t - 1];
        if (Atomics.compareExchange(i32, CLAIM, seq, 0) === seq) {
          if (threw) continue;
          try {
            results[t] = call(...shards[t]) ?? 0;
          } catch {
            failed = true;
          }
          this.taken++;
        } else {
          this.await(i32, seq);
          if (i32[ERR] !== 0) failed = true;
          results[t] = f64[RESULT];
        }
      }
    }
    if (failed) throw new Error(`logreg-wasm: a kernel worker failed in ${fn}`);
    return results;
  }

  private await(i32: Int32Array, seq: number): void {
    for (let spin = 0; spin < SPIN; spin++) if (Atomics.load(i32, DONE) === seq) return;
    for (;;) {
      const done = Atomics.load(i32, DONE);
      if (done === seq) return;
      if (this.blocking) Atomics.wait(i32, DONE, done);
    }
  }

  /** Ends the workers (they leave their wait loop, then are terminated). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const { i32 } of this.slots) {
      Atomics.store(i32, SEQ, STOP);
      Atomics.notify(i32, SEQ);
    }
    for (const w of this.workers) void w.terminate();
  }
}

/** A runtime as the engine sees it: with the worker threads that share its memory, if any. */
export type EngineRuntime = WasmRuntime & { readonly pool?: ThreadPool };
