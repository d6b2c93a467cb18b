// fitStream with lbfgs, newton or newton-cholesky: the exact optimum of the data a re-readable
// source yields, for data larger than memory. A census pass first (rows, weight total, column
// stats, every batch validated), then one pass per evaluation (stream-passes.ts), so memory is
// one batch. The objective is the in-memory fit's (summed-objective.ts): the same optimum to
// rounding.
import { LogRegError } from '../../core/errors.js';
import { settle, type Pending } from '../../optim/pending.js';
import type { Progress } from '../../optim/monitor.js';
import { summedObjective } from '../../loss/summed-objective.js';
import { kindFor, layoutOf, unpack } from '../../core/layout.js';
import { AWAITING_METHODS, type AwaitingMethod } from '../../optim/dispatch.js';
import { autoThreadCount } from '../../engine/threads/auto.js';
import { awaitingSolveSteps } from './solve.js';
import { checkedState, startingPoint, type FittedRun } from './fit.js';
import { localPasses, SHARDED_PASSES, type ShardRequest, type StreamContext, type StreamPasses } from './stream-passes.js';
import type { ModelState } from '../state.js';

/** The solvers fitStream runs to the exact optimum, one pass over the source per evaluation. */
export const EXACT_STREAM_METHODS: readonly string[] = AWAITING_METHODS;

/** The source's own passes on workers where it offers them and threads are asked for, else passes here. */
function passesFor(c: StreamContext): StreamPasses {
  const threads = c.o.threads === 'auto' ? autoThreadCount() : c.o.threads;
  const sharded = (c.source as { [SHARDED_PASSES]?: (r: ShardRequest) => StreamPasses | null })[SHARDED_PASSES];
  const request: ShardRequest = { threads, classes: c.classes, options: c.o, signal: c.signal, onProgress: c.onProgress };
  return (threads > 1 && typeof sharded === 'function' ? sharded.call(c.source, request) : null) ?? localPasses(c);
}

/** The exact fit as steps (runSliced drives them), returning the state to commit. */
export function* exactStreamSteps(
  c: StreamContext,
  current: ModelState | null,
): Generator<Progress | Pending, FittedRun, unknown> {
  const { o, classes } = c;
  const k = classes.length;
  const kind = kindFor(o.multiClass, k);
  if (kind === 'ovr')
    throw new LogRegError('INVALID_OPTION', `fitStream's exact solvers fit one binary or one multinomial model; for one-vs-rest use multiClass 'multinomial' or a stochastic solver`, { option: 'multiClass' });
  if (kind === 'multinomial' && o.solver !== 'lbfgs')
    throw new LogRegError('INVALID_OPTION', `fitStream over ${k} classes runs solver 'lbfgs' (the Newton solvers need the binary Hessian), not '${o.solver}'`, { option: 'solver' });
  if (kind === 'multinomial' && o.loss !== 'log') throw new LogRegError('INVALID_OPTION', "loss 'squared' is defined for binary models only", { option: 'loss' });
  const passes = passesFor(c);
  try {
    const cen = yield* settle(passes.census());
    const blocks = kind === 'binary' ? 1 : k;
    const obj = summedObjective((w, b, hessian) => passes.pass(w, b, hessian), cen, { C: o.C, penalty: o.penalty, l1Ratio: o.l1Ratio, fitIntercept: o.fitIntercept, blocks });
    const layout = layoutOf(kind, k, cen.d, o.fitIntercept);
    const x0 = startingPoint(o, current, kind, classes, cen.d) ?? new Float64Array(layout.dim);
    const method = o.solver as AwaitingMethod;
    const result = yield* awaitingSolveSteps(method, obj, x0, o);
    const out = { ...unpack(layout, result.x), result, solver: method };
    const state = checkedState(out, kind, classes, cen.d, c.kernels.name);
    const names = passes.featureNames();
    return { state: names ? { ...state, featureNames: names } : state, result };
  } finally {
    passes.end();
  }
}
