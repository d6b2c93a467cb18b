// Passes over X in CSR form: row i's non-zeros are V[P[i] .. P[i + 1]) (f64 or f32, widened
// exactly) at columns J[same range]. z = x·w + b gathers from w, g += r·x scatters into g: the
// cost is the non-zeros, never d. The per-row arithmetic is the dense kernels' (pointwise.ts),
// two rows per f64x2, so a sparse row gives the same loss and residual as its dense copy.
import { xAt } from './elem';
import { expNegAbs, residual, lossTerm, vsigmoid } from './pointwise';
import { rowIndex, pair, weightOf } from './rows';
import { MODE_SQUARED, MODE_NO_LOSS } from './fused';

/** Σ V[k]·w[J[k]] over k0 .. k1 − 1, two accumulators. */
// @ts-ignore: decorator
@inline export function gatherRange<T>(J: usize, V: usize, k0: i32, k1: i32, w: usize): f64 {
  let s0 = 0.0, s1 = 0.0;
  let k = k0;
  for (; k + 2 <= k1; k += 2) {
    const j = J + (<usize>k << 2);
    s0 += xAt<T>(V, k) * load<f64>(w + (<usize>load<i32>(j) << 3));
    s1 += xAt<T>(V, k + 1) * load<f64>(w + (<usize>load<i32>(j, 4) << 3));
  }
  if (k < k1) s0 += xAt<T>(V, k) * load<f64>(w + (<usize>load<i32>(J + (<usize>k << 2)) << 3));
  return s0 + s1;
}

/** g[J[k]] += r·V[k] over k0 .. k1 − 1. */
// @ts-ignore: decorator
@inline export function scatterRange<T>(J: usize, V: usize, k0: i32, k1: i32, r: f64, g: usize): void {
  for (let k = k0; k < k1; k++) {
    const p = g + (<usize>load<i32>(J + (<usize>k << 2)) << 3);
    store<f64>(p, load<f64>(p) + r * xAt<T>(V, k));
  }
}

/** x_i·w over row i's non-zeros. */
// @ts-ignore: decorator
@inline function gatherDot<T>(P: usize, J: usize, V: usize, i: i32, w: usize): f64 {
  return gatherRange<T>(J, V, load<i32>(P + (<usize>i << 2)), load<i32>(P + (<usize>i << 2), 4), w);
}

/** g += r·x_i over row i's non-zeros. */
// @ts-ignore: decorator
@inline function scatterAdd<T>(P: usize, J: usize, V: usize, i: i32, r: f64, g: usize): void {
  scatterRange<T>(J, V, load<i32>(P + (<usize>i << 2)), load<i32>(P + (<usize>i << 2), 4), r, g);
}

/**
 * The fused pass of fused.ts over CSR rows (the same arguments, X given as P, J, V): rows idx
 * (count row numbers) or row0 .. row0 + count − 1; g (d + 1, overwritten) = Σ r_i·x_i, then Σ r_i;
 * zOut: 0 or count outputs. Returns Σ s_i·ℓ_i (0 with MODE_NO_LOSS).
 */
export function csrFusedGrad(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, g: usize, zOut: usize, mode: i32,
): f64 {
  return csrFusedGradT<f64>(P, J, V, d, y, s, idx, row0, count, w, b, g, zOut, mode);
}

export function csrFusedGradF32(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, g: usize, zOut: usize, mode: i32,
): f64 {
  return csrFusedGradT<f32>(P, J, V, d, y, s, idx, row0, count, w, b, g, zOut, mode);
}

// @ts-ignore: decorator
@inline function csrFusedGradT<T>(
  P: usize, J: usize, V: usize, d: i32, y: usize, s: usize, idx: usize, row0: i32, count: i32,
  w: usize, b: f64, g: usize, zOut: usize, mode: i32,
): f64 {
  const loss = mode & MODE_SQUARED;
  const wantLoss = (mode & MODE_NO_LOSS) == 0;
  memory.fill(g, 0, (<usize>d + 1) << 3);
  let lossAcc = f64x2.splat(0);
  let rAcc = f64x2.splat(0);
  for (let k = 0; k < count; k += 2) {
    const two = k + 1 < count;
    const i = rowIndex(idx, row0, k);
    // the empty second lane of an odd tail: z = y = s = 0, so it adds exactly 0
    const j = two ? rowIndex(idx, row0, k + 1) : i;
    const zv = pair(gatherDot<T>(P, J, V, i, w) + b, two ? gatherDot<T>(P, J, V, j, w) + b : 0);
    const yv = pair(load<f64>(y + (<usize>i << 3)), two ? load<f64>(y + (<usize>j << 3)) : 0);
    const sv = pair(weightOf(s, i), two ? weightOf(s, j) : 0);
    const e = expNegAbs(zv);
    const r = residual(zv, yv, sv, e, loss);
    if (wantLoss) lossAcc = f64x2.add(lossAcc, lossTerm(zv, yv, sv, e, loss));
    rAcc = f64x2.add(rAcc, r);
    scatterAdd<T>(P, J, V, i, f64x2.extract_lane(r, 0), g);
    if (two) scatterAdd<T>(P, J, V, j, f64x2.extract_lane(r, 1), g);
    if (zOut) {
      store<f64>(zOut + (<usize>k << 3), f64x2.extract_lane(zv, 0));
      if (two) store<f64>(zOut + (<usize>k << 3), f64x2.extract_lane(zv, 1), 8);
    }
  }
  store<f64>(g + (<usize>d << 3), f64x2.extract_lane(rAcc, 0) + f64x2.extract_lane(rAcc, 1));
  return f64x2.extract_lane(lossAcc, 0) + f64x2.extract_lane(lossAcc, 1);
}

/**
 * out[0..d) = Σ D_i·(x_i·v + vb)·x_i, out[d] = Σ D_i·(x_i·v + vb) over rows row0 .. row0 + n − 1
 * (D indexed by row, as curvatureFromZ writes it).
 */
export function csrHessVec(P: usize, J: usize, V: usize, d: i32, row0: i32, n: i32, D: usize, v: usize, vb: f64, out: usize): void {
  csrHessVecT<f64>(P, J, V, d, row0, n, D, v, vb, out);
}

export function csrHessVecF32(P: usize, J: usize, V: usize, d: i32, row0: i32, n: i32, D: usize, v: usize, vb: f64, out: usize): void {
  csrHessVecT<f32>(P, J, V, d, row0, n, D, v, vb, out);
}

// @ts-ignore: decorator
@inline function csrHessVecT<T>(P: usize, J: usize, V: usize, d: i32, row0: i32, n: i32, D: usize, v: usize, vb: f64, out: usize): void {
  memory.fill(out, 0, (<usize>d + 1) << 3);
  let acc = 0.0;
  for (let i = row0; i < row0 + n; i++) {
    const r = load<f64>(D + (<usize>i << 3)) * (gatherDot<T>(P, J, V, i, v) + vb);
    acc += r;
    scatterAdd<T>(P, J, V, i, r, out);
  }
  store<f64>(out + (<usize>d << 3), acc);
}

/** out[i] = x_i·w + b (σ of it with sigmoid ≠ 0) for rows 0 .. n − 1. */
export function csrDecision(P: usize, J: usize, V: usize, n: i32, w: usize, b: f64, out: usize, sigmoid: i32): void {
  for (let i = 0; i < n; i++) {
    const z = gatherDot<f64>(P, J, V, i, w) + b;
    store<f64>(out + (<usize>i << 3), sigmoid ? f64x2.extract_lane(vsigmoid(f64x2.splat(z)), 0) : z);
  }
}

/** out[i·k + c] = x_i·W_c + b_c for rows 0 .. n − 1 (W k×d row-major). */
export function csrDecisionMulti(P: usize, J: usize, V: usize, d: i32, n: i32, W: usize, b: usize, k: i32, out: usize): void {
  const rowBytes = <usize>d << 3;
  for (let i = 0; i < n; i++)
    for (let c = 0; c < k; c++)
      store<f64>(out + ((<usize>i * k + c) << 3), gatherDot<f64>(P, J, V, i, W + <usize>c * rowBytes) + load<f64>(b + (<usize>c << 3)));
}
