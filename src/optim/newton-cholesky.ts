// Newton's method with the full Hessian (scikit-learn's newton-cholesky): each iteration forms
// ∇²J in one pass over X (second-order.ts), solves ∇²J·p = −∇J by Cholesky and backtracks
// along p until the Armijo condition holds. Where ∇²J is not positive definite to working
// precision (no penalty and separable classes, collinear columns, the squared loss) a growing
// multiple of the identity is added until it is, so p stays a descent direction.
import type { AnyObjective, OptimizeOptions } from './types.js';
import type { Steps } from './monitor.js';
import { fullHessianOrFail, hessianMatrix, secondOrderStart } from './second-order.js';
import { cholesky, choleskySolve } from './cholesky.js';
import { dotVec } from './vec.js';

/** Armijo's sufficient-decrease constant, and the most halvings of the step before giving up. */
const ARMIJO = 1e-4;
const MAX_HALVINGS = 30;
/** The first shift tried, relative to the largest diagonal entry, and the growth factor per retry. */
const FIRST_SHIFT = 1e-10;
const SHIFT_GROWTH = 100;

export function* newtonCholesky(obj: AnyObjective, x0: Float64Array, opts: OptimizeOptions): Steps {
  fullHessianOrFail(obj.dim, "solver 'newton-cholesky'");
  const start = yield* secondOrderStart(obj, x0, opts, 'newton-cholesky');
  const { evaluate, mon } = start;
  let { x, g, at } = start;
  let f = at.value;
  const n = obj.dim;
  const H = new Float64Array(n * n);
  const p = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  for (let it = 1; it <= opts.maxIter; it++) {
    if (mon.small(x, g)) return mon.result(x, f, g, it - 1, 'converged');
    hessianMatrix(at, n, H);
    newtonStep(H, n, g, p);
    const slope = dotVec(g, p);
    let t = 1;
    let accepted = false;
    for (let h = 0; h <= MAX_HALVINGS; h++, t /= 2) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * p[i];
      const trial = yield* evaluate(xNew, gNew);
      const fNew = trial.value;
      // near the optimum J stops changing in floating point: then a smaller gradient decides
      const flat = Math.abs(fNew - f) <= 1e-14 * Math.abs(f) && sumAbs(gNew) < sumAbs(g);
      if (Number.isFinite(fNew) && (fNew <= f + ARMIJO * t * slope || flat)) {
        [x, xNew] = [xNew, x];
        [g, gNew] = [gNew, g];
        f = fNew;
        at = trial;
        accepted = true;
        break;
      }
    }
    if (!accepted) return mon.result(x, f, g, it - 1, 'lineSearch');
    if (!mon.record(it, x, f, g)) return mon.result(x, f, g, it, 'callback');
    yield mon;
  }
  return mon.result(x, f, g, opts.maxIter, mon.small(x, g) ? 'converged' : 'maxIter');
}

/** p = −(H + τI)⁻¹g with the smallest τ in {0, FIRST_SHIFT·m, …} that factors; −g when none does. */
function newtonStep(H: Float64Array, n: number, g: Float64Array, p: Float64Array): void {
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(H[i * n + i]));
  for (let shift = 0; shift <= largest * 1e6 && largest > 0; shift = shift === 0 ? FIRST_SHIFT * largest : shift * SHIFT_GROWTH) {
    const L = cholesky(H, n, 1e-13, shift);
    if (L) {
      for (let i = 0; i < n; i++) p[i] = -g[i];
      choleskySolve(L, n, p, p);
      return;
    }
  }
  for (let i = 0; i < n; i++) p[i] = -g[i];
}

function sumAbs(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.abs(v[i]);
  return s;
}
