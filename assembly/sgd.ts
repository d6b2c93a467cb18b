// A whole epoch of minibatch SGD (plain, heavy-ball or Nesterov momentum) in one call, so a
// 32-row batch costs what 32 rows of a full pass cost: driving each batch from JS (copying the
// row list, w and g, one call) added 25–70% per row at d ≤ 50. The arithmetic is exactly that
// of the JS-driven path (optim/rules.ts over LogisticObjective.batchValueAndGradient), so both
// give the same bits.
import { fusedGrad, fusedGradF32, MODE_NO_LOSS } from './fused';

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
 * order 1.2–1.6× slower (and touching the next run of shuffled batches 1.06–1.2×). A heuristic is enough: only the speed depends on it, never the result.
 */
// @ts-ignore: decorator
@inline function looksContiguous(idx: usize, from: i32, m: i32): bool {
  const first = load<i32>(idx + (<usize>from << 2));
  const last = load<i32>(idx + (<usize>(from + m - 1) << 2));
  return last - first == m - 1;
}

/**
 * Touch ahead only for rows of 128 bytes or more. Shuffled SGD epochs, `SGD=shuffled node
 * bench/ab.mjs` in both orders: 0.64–0.67 of the time at d = 64, 0.73 at d = 100, 0.79–0.81 at d = 32, 0.89–0.93
 * at d = 16 and 20; neutral at d = 8 and 12, and 1.4× slower at d = 4 (32-byte rows).
 */
const TOUCH_MIN_ROW_BYTES: usize = 128;

/**
 * Rows idx[0 .. count) in batches of `batch` (the last one shorter). x: the d coefficients then,
 * with fitIntercept, the intercept (dim = d + fitIntercept values); v: velocity (dim); look,
 * g: dim + 1 scratch (look[dim] receives the sum of touchRows). Per batch B, at p = x (or
 * x + βv with nesterov):
 *   G = nS/(|B|·S) · Σ_B s_i ∂ℓ/∂z x_i  (+ l2·p_j on the coefficients when l2 ≠ 0)
 *   v ← βv − ηG;  x ← x + v.
 * f32: X stored as f32. mode: the fused pass's loss bit (MODE_SQUARED).
 */
export function sgdEpoch(
  X: usize, d: i32, y: usize, s: usize, idx: usize, count: i32, batch: i32,
  x: usize, v: usize, look: usize, g: usize,
  nS: f64, S: f64, l2: f64, fitIntercept: i32, eta: f64, beta: f64, nesterov: i32, mode: i32, f32: i32,
): void {
  const dim = d + fitIntercept;
  const rowBytes = <usize>d << (f32 ? 2 : 3);
  const touch = rowBytes >= TOUCH_MIN_ROW_BYTES;
  for (let t = 0; t < count; t += batch) {
    const m = min(batch, count - t);
    const next = min(batch, count - t - m);
    if (touch && next > 0 && !looksContiguous(idx, t + m, next)) {
      store<f64>(look + (<usize>dim << 3), touchRows(X, rowBytes, idx, t + m, next));
    }
    let p = x;
    if (nesterov) {
      for (let j = 0; j < dim; j++) {
        const o = <usize>j << 3;
        store<f64>(look + o, load<f64>(x + o) + beta * load<f64>(v + o));
      }
      p = look;
    }
    const b = fitIntercept ? load<f64>(p + (<usize>d << 3)) : 0.0;
    const rows = idx + (<usize>t << 2);
    if (f32) fusedGradF32(X, d, y, s, rows, 0, m, p, b, g, 0, mode | MODE_NO_LOSS);
    else fusedGrad(X, d, y, s, rows, 0, m, p, b, g, 0, mode | MODE_NO_LOSS);
    const scale = nS / (<f64>m * S);
    // coefficients two at a time (each lane the scalar expression, so the same bits), then the
    // odd one and the unpenalised intercept
    const sv = f64x2.splat(scale);
    const lv = f64x2.splat(l2);
    const bv = f64x2.splat(beta);
    const ev = f64x2.splat(eta);
    let j = 0;
    for (; j + 2 <= d; j += 2) {
      const o = <usize>j << 3;
      let gj = f64x2.mul(sv, v128.load(g + o));
      if (l2 != 0) gj = f64x2.add(gj, f64x2.mul(lv, v128.load(p + o)));
      const vj = f64x2.sub(f64x2.mul(bv, v128.load(v + o)), f64x2.mul(ev, gj));
      v128.store(v + o, vj);
      v128.store(x + o, f64x2.add(v128.load(x + o), vj));
    }
    for (; j < dim; j++) {
      const o = <usize>j << 3;
      let gj = scale * load<f64>(g + o);
      if (l2 != 0 && j < d) gj += l2 * load<f64>(p + o);
      const vj = beta * load<f64>(v + o) - eta * gj;
      store<f64>(v + o, vj);
      store<f64>(x + o, load<f64>(x + o) + vj);
    }
  }
}
