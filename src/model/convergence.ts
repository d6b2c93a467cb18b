// The one convergence warning of a fit, with advice that fits its reason.
import { emitWarning } from '../core/warnings.js';

const ADVICE: Record<string, string> = {
  maxIter: 'raise maxIter, or standardise the features (badly scaled features need many iterations)',
  lineSearch:
    'no step along the search direction lowered J: J is flat to machine precision there (tol below what float64 resolves) ' +
    'or the problem is badly scaled; loosen tol or standardise the features',
  nonFinite: 'a step produced a non-finite value: standardise the features or strengthen the penalty (lower C)',
};

/** Warns that `solver` stopped for `reason` after `iterations` (with ‖∇J‖∞ when known). */
export function warnNotConverged(solver: string, reason: string, iterations: number, gradientNorm?: number): void {
  const norm = gradientNorm === undefined ? '' : ` with ‖∇J‖∞ = ${gradientNorm.toExponential(2)}`;
  emitWarning({
    code: 'CONVERGENCE',
    message:
      `solver '${solver}' stopped (${reason}) after ${iterations} iterations${norm} above tol; ` +
      (ADVICE[reason] ?? ADVICE.maxIter) +
      (reason === 'lineSearch' && solver !== 'newton' ? ", or try solver 'newton'" : ''),
  });
}
