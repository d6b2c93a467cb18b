// Online training state for partialFit / fitStream: the parameters and the optimiser's memory
// (velocity, Adam moments, step size, PRNG) kept between batches. Each step copies one batch
// into the backend, runs one pass of minibatch updates over it, and frees it.
import type { Kernels, MatrixSource } from '../engine/types.js';
import { binaryTarget, type Label } from '../data/labels.js';
import { LogisticObjective } from '../loss/logistic-objective.js';
import { SoftmaxObjective } from '../loss/softmax-objective.js';
import { estimateCurvature } from '../optim/curvature.js';
import { adamRule, momentumRule, nesterovRule, scheduledRate, type UpdateRule } from '../optim/rules.js';
import { ADAM_DEFAULT_RATE } from '../optim/adam.js';
import { Rng } from '../optim/rng.js';
import { DEFAULT_BATCH } from '../optim/epochs.js';
import type { StochasticObjective } from '../optim/types.js';
import type { ResolvedOptions } from './options.js';
import { kindFor, layoutOf, type ModelKind } from '../core/layout.js';
import { LogRegError } from '../core/errors.js';

export interface OnlineState {
  kind: ModelKind;
  classes: Label[];
  nFeatures: number;
  x: Float64Array;
  rule: UpdateRule;
  eta0: number | null;
  rng: Rng;
  /** Σ weights seen so far */
  seenWeight: number;
  steps: number;
  lossHistory: number[];
}

export function newOnlineState(o: ResolvedOptions, classes: Label[], d: number, start: Float64Array | null): OnlineState {
  const kind = kindFor(o.multiClass, classes.length);
  if (kind === 'ovr')
    throw new LogRegError('INVALID_OPTION', `partialFit and fitStream train binary and multinomial models; multiClass 'ovr' with ${classes.length} classes is not available online`, {
      option: 'multiClass',
    });
  const n = layoutOf(kind, classes.length, d, o.fitIntercept).dim;
  const rule =
    o.solver === 'adam'
      ? adamRule(n, o.beta1, o.beta2, o.epsilon)
      : o.solver === 'nesterov'
        ? nesterovRule(n, o.momentum)
        : momentumRule(n, o.solver === 'momentum' ? o.momentum : 0);
  return {
    kind,
    classes,
    nFeatures: d,
    x: start ? Float64Array.from(start) : new Float64Array(n),
    rule,
    eta0: null,
    rng: new Rng(o.seed),
    seenWeight: 0,
    steps: 0,
    lossHistory: [],
  };
}

/**
 * One pass over a batch. penaltyWeight is the S of α = 1/(C·S); epoch drives the schedule.
 * Works on a copy of the parameters and returns it with J on the batch: the caller commits.
 */
export function onlineStep(
  s: OnlineState,
  o: ResolvedOptions,
  kernels: Kernels,
  src: MatrixSource,
  codes: Int32Array,
  sw: Float64Array | null,
  penaltyWeight: number,
  epoch: number,
): { x: Float64Array; loss: number } {
  const common = { C: o.C, penalty: o.penalty, l1Ratio: o.l1Ratio, fitIntercept: o.fitIntercept, sampleWeight: sw, penaltyWeight };
  let obj: StochasticObjective;
  let dispose: () => void;
  if (s.kind === 'binary') {
    const data = kernels.dataset(src, binaryTarget(codes, 1), sw);
    obj = new LogisticObjective(data, { ...common, loss: o.loss });
    dispose = () => data.dispose();
  } else {
    const data = kernels.softmaxDataset(src, codes, s.classes.length, sw);
    obj = new SoftmaxObjective(data, common);
    dispose = () => data.dispose();
  }
  try {
    const x = Float64Array.from(s.x);
    const g = new Float64Array(x.length);
    if (s.eta0 === null) {
      obj.valueAndGradient(x, g);
      s.eta0 = o.learningRate ?? (o.solver === 'adam' ? ADAM_DEFAULT_RATE : 1 / estimateCurvature(obj, x, g));
    }
    const eta = scheduledRate(s.eta0, o.learningRateSchedule, o.powerT, epoch);
    const rows = src.rows;
    const order = Int32Array.from({ length: rows }, (_, i) => i);
    s.rng.shuffle(order);
    const batch = Math.min(o.batchSize ?? DEFAULT_BATCH, rows);
    for (let start = 0; start < rows; start += batch) {
      const idx = order.subarray(start, Math.min(rows, start + batch));
      s.rule.step(x, (p, gg) => obj.batchValueAndGradient(p, gg, idx, false), eta);
    }
    const loss = obj.valueAndGradient(x, g);
    return { x, loss };
  } finally {
    dispose();
  }
}
