// Splits a pass over rows into shards for a dataset's thread pool (shards.ts decides how many)
// and owns each shard's output vector: shard 0 writes the dataset's own output, shard t ≥ 1 a
// vector of its own on separate cache lines. sum() adds them in shard order, so the result does
// not depend on which thread finishes first.
import type { Region } from '../../wasm/heap.js';
import type { EngineRuntime } from './pool.js';
import { shardStarts } from './shards.js';
import type { ThreadFunction } from './slots.js';

/** The argument list of one shard's call: rows row0 .. row0 + rows − 1, output `out`. */
export type ShardArgs = (row0: number, rows: number, out: number, shard: number) => number[];

export class Sharder {
  private outs: number[] = [];

  /** `first`: shard 0's output; `len`: doubles per output; `d`: row length (for the work estimate). */
  constructor(
    private readonly rt: EngineRuntime,
    private readonly mem: Region,
    private readonly first: number,
    private readonly len: number,
    private readonly d: number,
  ) {}

  /** Output of shard t (allocated on first use). */
  out(t: number): number {
    if (t === 0) return this.first;
    while (this.outs.length < t) this.outs.push(this.mem.isolated(8 * this.len));
    return this.outs[t - 1];
  }

  /**
   * Runs `fn` over rows 0 .. count − 1, on one thread or as shards (`starts`, when given: the
   * boundaries of a pass whose rows differ in cost); returns each shard's result.
   */
  run(fn: ThreadFunction, count: number, args: ShardArgs, starts?: number[]): number[] {
    const pool = this.rt.pool;
    starts ??= pool ? shardStarts(count, this.d, pool.size) : [0, count];
    const calls: number[][] = [];
    for (let t = 0; t + 1 < starts.length; t++) calls.push(args(starts[t], starts[t + 1] - starts[t], this.out(t), t));
    if (calls.length === 1) return [(this.rt.exports[fn] as (...a: number[]) => number)(...calls[0]) ?? 0];
    return pool!.run(fn, calls);
  }

  /** target = Σ over the first `shards` outputs, in shard order. */
  sum(shards: number, target: Float64Array): void {
    const heap = this.rt.heap;
    target.set(heap.f64(this.first, this.len));
    for (let t = 1; t < shards; t++) {
      const part = heap.f64(this.out(t), this.len);
      for (let j = 0; j < this.len; j++) target[j] += part[j];
    }
  }
}
