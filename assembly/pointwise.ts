// Per-row loss and residual for two rows at once (one f64x2 lane per row).
// p and 1 − p both come from the one e = e^−|z|, so neither loses precision near 0 or 1.
import { kc, vexpNeg, vlog1p } from './vmath';

export const LOSS_LOG: i32 = 0;
export const LOSS_SQUARED: i32 = 1;

/** e = exp(−|z|) ∈ [0, 1]: the one exponential each row needs. */
// @ts-ignore: decorator
@inline export function expNegAbs(z: v128): v128 {
  return vexpNeg(f64x2.neg(f64x2.abs(z)));
}

// @ts-ignore: decorator
@inline function prob(z: v128, e: v128): v128 {
  const one = kc(272);
  return f64x2.div(v128.bitselect(one, e, f64x2.ge(z, f64x2.splat(0))), f64x2.add(one, e));
}

// @ts-ignore: decorator
@inline function probComplement(z: v128, e: v128): v128 {
  const one = kc(272);
  return f64x2.div(v128.bitselect(e, one, f64x2.ge(z, f64x2.splat(0))), f64x2.add(one, e));
}

/**
 * p − y, taken as −(1 − p) when y = 1 so it keeps its relative precision as p → 1. p and 1 − p
 * are both num/(1 + e) with num ∈ {1, e}: one division, the same bits as dividing for each.
 */
// @ts-ignore: decorator
@inline export function pMinusY(z: v128, y: v128, e: v128): v128 {
  const one = kc(272);
  const yOne = f64x2.eq(y, one);
  // p needs num = 1 when z >= 0; 1 − p needs num = 1 when z < 0
  const numIsOne = v128.xor(f64x2.ge(z, f64x2.splat(0)), yOne);
  const q = f64x2.div(v128.bitselect(one, e, numIsOne), f64x2.add(one, e));
  return v128.bitselect(f64x2.neg(q), f64x2.sub(q, y), yOne);
}

/**
 * s·∂ℓ/∂z. log loss: ∂ℓ/∂z = p − y; squared loss ½(p − y)²: ∂ℓ/∂z = (p − y)·p·(1 − p).
 */
// @ts-ignore: decorator
@inline export function residual(z: v128, y: v128, s: v128, e: v128, loss: i32): v128 {
  const dl = pMinusY(z, y, e);
  if (loss == LOSS_LOG) return f64x2.mul(s, dl);
  return f64x2.mul(s, f64x2.mul(dl, f64x2.mul(prob(z, e), probComplement(z, e))));
}

/**
 * The linear part of the log loss, max(z, 0) − y·z: exactly 0 when the label agrees with the
 * sign, so ℓ keeps its relative precision when it is tiny (z = 30, y = 1: ℓ = 9.4e-14). pmax,
 * not max: V8 lowers f64x2.max to a NaN- and ±0-exact sequence of several instructions, pmax
 * (z < 0 ? 0 : z) to one maxpd; z is finite, and z = −0 gives the same ℓ either way.
 */
// @ts-ignore: decorator
@inline export function logLossLinear(z: v128, y: v128): v128 {
  return f64x2.sub(f64x2.pmax(z, f64x2.splat(0)), f64x2.mul(y, z));
}

/**
 * q with log1p(q) = log1p(a) + log1p(b): (1 + a)(1 + b) − 1 = a + b + a·b, every term >= 0, so
 * q keeps its relative precision (no 1 + a is ever rounded). Unit-weight rows share one log1p:
 * four rows per lane in an eight-row block.
 */
// @ts-ignore: decorator
@inline export function log1pJoin(a: v128, b: v128): v128 {
  return f64x2.add(f64x2.add(a, b), f64x2.mul(a, b));
}

/** s·ℓ. log loss: log1p(e) + (max(z, 0) − y·z) (finite for every finite z); squared: ½(p − y)². */
// @ts-ignore: decorator
@inline export function lossTerm(z: v128, y: v128, s: v128, e: v128, loss: i32): v128 {
  if (loss == LOSS_LOG) return f64x2.mul(s, f64x2.add(vlog1p(e), logLossLinear(z, y)));
  const dl = pMinusY(z, y, e);
  return f64x2.mul(s, f64x2.mul(kc(304), f64x2.mul(dl, dl)));
}

/** σ(z) in both lanes. */
// @ts-ignore: decorator
@inline export function vsigmoid(z: v128): v128 {
  return prob(z, expNegAbs(z));
}
