// One fused pass over a set of rows: z = x·w + b, loss, p, g += s·∂ℓ/∂z·x.
// Rows are taken four at a time: each row's dot product is one sequential pass (rows far
// apart must not be interleaved), the transcendental part runs on two f64x2 pairs, and g is
// updated once per block with all four rows. Leftover rows go through the same pair code
// with an empty second lane, so every row sees the same arithmetic.
import { dotX } from './dot';
import { rowBytesOf } from './elem';
import { expNegAbs, residual, lossTerm } from './pointwise';
import { rowIndex, pair, weightOf, addRows4, addRow } from './rows';

/** mode bits: bit 0 — 0 = log loss, 1 = squared loss; bit 1 — skip the loss value. */
export const MODE_SQUARED: i32 = 1;
export const MODE_NO_LOSS: i32 = 2;

/**
 * X: n×d row-major f64; y: f64 labels in [0, 1]; s: f64 sample weights or 0 (all 1);
 * rows: idx (i32 list of `count` row numbers) or, when idx = 0, row0 .. row0 + count − 1;
 * w: d coefficients, b: intercept; g: d + 1 outputs (overwritten): Σ r_i·x_i and, last, Σ r_i;
 * zOut: 0 or `count` outputs receiving z for each visited row. Returns Σ s_i·ℓ_i (0 with MODE_NO_LOSS).
 */
export function fusedGrad(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, g: usize, zOut: usize, mode: i32,
): f64 {
  return fusedGradT<f64>(X, d, y, s, idx, row0, count, w, b, g, zOut, mode);
}

/** fusedGrad over X stored as f32 (widened exactly; the same f64 arithmetic). */
export function fusedGradF32(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, g: usize, zOut: usize, mode: i32,
): f64 {
  return fusedGradT<f32>(X, d, y, s, idx, row0, count, w, b, g, zOut, mode);
}

// @ts-ignore: decorator
@inline function fusedGradT<T>(
  X: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, g: usize, zOut: usize, mode: i32,
): f64 {
  const squared = mode & MODE_SQUARED;
  const wantLoss = (mode & MODE_NO_LOSS) == 0;
  const rowBytes = rowBytesOf<T>(d);
  const gBytes = <usize>d << 3;
  memory.fill(g, 0, gBytes + 8);
  let lossAcc = f64x2.splat(0);
  let biasAcc = f64x2.splat(0);
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const i0 = rowIndex(idx, row0, k);
    const i1 = rowIndex(idx, row0, k + 1);
    const i2 = rowIndex(idx, row0, k + 2);
    const i3 = rowIndex(idx, row0, k + 3);
    const x0 = X + <usize>i0 * rowBytes;
    const x1 = X + <usize>i1 * rowBytes;
    const x2 = X + <usize>i2 * rowBytes;
    const x3 = X + <usize>i3 * rowBytes;
    const zA = pair(dotX<T>(x0, w, d) + b, dotX<T>(x1, w, d) + b);
    const zB = pair(dotX<T>(x2, w, d) + b, dotX<T>(x3, w, d) + b);
    if (zOut) {
      v128.store(zOut + (<usize>k << 3), zA);
      v128.store(zOut + (<usize>k << 3), zB, 16);
    }
    const yA = pair(load<f64>(y + (<usize>i0 << 3)), load<f64>(y + (<usize>i1 << 3)));
    const yB = pair(load<f64>(y + (<usize>i2 << 3)), load<f64>(y + (<usize>i3 << 3)));
    const sA = pair(weightOf(s, i0), weightOf(s, i1));
    const sB = pair(weightOf(s, i2), weightOf(s, i3));
    const eA = expNegAbs(zA);
    const eB = expNegAbs(zB);
    let rA: v128, rB: v128;
    if (squared) {
      rA = residual(zA, yA, sA, eA, 1);
      rB = residual(zB, yB, sB, eB, 1);
      if (wantLoss) lossAcc = f64x2.add(lossAcc, f64x2.add(lossTerm(zA, yA, sA, eA, 1), lossTerm(zB, yB, sB, eB, 1)));
    } else {
      rA = residual(zA, yA, sA, eA, 0);
      rB = residual(zB, yB, sB, eB, 0);
      if (wantLoss) lossAcc = f64x2.add(lossAcc, f64x2.add(lossTerm(zA, yA, sA, eA, 0), lossTerm(zB, yB, sB, eB, 0)));
    }
    biasAcc = f64x2.add(biasAcc, f64x2.add(rA, rB));
    addRows4<T>(g, d, x0, x1, x2, x3, rA, rB);
  }
  for (; k < count; k++) {
    const i = rowIndex(idx, row0, k);
    const x = X + <usize>i * rowBytes;
    const z = dotX<T>(x, w, d) + b;
    if (zOut) store<f64>(zOut + (<usize>k << 3), z);
    const zv = pair(z, 0);
    const yv = pair(load<f64>(y + (<usize>i << 3)), 0);
    const sv = pair(weightOf(s, i), 0);
    const ev = expNegAbs(zv);
    let rv: v128;
    if (squared) {
      rv = residual(zv, yv, sv, ev, 1);
      if (wantLoss) lossAcc = f64x2.add(lossAcc, lossTerm(zv, yv, sv, ev, 1));
    } else {
      rv = residual(zv, yv, sv, ev, 0);
      if (wantLoss) lossAcc = f64x2.add(lossAcc, lossTerm(zv, yv, sv, ev, 0));
    }
    biasAcc = f64x2.add(biasAcc, rv);
    addRow<T>(g, d, x, f64x2.extract_lane(rv, 0));
  }
  store<f64>(g + gBytes, f64x2.extract_lane(biasAcc, 0) + f64x2.extract_lane(biasAcc, 1));
  return f64x2.extract_lane(lossAcc, 0) + f64x2.extract_lane(lossAcc, 1);
}
