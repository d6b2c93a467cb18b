// Line search satisfying the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and
// 3.6, with safeguarded cubic interpolation in the zoom phase). Each trial is one call of
// valueAndGradient: with the fused kernel that is one pass over X giving J and ∇J together,
// so the gradient of the accepted point costs nothing extra.
import type { AnyObjective } from './types.js';
import { Pending, isThenable } from './pending.js';
import { axpyInto, dotVec } from './vec.js';

const C1 = 1e-4;
const C2 = 0.9;
const MAX_EVALS = 40;
/** relative noise allowed in J by the approximate Wolfe test (Hager & Zhang 2005) */
const EPS_F = 1e-10;

export interface LineSearchResult {
  t: number;
  f: number;
  evals: number;
}

/**
 * Searches along dir from x (value f0, gradient g0, slope = g0·dir < 0), starting at t0.
 * On success xNew and gNew hold the accepted point and its gradient.
 */
export function* strongWolfe(
  obj: AnyObjective,
  x: Float64Array,
  f0: number,
  slope: number,
  dir: Float64Array,
  t0: number,
  xNew: Float64Array,
  gNew: Float64Array,
): Generator<Pending, LineSearchResult | null, unknown> {
  let evals = 0;
  // J at x + t·dir (∇J into gNew), or its promise: the caller yields a Pending only for a promise,
  // so a synchronous objective's line search runs without a nested generator per trial
  const trial = (t: number): number | PromiseLike<number> => {
    evals++;
    axpyInto(xNew, x, t, dir);
    return obj.valueAndGradient(xNew, gNew);
  };
  // Armijo, or near the minimum — where J can no longer resolve C1·t·slope — the approximate
  // Wolfe test of Hager & Zhang: J within rounding of J(0) and φ'(t) <= (2·C1 − 1)·φ'(0)
  const sufficient = (t: number, f: number, d: number) =>
    f <= f0 + C1 * t * slope || (f <= f0 + EPS_F * Math.abs(f0) && d <= (2 * C1 - 1) * slope);
  let tPrev = 0;
  let fPrev = f0;
  let dPrev = slope;
  let t = t0;
  let best: { t: number; f: number } | null = null;
  for (let i = 0; evals < MAX_EVALS; i++) {
    let f = trial(t);
    if (isThenable(f)) f = (yield new Pending(f)) as number;
    const d = dotVec(gNew, dir);
    if (!Number.isFinite(f) || !sufficient(t, f, d) || (i > 0 && f > fPrev)) {
      return yield* zoom(tPrev, t, fPrev, f, dPrev, d);
    }
    if (Math.abs(d) <= -C2 * slope) return { t, f, evals };
    best = { t, f };
    if (d >= 0) return yield* zoom(t, tPrev, f, fPrev, d, dPrev);
    tPrev = t;
    fPrev = f;
    dPrev = d;
    t *= 2;
  }
  return yield* fallback();

  function* zoom(lo: number, hi: number, flo: number, fhi: number, dlo: number, dhi: number): Generator<Pending, LineSearchResult | null, unknown> {
    while (evals < MAX_EVALS) {
      const t = interpolate(lo, hi, flo, fhi, dlo, dhi);
      if (t === lo || t === hi) break; // interval collapsed to rounding
      let f = trial(t);
      if (isThenable(f)) f = (yield new Pending(f)) as number;
      const d = dotVec(gNew, dir);
      if (!Number.isFinite(f) || !sufficient(t, f, d) || f > flo) {
        hi = t;
        fhi = f;
        dhi = d;
      } else {
        if (Math.abs(d) <= -C2 * slope) return { t, f, evals };
        if (d * (hi - lo) >= 0) {
          hi = lo;
          fhi = flo;
          dhi = dlo;
        }
        lo = t;
        flo = f;
        dlo = d;
        best = { t, f };
      }
    }
    return yield* fallback();
  }

  /** Out of evaluations: the best point with sufficient decrease, re-evaluated into xNew/gNew. */
  function* fallback(): Generator<Pending, LineSearchResult | null, unknown> {
    if (!best || !(best.f < f0)) return null;
    let f = trial(best.t);
    if (isThenable(f)) f = (yield new Pending(f)) as number;
    return { t: best.t, f, evals };
  }
}

/** Minimiser of the cubic through (a, fa, da), (b, fb, db), kept inside the middle 80% of [a, b]. */
function interpolate(a: number, b: number, fa: number, fb: number, da: number, db: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const margin = 0.1 * (hi - lo);
  let t = NaN;
  if (Number.isFinite(fb) && Number.isFinite(db)) {
    const d1 = da + db - (3 * (fa - fb)) / (a - b);
    const disc = d1 * d1 - da * db;
    if (disc >= 0) {
      const d2 = Math.sign(b - a) * Math.sqrt(disc);
      t = b - (b - a) * ((db + d2 - d1) / (db - da + 2 * d2));
    }
  }
  if (!(t >= lo + margin && t <= hi - margin)) t = (a + b) / 2;
  return t;
}
