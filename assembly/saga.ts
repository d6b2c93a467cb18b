// The SAGA minibatch update for linear models: each row's gradient is r_i·x_i, so the table of
// past gradients is one residual per row. Rows go in blocks of eight like the fused pass (four
// pairs of dot products, exp and the residuals on the pairs, two sweeps of g): batches are
// shuffled rows, and a block keeps its rows' cache misses in flight together where one row at a
// time met them one by one, and gives the exp and the divisions four independent chains. A
// batch's last rows short of a block go one at a time. The two dot products of a pair run in one
// step (zPairShared), which keeps two shuffled rows' misses in flight together.
import { dotX } from './dot';
import { rowBytesOf } from './elem';
import { expNegAbs, residual } from './pointwise';
import { rowIndex, pair, weightOf, addRow, addRows4, zPairShared, yPair, sPair } from './rows';
import { MODE_SQUARED } from './fused';
import { touchAhead } from './touch';

/**
 * For each visited row i (idx list, or row0 .. row0 + count − 1 when idx = 0):
 * r = scale·s_i·∂ℓ/∂z at z = x_i·w + b; g += (r − table[i])·x_i, g[d] += r − table[i];
 * table[i] = r. g (d + 1 values) is overwritten first. The rows of one call must be distinct
 * (the solver's batches are): a block reads the table of its eight rows before writing it.
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
  let bias = f64x2.splat(0);
  const sc = f64x2.splat(scale);
  let k = 0;
  for (; k + 8 <= count; k += 8) {
    const i0 = rowIndex(idx, row0, k);
    const i1 = rowIndex(idx, row0, k + 1);
    const i2 = rowIndex(idx, row0, k + 2);
    const i3 = rowIndex(idx, row0, k + 3);
    const i4 = rowIndex(idx, row0, k + 4);
    const i5 = rowIndex(idx, row0, k + 5);
    const i6 = rowIndex(idx, row0, k + 6);
    const i7 = rowIndex(idx, row0, k + 7);
    const zA = zPairShared<T>(X, rowBytes, i0, i1, w, d, b);
    const zB = zPairShared<T>(X, rowBytes, i2, i3, w, d, b);
    const zC = zPairShared<T>(X, rowBytes, i4, i5, w, d, b);
    const zD = zPairShared<T>(X, rowBytes, i6, i7, w, d, b);
    const yA = yPair(y, i0, i1);
    const yB = yPair(y, i2, i3);
    const yC = yPair(y, i4, i5);
    const yD = yPair(y, i6, i7);
    const sA = f64x2.mul(sc, sPair(s, i0, i1));
    const sB = f64x2.mul(sc, sPair(s, i2, i3));
    const sC = f64x2.mul(sc, sPair(s, i4, i5));
    const sD = f64x2.mul(sc, sPair(s, i6, i7));
    const eA = expNegAbs(zA);
    const eB = expNegAbs(zB);
    const eC = expNegAbs(zC);
    const eD = expNegAbs(zD);
    const rA = residual(zA, yA, sA, eA, squared);
    const rB = residual(zB, yB, sB, eB, squared);
    const rC = residual(zC, yC, sC, eC, squared);
    const rD = residual(zD, yD, sD, eD, squared);
    const dA = f64x2.sub(rA, yPair(table, i0, i1));
    const dB = f64x2.sub(rB, yPair(table, i2, i3));
    const dC = f64x2.sub(rC, yPair(table, i4, i5));
    const dD = f64x2.sub(rD, yPair(table, i6, i7));
    store<f64>(table + (<usize>i0 << 3), f64x2.extract_lane(rA, 0));
    store<f64>(table + (<usize>i1 << 3), f64x2.extract_lane(rA, 1));
    store<f64>(table + (<usize>i2 << 3), f64x2.extract_lane(rB, 0));
    store<f64>(table + (<usize>i3 << 3), f64x2.extract_lane(rB, 1));
    store<f64>(table + (<usize>i4 << 3), f64x2.extract_lane(rC, 0));
    store<f64>(table + (<usize>i5 << 3), f64x2.extract_lane(rC, 1));
    store<f64>(table + (<usize>i6 << 3), f64x2.extract_lane(rD, 0));
    store<f64>(table + (<usize>i7 << 3), f64x2.extract_lane(rD, 1));
    // two four-row steps' sums in their order: the same bits as two blocks of four
    bias = f64x2.add(f64x2.add(bias, f64x2.add(dA, dB)), f64x2.add(dC, dD));
    addRows4<T>(g, d, X + <usize>i0 * rowBytes, X + <usize>i1 * rowBytes, X + <usize>i2 * rowBytes, X + <usize>i3 * rowBytes, dA, dB);
    addRows4<T>(g, d, X + <usize>i4 * rowBytes, X + <usize>i5 * rowBytes, X + <usize>i6 * rowBytes, X + <usize>i7 * rowBytes, dC, dD);
  }
  let tail = 0.0;
  for (; k < count; k++) {
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
    tail += delta;
    addRow<T>(g, d, x, delta);
  }
  store<f64>(g + gBytes, (f64x2.extract_lane(bias, 0) + f64x2.extract_lane(bias, 1)) + tail);
}

/**
 * A whole SAGA epoch in one call: batches of `batch` rows of idx[0 .. count) (the last one
 * shorter), each a sagaBatch at w = x[0 .. d), b = x[d] (with fitIntercept), then per coordinate
 * j < dim = d + fitIntercept, with G the batch's output and m its row count:
 *   step = x_j − eta·(G_j·(1/m) + avg_j);  x_j = j < penalized ? soft(step, thresh)·shrink : step;
 *   avg_j += G_j / rows
 * exactly the arithmetic of optim/saga.ts's batch step, so both give the same bits. g: d + 1
 * scratch, sink: one f64 that receives touchAhead's sum.
 */
export function sagaEpoch(
  X: usize, d: i32, y: usize, s: usize, idx: usize, count: i32, batch: i32,
  x: usize, avg: usize, table: usize, g: usize, sink: usize,
  scale: f64, rows: f64, eta: f64, thresh: f64, shrink: f64,
  penalized: i32, fitIntercept: i32, mode: i32, f32: i32,
): void {
  const dim = d + fitIntercept;
  for (let t = 0; t < count; t += batch) {
    const m = min(batch, count - t);
    store<f64>(sink, touchAhead(X, d, f32, idx, t + m, min(batch, count - t - m), count));
    const b = fitIntercept ? load<f64>(x + (<usize>d << 3)) : 0.0;
    const rowsAt = idx + (<usize>t << 2);
    if (f32) sagaBatchF32(X, d, y, s, rowsAt, 0, m, x, b, table, scale, g, mode);
    else sagaBatch(X, d, y, s, rowsAt, 0, m, x, b, table, scale, g, mode);
    const inv = 1 / <f64>m;
    for (let j = 0; j < dim; j++) {
      const o = <usize>j << 3;
      const gj = load<f64>(g + o);
      const step = load<f64>(x + o) - eta * (gj * inv + load<f64>(avg + o));
      store<f64>(x + o, j < penalized ? softThreshold(step, thresh) * shrink : step);
      store<f64>(avg + o, load<f64>(avg + o) + gj / rows);
    }
  }
}

/** sign(v)·max(|v| − t, 0) as optim/l1.ts writes it: exactly 0 inside [−t, t]. */
// @ts-ignore: decorator
@inline function softThreshold(v: f64, t: f64): f64 {
  return v > t ? v - t : v < -t ? v + t : 0;
}
