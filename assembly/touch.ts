// Touching the rows of the next minibatch ahead of time, for the epochs that run all their
// batches in one call (sgd.ts, saga.ts).

/**
 * Reads one byte of every cache line that rows idx[from .. from + m) overlap: shuffled rows come
 * from all over memory, and touching the next batch while this one computes keeps many of its
 * misses in flight at once (memory-level parallelism) instead of meeting them a row at a time.
 * The lines, not the row's first byte plus multiples of 64: rows rarely start on a line, so those
 * offsets missed a row's last line (rows of 112 bytes, one in two or three) and read some lines
 * twice. Returns a sum of the bytes only so the loads cannot be optimised away.
 */
// @ts-ignore: decorator
@inline function touchRows(X: usize, rowBytes: usize, idx: usize, from: i32, m: i32): f64 {
  let sum = 0.0;
  for (let q = 0; q < m; q++) {
    const row = X + <usize>load<i32>(idx + (<usize>(from + q) << 2)) * rowBytes;
    for (let line = row & ~(<usize>63); line < row + rowBytes; line += 64) sum += <f64>load<u8>(line);
  }
  return sum;
}

/**
 * True when idx[from .. from + m) looks like one run of consecutive rows (stored order, or
 * shuffled batches): the hardware prefetcher streams those, and touching them ahead was slower.
 * A heuristic is enough: only the speed depends on it, never the result.
 */
// @ts-ignore: decorator
@inline function looksContiguous(idx: usize, from: i32, m: i32): bool {
  const first = load<i32>(idx + (<usize>from << 2));
  const last = load<i32>(idx + (<usize>(from + m - 1) << 2));
  return last - first == m - 1;
}

/**
 * Touch ahead only rows longer than one cache line (64 bytes), every line of them; rows of a line
 * or less are not worth it.
 */
const TOUCH_MIN_ROW_BYTES: usize = 65;

/**
 * Touch ahead only in epochs that read more than 10 MiB of X: below that the rows stay in cache
 * and touching is pure overhead (the break-even was measured at about the size of a last-level
 * cache; docs/performance-notes.md).
 */
const TOUCH_MIN_EPOCH_BYTES: usize = 10 << 20;

/** Whether touching pays in an epoch over `count` rows of rowBytes each. */
// @ts-ignore: decorator
@inline function touchPays(rowBytes: usize, count: i32): bool {
  return rowBytes >= TOUCH_MIN_ROW_BYTES && <usize>count * rowBytes > TOUCH_MIN_EPOCH_BYTES;
}

/**
 * Touches rows idx[from .. from + m) of X (d elements per row, f32 or f64) of an epoch over
 * `count` rows when that pays (touchPays, and not one contiguous run); returns the sum of the
 * bytes read (0 when nothing was read) for the caller to store somewhere harmless, so the loads
 * stay. The check stays in here, not hoisted into the callers' batch loops: hoisted, it made the
 * epochs that do touch 3–15% slower (the loops' code, not the work).
 */
export function touchAhead(X: usize, d: i32, f32: i32, idx: usize, from: i32, m: i32, count: i32): f64 {
  const rowBytes = <usize>d << (f32 ? 2 : 3);
  if (m <= 0 || !touchPays(rowBytes, count) || looksContiguous(idx, from, m)) return 0;
  return touchRows(X, rowBytes, idx, from, m);
}
