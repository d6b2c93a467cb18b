// One fused pass over a set of rows: z = x·w + b, loss, p, g += s·∂ℓ/∂z·x.
// Each row's dot product is one sequential pass (rows far apart must not be interleaved); the
// transcendental part runs on f64x2 pairs of rows, and g is updated once per block of four
// rows. Blocks of eight rows give the per-row part (exp, divisions) twice the independent
// chains; they pay for rows up to 768 bytes (f64) or 800 (f32), not beyond (see
// eightRowBlocks). Leftover rows go through the same pair code with an empty second lane, so
// every row sees the same arithmetic.
// Each stage runs for all pairs of a block before the next (dots, then exp, then residuals):
// faster than pair by pair or pipelined despite some spills (docs/performance-notes.md).
import { dotX } from './dot';
import { rowBytesOf } from './elem';
import { expNegAbs, pMinusY, residual, lossTerm, logLossLinear, log1pJoin } from './pointwise';
import { vlog1p } from './vmath';
import { rowIndex, pair, weightOf, addRows4, addRow, zPair, zPairShared, yPair, sPair } from './rows';

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

/**
 * Rows per lane whose log1p terms are joined (log1pJoin) before one vlog1p: each factor 1 + e
 * is at most 2, so the joined 1 + q stays below 2^128. Evaluating the log1p once per 256 rows
 * instead of once per block keeps its long dependency chain (two divisions) out of almost every
 * block (docs/performance-notes.md).
 */
const JOIN_ROWS: i32 = 128;

/**
 * True after the block that ends at row k when q holds JOIN_ROWS rows per lane: blocks start at
 * multiples of 4, and every block of a call joins or none does, so the rows in q follow from k.
 */
// @ts-ignore: decorator
@inline function joinIsFull(k: i32): bool {
  return (k & (2 * JOIN_ROWS - 1)) == 0;
}

/** acc + log1p(q), called rather than inlined: it runs once per JOIN_ROWS rows per lane. */
function addLog1p(acc: v128, q: v128): v128 {
  return f64x2.add(acc, vlog1p(q));
}

/** The linear parts of four pairs' log loss (unit weights). */
// @ts-ignore: decorator
@inline function linear8(zA: v128, zB: v128, zC: v128, zD: v128, yA: v128, yB: v128, yC: v128, yD: v128): v128 {
  return f64x2.add(
    f64x2.add(logLossLinear(zA, yA), logLossLinear(zB, yB)),
    f64x2.add(logLossLinear(zC, yC), logLossLinear(zD, yD)),
  );
}

/** (ℓ_A + ℓ_B) + (ℓ_C + ℓ_D) for four pairs (loss: 0 log, 1 squared). */
// @ts-ignore: decorator
@inline function loss4(
  zA: v128, zB: v128, zC: v128, zD: v128, yA: v128, yB: v128, yC: v128, yD: v128,
  sA: v128, sB: v128, sC: v128, sD: v128, eA: v128, eB: v128, eC: v128, eD: v128, loss: i32,
): v128 {
  const lAB = f64x2.add(lossTerm(zA, yA, sA, eA, loss), lossTerm(zB, yB, sB, eB, loss));
  const lCD = f64x2.add(lossTerm(zC, yC, sC, eC, loss), lossTerm(zD, yD, sD, eD, loss));
  return f64x2.add(lAB, lCD);
}

/**
 * Eight-row blocks for rows up to 768 bytes (f64) or 800 (f32), except 512-byte rows streamed
 * from memory; four above: where each was measured faster (docs/performance-notes.md).
 */
// @ts-ignore: decorator
@inline function eightRowBlocks<T>(rowBytes: usize, count: i32): bool {
  if (rowBytes > (sizeof<T>() == 8 ? 768 : 800)) return false;
  return rowBytes != 512 || <usize>count * rowBytes <= (12 << 20);
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
  let q = f64x2.splat(0); // unit-weight log loss: log1p terms joined, not yet evaluated
  let biasAcc = f64x2.splat(0);
  let k = 0;
  const eight = eightRowBlocks<T>(rowBytes, count);
  for (; eight && k + 8 <= count; k += 8) {
    // the block's row numbers behind one test of idx, not one per row (rowIndex)
    let i0: i32, i1: i32, i2: i32, i3: i32, i4: i32, i5: i32, i6: i32, i7: i32;
    if (idx) {
      const p = idx + (<usize>k << 2);
      i0 = load<i32>(p);
      i1 = load<i32>(p, 4);
      i2 = load<i32>(p, 8);
      i3 = load<i32>(p, 12);
      i4 = load<i32>(p, 16);
      i5 = load<i32>(p, 20);
      i6 = load<i32>(p, 24);
      i7 = load<i32>(p, 28);
    } else {
      i0 = row0 + k;
      i1 = i0 + 1;
      i2 = i0 + 2;
      i3 = i0 + 3;
      i4 = i0 + 4;
      i5 = i0 + 5;
      i6 = i0 + 6;
      i7 = i0 + 7;
    }
    const zA = zPairShared<T>(X, rowBytes, i0, i1, w, d, b);
    const zB = zPairShared<T>(X, rowBytes, i2, i3, w, d, b);
    const zC = zPairShared<T>(X, rowBytes, i4, i5, w, d, b);
    const zD = zPairShared<T>(X, rowBytes, i6, i7, w, d, b);
    if (zOut) {
      const o = zOut + (<usize>k << 3);
      v128.store(o, zA);
      v128.store(o, zB, 16);
      v128.store(o, zC, 32);
      v128.store(o, zD, 48);
    }
    const yA = yPair(y, i0, i1);
    const yB = yPair(y, i2, i3);
    const yC = yPair(y, i4, i5);
    const yD = yPair(y, i6, i7);
    const eA = expNegAbs(zA);
    const eB = expNegAbs(zB);
    const eC = expNegAbs(zC);
    const eD = expNegAbs(zD);
    let rA: v128, rB: v128, rC: v128, rD: v128;
    if (!squared && s == 0) {
      // unit weights: r = p − y; the log1p terms join q (see JOIN_ROWS)
      rA = pMinusY(zA, yA, eA);
      rB = pMinusY(zB, yB, eB);
      rC = pMinusY(zC, yC, eC);
      rD = pMinusY(zD, yD, eD);
      if (wantLoss) {
        lossAcc = f64x2.add(lossAcc, linear8(zA, zB, zC, zD, yA, yB, yC, yD));
        q = log1pJoin(q, log1pJoin(log1pJoin(eA, eB), log1pJoin(eC, eD)));
        if (joinIsFull(k + 8)) {
          lossAcc = addLog1p(lossAcc, q);
          q = f64x2.splat(0);
        }
      }
    } else {
      const sA = sPair(s, i0, i1);
      const sB = sPair(s, i2, i3);
      const sC = sPair(s, i4, i5);
      const sD = sPair(s, i6, i7);
      // the loss kind as a literal in each branch, not a runtime argument (code layout: faster)
      if (squared) {
        rA = residual(zA, yA, sA, eA, 1);
        rB = residual(zB, yB, sB, eB, 1);
        rC = residual(zC, yC, sC, eC, 1);
        rD = residual(zD, yD, sD, eD, 1);
        if (wantLoss) lossAcc = f64x2.add(lossAcc, loss4(zA, zB, zC, zD, yA, yB, yC, yD, sA, sB, sC, sD, eA, eB, eC, eD, 1));
      } else {
        rA = residual(zA, yA, sA, eA, 0);
        rB = residual(zB, yB, sB, eB, 0);
        rC = residual(zC, yC, sC, eC, 0);
        rD = residual(zD, yD, sD, eD, 0);
        if (wantLoss) lossAcc = f64x2.add(lossAcc, loss4(zA, zB, zC, zD, yA, yB, yC, yD, sA, sB, sC, sD, eA, eB, eC, eD, 0));
      }
    }
    biasAcc = f64x2.add(biasAcc, f64x2.add(f64x2.add(rA, rB), f64x2.add(rC, rD)));
    addRows4<T>(g, d, X + <usize>i0 * rowBytes, X + <usize>i1 * rowBytes, X + <usize>i2 * rowBytes, X + <usize>i3 * rowBytes, rA, rB);
    addRows4<T>(g, d, X + <usize>i4 * rowBytes, X + <usize>i5 * rowBytes, X + <usize>i6 * rowBytes, X + <usize>i7 * rowBytes, rC, rD);
  }
  for (; k + 4 <= count; k += 4) {
    const i0 = rowIndex(idx, row0, k);
    const i1 = rowIndex(idx, row0, k + 1);
    const i2 = rowIndex(idx, row0, k + 2);
    const i3 = rowIndex(idx, row0, k + 3);
    const zA = zPair<T>(X, rowBytes, i0, i1, w, d, b);
    const zB = zPair<T>(X, rowBytes, i2, i3, w, d, b);
    if (zOut) {
      v128.store(zOut + (<usize>k << 3), zA);
      v128.store(zOut + (<usize>k << 3), zB, 16);
    }
    const yA = yPair(y, i0, i1);
    const yB = yPair(y, i2, i3);
    const sA = sPair(s, i0, i1);
    const sB = sPair(s, i2, i3);
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
      if (wantLoss) {
        if (s) lossAcc = f64x2.add(lossAcc, f64x2.add(lossTerm(zA, yA, sA, eA, 0), lossTerm(zB, yB, sB, eB, 0)));
        else {
          lossAcc = f64x2.add(lossAcc, f64x2.add(logLossLinear(zA, yA), logLossLinear(zB, yB)));
          q = log1pJoin(q, log1pJoin(eA, eB));
          if (joinIsFull(k + 4)) {
            lossAcc = addLog1p(lossAcc, q);
            q = f64x2.splat(0);
          }
        }
      }
    }
    biasAcc = f64x2.add(biasAcc, f64x2.add(rA, rB));
    addRows4<T>(g, d, X + <usize>i0 * rowBytes, X + <usize>i1 * rowBytes, X + <usize>i2 * rowBytes, X + <usize>i3 * rowBytes, rA, rB);
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
  if (v128.any_true(q)) lossAcc = addLog1p(lossAcc, q); // (log1p(0) = 0 adds nothing)
  store<f64>(g + gBytes, f64x2.extract_lane(biasAcc, 0) + f64x2.extract_lane(biasAcc, 1));
  return f64x2.extract_lane(lossAcc, 0) + f64x2.extract_lane(lossAcc, 1);
}
