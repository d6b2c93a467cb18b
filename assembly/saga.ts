// The SAGA minibatch update for linear models: each row's gradient is r_i·x_i, so the table of
// past gradients is one residual per row.
import { dotX } from './dot';
import { rowBytesOf } from './elem';
import { expNegAbs, residual } from './pointwise';
import { rowIndex, pair, weightOf, addRow } from './rows';
import { MODE_SQUARED } from './fused';

/**
 * For each visited row i (idx list, or row0 .. row0 + count − 1 when idx = 0):
 * r = scale·s_i·∂ℓ/∂z at z = x_i·w + b; g += (r − table[i])·x_i, g[d] += r − table[i];
 * table[i] = r. g (d + 1 values) is overwritten first.
 */
export function sagaBatch(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, table: usize, scale: f64, g: usize, mode: i32,
): void {
  sagaBatchT<f64>(X, d, y, s, idx, row0, count, w, b, table, scale, g, mode);
}

export function sagaBatchF32(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, table: usize, scale: f64, g: usize, mode: i32,
): void {
  sagaBatchT<f32>(X, d, y, s, idx, row0, count, w, b, table, scale, g, mode);
}

// @ts-ignore: decorator
@inline function sagaBatchT<T>(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, table: usize, scale: f64, g: usize, mode: i32,
): void {
  const squared = mode & MODE_SQUARED;
  const rowBytes = rowBytesOf<T>(d);
  const gBytes = <usize>d << 3;
  memory.fill(g, 0, gBytes + 8);
  let bias = 0.0;
  for (let k = 0; k < count; k++) {
    const i = rowIndex(idx, row0, k);
    const x = X + <usize>i * rowBytes;
    const zv = pair(dotX<T>(x, w, d) + b, 0);
    const yv = pair(load<f64>(y + (<usize>i << 3)), 0);
    const sv = pair(scale * weightOf(s, i), 0);
    const ev = expNegAbs(zv);
    const rv = squared ? residual(zv, yv, sv, ev, 1) : residual(zv, yv, sv, ev, 0);
    const r = f64x2.extract_lane(rv, 0);
    const t = table + (<usize>i << 3);
    const delta = r - load<f64>(t);
    store<f64>(t, r);
    bias += delta;
    addRow<T>(g, d, x, delta);
  }
  store<f64>(g + gBytes, bias);
}
