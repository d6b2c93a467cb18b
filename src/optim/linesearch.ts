// Backtracking (Armijo) line search along a descent direction.
import type { Objective } from './types.js';
import { axpyInto } from './vec.js';

/** Armijo's sufficient-decrease constant, shared by every backtracking search (gd, OWL-QN). */
export const C1 = 1e-4;
/** Halvings before a backtracking search gives up (2^-60 of the first trial step). */
export const MAX_HALVINGS = 60;

/**
 * Tries t = t0, t0/2, … until J(x + t·dir) <= f + C1·t·slope (slope = ∇J(x)·dir < 0).
 * On success xNew, gNew hold the accepted point and its gradient; returns { t, f } or null.
 */
export function backtrack(
  obj: Objective,
  x: Float64Array,
  f: number,
  dir: Float64Array,
  slope: number,
  t0: number,
  xNew: Float64Array,
  gNew: Float64Array,
): { t: number; f: number } | null {
  let t = t0;
  for (let k = 0; k < MAX_HALVINGS; k++) {
    axpyInto(xNew, x, t, dir);
    const fNew = obj.valueAndGradient(xNew, gNew);
    if (fNew <= f + C1 * t * slope) return { t, f: fNew };
    t *= 0.5;
  }
  return null;
}

