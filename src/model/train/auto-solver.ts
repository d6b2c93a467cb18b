// solver: 'auto' — the solver a fit runs, from the problem's shape and the data's column scales
// (docs/solvers.md has the measurements behind each threshold).
import type { MethodName } from '../../optim/dispatch.js';
import type { ColumnStats } from '../../data/column-stats.js';
import type { ResolvedOptions } from '../options.js';
import type { ModelKind } from '../../core/layout.js';

/** Up to this many features the full Hessian (n·d²/2 per iteration) costs no more than lbfgs's extra iterations. */
export const FULL_HESSIAN_ANY_SCALE = 32;
/** Beyond this many features the d³/6 Cholesky (in JS) outweighs what the Hessian saves. */
export const FULL_HESSIAN_MAX = 1000;

export interface ProblemFacts {
  kind: ModelKind;
  rows: number;
  cols: number;
  /** the mean and variance of every column (one pass over X, shared with the convergence test) */
  stats: () => ColumnStats;
  /** X is CSR rows */
  sparse: boolean;
}

/**
 * The solver for a batch fit: saga (one row per step, lagged updates) for sparse binary and
 * one-vs-rest fits with more than FULL_HESSIAN_MAX features; lbfgs where the penalty has an L1 part or the loss is squared;
 * newton (Newton-CG) for multinomial; newton-cholesky for binary and one-vs-rest fits with at
 * most FULL_HESSIAN_ANY_SCALE features, or up to FULL_HESSIAN_MAX (and no more than the rows)
 * when the columns are far from standardised, where lbfgs needs thousands of iterations;
 * lbfgs otherwise.
 */
export function autoSolver(o: ResolvedOptions, p: ProblemFacts): MethodName {
  if (p.sparse && p.kind !== 'multinomial' && p.cols > FULL_HESSIAN_MAX) return 'saga';
  if (o.penalty === 'l1' || o.penalty === 'elasticnet' || o.loss === 'squared') return 'lbfgs';
  if (p.kind === 'multinomial') return 'newton';
  if (p.cols <= FULL_HESSIAN_ANY_SCALE) return 'newton-cholesky';
  if (p.cols <= FULL_HESSIAN_MAX && p.cols <= p.rows && !nearlyStandardised(p.stats())) return 'newton-cholesky';
  return 'lbfgs';
}

/**
 * Every non-constant column has |mean| <= sd/2, and the largest sd is within 10× the smallest:
 * where lbfgs converges in tens of iterations. Raw features (offsets, mixed units) fail it.
 */
export function nearlyStandardised({ mean, variance }: ColumnStats): boolean {
  let lo = Infinity;
  let hi = 0;
  for (let j = 0; j < mean.length; j++) {
    const v = variance[j];
    if (!(v > 0)) continue;
    if (mean[j] * mean[j] > v / 4) return false;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi <= 100 * lo || hi === 0;
}
