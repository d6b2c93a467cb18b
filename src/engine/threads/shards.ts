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

/**
 * Shard boundaries of a pass over all rows of a CSR matrix: balanced by non-zeros (plus the
 * per-row allowance), each a multiple of 8 rows, as many as there is work for.
 */
export function csrShardStarts(indptr: Int32Array, threads: number): number[] {
  const n = indptr.length - 1;
  const work = (i: number) => indptr[i] + 8 * i;
  const total = work(n);
  const parts = Math.max(1, Math.min(threads, Math.floor(total / WORK_PER_SHARD), Math.floor(n / 8)));
  const starts = [0];
  for (let t = 1; t < parts; t++) {
    const target = (total * t) / parts;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (work(mid) < target) lo = mid + 1;
      else hi = mid;
    }
    const at = Math.round(lo / 8) * 8;
    if (at > starts[starts.length - 1] && at < n) starts.push(at);
  }
  starts.push(n);
  return starts;
}
