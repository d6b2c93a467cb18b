// The stopping rule shared by every optimiser, the loss history and the iteration callback.
// Converged when ‖∇J‖∞ <= tol, in the raw coordinates and, when the objective has them, in its
// standardised ones (scaling.ts). Neither test depends on the first gradient; a feature with huge
// values or a large offset makes the raw test strict, a feature with tiny values the
// standardised one, so no scaling of the data makes the pair pass early. With an L1 term, ∇J is
// the minimum-norm subgradient (pseudo-gradient) and J includes the L1 term.
import type { AnyObjective, IterationInfo, OptimizeOptions, OptimizeResult, StopReason } from './types.js';
import { normInf } from './vec.js';
import { l1Of, pseudoGradient } from './l1.js';
import { LogRegError } from '../core/errors.js';
import { scaledNormInf, type CoordinateScaling } from './scaling.js';
import { Pending, asyncObjectiveError, isThenable } from './pending.js';

/** What a solver yields after each iteration: the state it reached, read on demand. */
export interface Progress {
  info(): IterationInfo;
}

/**
 * A solver run as a sequence of iterations: it yields after each one and returns its result;
 * over an objective that answers later it also yields a Pending per evaluation (pending.ts).
 */
export type Steps = Generator<Progress | Pending, OptimizeResult, unknown>;

/** Runs steps to their end (the synchronous fit); an objective answering with a promise is an error. */
export function runToEnd<T>(steps: Generator<unknown, T, unknown>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (r.value instanceof Pending) {
      r.value.promise.then(undefined, () => {});
      steps.return(undefined as never);
      throw asyncObjectiveError();
    }
  }
}

export class Monitor implements Progress {
  readonly threshold: number;
  readonly history: number[] = [];
  private readonly obj: AnyObjective;
  private readonly pg: Float64Array;
  private readonly onIteration?: (info: IterationInfo) => boolean | void;
  private readonly scaling: CoordinateScaling | undefined;

  /** f0: the smooth value at x0 (as returned by valueAndGradient). */
  constructor(obj: AnyObjective, opts: OptimizeOptions, x0: Float64Array, f0: number) {
    this.obj = obj;
    this.pg = new Float64Array(obj.dim);
    if (isThenable(f0)) {
      f0.then(undefined, () => {}); // its failure, if any, is not this error's
      throw new LogRegError('INVALID_OPTION', 'the objective answered with a Promise: only lbfgs, newton and newton-cholesky can await an objective', { option: 'method' });
    }
    if (!Number.isFinite(f0))
      throw new LogRegError('NON_FINITE', `the objective is ${f0} at the starting point: no solver can start from there`);
    this.scaling = obj.convergenceScaling?.();
    this.threshold = opts.tol;
    this.onIteration = opts.onIteration;
    this.history.push(this.total(x0, f0));
  }

  /** ‖pseudo-gradient‖∞ (‖g‖∞ without an L1 term), the larger of raw and standardised where known. */
  measure(x: Float64Array, g: Float64Array): number {
    let v = g;
    if (this.obj.l1) {
      pseudoGradient(x, g, this.obj.l1, this.pg);
      v = this.pg;
    }
    const raw = normInf(v);
    return this.scaling ? Math.max(raw, scaledNormInf(v, this.scaling)) : raw;
  }

  /** J including the L1 term. */
  total(x: Float64Array, f: number): number {
    return f + l1Of(x, this.obj.l1);
  }

  small(x: Float64Array, g: Float64Array): boolean {
    return this.measure(x, g) <= this.threshold;
  }

  private last: { it: number; x: Float64Array; f: number; g: Float64Array } | null = null;

  /** Records iteration `it`; returns false when the callback asks to stop. */
  record(it: number, x: Float64Array, f: number, g: Float64Array): boolean {
    this.history.push(this.total(x, f));
    this.last = { it, x, f, g };
    if (!this.onIteration) return true;
    return this.onIteration(this.info()) !== false;
  }

  /** The last recorded iteration (x is the solver's own buffer: valid until it resumes). */
  info(): IterationInfo {
    const { it, x, f, g } = this.last!;
    return { iteration: it, loss: this.total(x, f), gradientNorm: this.measure(x, g), x };
  }

  result(x: Float64Array, f: number, g: Float64Array, nIter: number, reason: StopReason): OptimizeResult {
    const gn = this.measure(x, g);
    return {
      x,
      value: this.total(x, f),
      gradientNorm: gn,
      nIter,
      converged: reason === 'converged' || gn <= this.threshold,
      reason,
      lossHistory: this.history,
    };
  }
}

/** Solvers that need a smooth objective refuse an L1 term. */
export function requireSmooth(obj: AnyObjective, method: string): void {
  if (obj.l1 && obj.l1.strength > 0)
    throw new LogRegError(
      'INVALID_OPTION',
      `method '${method}' needs a smooth objective; an L1 penalty needs 'lbfgs' (OWL-QN) or 'saga'`,
      { option: 'solver', value: method },
    );
}
