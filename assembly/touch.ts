// Touching the rows of the next minibatch ahead of time, for the epochs that run all their
// batches in one call (sgd.ts, saga.ts).

/**
 * Reads one byte of every cache line of rows idx[from .. from + m): shuffled rows come from all
 * over memory, and touching the next batch while this one computes keeps many of its misses in
 * flight at once (memory-level parallelism) instead of meeting them a row at a time. Returns
 * a sum of the bytes only so the loads cannot be optimised away.
 */
// @ts-ignore: decorator
@inline function touchRows(X: usize, rowBytes: usize, idx: usize, from: i32, m: i32): f64 {
  let sum = 0.0;
  for (let q = 0; q < m; q++) {
    const row = X + <usize>load<i32>(idx + (<usize>(from + q) << 2)) * rowBytes;
    for (let o: usize = 0; o < rowBytes; o += 64) sum += <f64>load<u8>(row + o);
  }
  return sum;
}

/**
 * True when idx[from .. from + m) looks like one run of consecutive rows (stored order, or
 * shuffled batches): the hardware prefetcher streams those, and touching them ahead made stored
 * order 1.2–1.6× slower (and touching the next run of shuffled batches 1.06–1.2×). A heuristic
 * is enough: only the speed depends on it, never the result.
 */
// @ts-ignore: decorator
@inline function looksContiguous(idx: usize, from: i32, m: i32): bool {
  const first = load<i32>(idx + (<usize>from << 2));
  const last = load<i32>(idx + (<usize>(from + m - 1) << 2));
  return last - first == m - 1;
}

/**
 * Touch ahead only for rows of 128 bytes or more. Shuffled SGD epochs, `SGD=shuffled node
 * bench/ab.mjs` in both orders: 0.64–0.67 of the time at d = 64, 0.73 at d = 100, 0.79–0.81
 * at d = 32, 0.89–0.93 at d = 16 and 20; neutral at d = 8 and 12, and 1.4× slower at d = 4
 * (32-byte rows).
 */
const TOUCH_MIN_ROW_BYTES: usize = 128;

/**
 * Touches rows idx[from .. from + m) of X (d elements per row, f32 or f64) when that pays (rows
 * of 128+ bytes, not one contiguous run); returns the sum of the bytes read (0 when nothing was
 * read) for the caller to store somewhere harmless, so the loads stay.
 */
export function touchAhead(X: usize, d: i32, f32: i32, idx: usize, from: i32, m: i32): f64 {
  const rowBytes = <usize>d << (f32 ? 2 : 3);
  if (m <= 0 || rowBytes < TOUCH_MIN_ROW_BYTES || looksContiguous(idx, from, m)) return 0;
  return touchRows(X, rowBytes, idx, from, m);
}
