// The one convergence warning of a fit, and a way to hold it back for fits that are steps of a
// larger one (fitAsync's event-loop slices), which then report once for the whole.
import { emitWarning } from '../warnings.js';

let held = 0;

/** Runs the synchronous `f` without convergence warnings from the fits inside it. */
export function withoutConvergenceWarnings<T>(f: () => T): T {
  held++;
  try {
    return f();
  } finally {
    held--;
  }
}

/** Warns that `solver` stopped for `reason` after `iterations` (with ‖∇J‖∞ when known). */
export function warnNotConverged(solver: string, reason: string, iterations: number, gradientNorm?: number): void {
  if (held > 0) return;
  const norm = gradientNorm === undefined ? '' : ` with ‖∇J‖∞ = ${gradientNorm.toExponential(2)}`;
  emitWarning({
    code: 'CONVERGENCE',
    message:
      `solver '${solver}' stopped (${reason}) after ${iterations} iterations${norm} above tol·max(1, ‖∇J(w₀)‖∞); ` +
      `raise maxIter, loosen tol or scale the features`,
  });
}
