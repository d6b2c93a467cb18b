// Helpers for the separable L1 term λ·Σ_{j<count}|x_j| (see Objective.l1).
import type { L1Term } from './types.js';

/**
 * The minimum-norm subgradient of f + λ‖·‖₁ (OWL-QN's pseudo-gradient): for a penalised x_j = 0
 * it is g_j ± λ shrunk towards 0, or 0 when |g_j| <= λ. Unpenalised coordinates keep g_j.
 */
export function pseudoGradient(x: Float64Array, g: Float64Array, l1: L1Term | undefined, out: Float64Array): void {
  const lam = l1 ? l1.strength : 0;
  const count = l1 ? l1.count : 0;
  for (let j = 0; j < x.length; j++) {
    const gj = g[j];
    if (j >= count || lam === 0) out[j] = gj;
    else if (x[j] > 0) out[j] = gj + lam;
    else if (x[j] < 0) out[j] = gj - lam;
    else if (gj + lam < 0) out[j] = gj + lam;
    else if (gj - lam > 0) out[j] = gj - lam;
    else out[j] = 0;
  }
}

/** λ·Σ_{j<count}|x_j|, 0 without an L1 term. */
export function l1Of(x: Float64Array, l1: L1Term | undefined): number {
  if (!l1 || l1.strength === 0) return 0;
  let s = 0;
  for (let j = 0; j < l1.count; j++) s += Math.abs(x[j]);
  return l1.strength * s;
}

/** sign(v)·max(|v| − t, 0): exactly 0 inside [−t, t]. */
export function softThreshold(v: number, t: number): number {
  return v > t ? v - t : v < -t ? v + t : 0;
}
