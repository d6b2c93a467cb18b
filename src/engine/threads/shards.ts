// How a pass over `count` rows is split between threads: contiguous shards, each a multiple of
// 8 rows (64 bytes of per-row f64 outputs, so shards never share a cache line), and only as
// many shards as there is work for.

/**
 * Work (row elements, plus a per-row allowance for exp/log1p) worth one more thread: about
 * 13 µs of one thread's time. Handing a pass to a spinning worker and back costs 2–3 µs
 * (tens of µs to ms if it had gone to sleep: see SPIN); 2000×64 (144000) runs 1.8× faster on
 * 2 threads.
 */
export const WORK_PER_SHARD = 32768;

/** How many shards a pass over `count` rows of length d gets on `threads` threads. */
export function shardCount(count: number, d: number, threads: number): number {
  const useful = Math.floor((count * (d + 8)) / WORK_PER_SHARD);
  return Math.max(1, Math.min(threads, useful, Math.floor(count / 8)));
}

/** Shard boundaries: starts[t] .. starts[t + 1] for t < starts.length − 1. */
export function shardStarts(count: number, d: number, threads: number): number[] {
  const parts = shardCount(count, d, threads);
  const starts = [0];
  for (let t = 1; t < parts; t++) starts.push(Math.round((count * t) / parts / 8) * 8);
  starts.push(count);
  return starts;
}
