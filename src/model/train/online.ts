// Online training for partialFit / fitStream: the state (the parameters and the optimiser's
// memory: velocity, Adam moments, step size, PRNG) kept between batches, and a pure step that
// copies one batch into the engine, runs one pass of minibatch updates over it, frees it, and
// returns the next state. One-vs-rest keeps one binary state per class.
import type { BackendName, Kernels } from '../../engine/types.js';
import type { Batch } from './batch-input.js';
import { ONLINE_METHODS, type MethodName } from '../../optim/dispatch.js';
import { binaryTarget, type Label } from '../../data/labels.js';
import { LogisticObjective } from '../../loss/logistic-objective.js';
import { SoftmaxObjective } from '../../loss/softmax-objective.js';
import { estimateCurvature } from '../../optim/curvature.js';
import { adamRule, momentumRule, nesterovRule, scheduledRate, type UpdateRule } from '../../optim/rules.js';
import { ADAM_DEFAULT_RATE } from '../../optim/adam.js';
import { Rng } from '../../optim/rng.js';
import { DEFAULT_BATCH } from '../../optim/epochs.js';
import type { StochasticObjective } from '../../optim/types.js';
import type { ResolvedOptions } from '../options.js';
import { kindFor, layoutOf, pack, row, unpack, type ModelKind } from '../../core/layout.js';
import type { ModelState } from '../state.js';
import { matrixSource } from '../../data/matrix.js';
import { readClasses } from './batch-input.js';
import { LogRegError } from '../../core/errors.js';

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
  /** the feature columns, when the batches were tables */
  featureNames?: string[];
  /** one-vs-rest: one binary state per class (class c against the rest); x is their rows packed */
  parts?: OnlineState[];
}

export function newOnlineState(o: ResolvedOptions, classes: Label[], d: number, start: Float64Array | null): OnlineState {
  const kind = kindFor(o.multiClass, classes.length);
  const layout = layoutOf(kind, classes.length, d, o.fitIntercept);
  const n = layout.dim;
  // one-vs-rest: k binary states, as the batch fit runs k binary problems
  const parts = kind === 'ovr' ? classes.map((_, c) => newOnlineState({ ...o, multiClass: 'auto' }, [0, 1], d, start && row(layout, start, c))) : undefined;
  const rule =
    onlineMethod(o) === 'adam'
      ? adamRule(n, o.beta1, o.beta2, o.epsilon)
      : onlineMethod(o) === 'nesterov'
        ? nesterovRule(n, o.momentum)
        : momentumRule(n, onlineMethod(o) === 'momentum' ? o.momentum : 0);
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
    parts,
  };
}

/** The solver online training runs: the one named, or sgd for 'auto'. */
export function onlineMethod(o: ResolvedOptions): MethodName {
  return o.solver === 'auto' ? 'sgd' : o.solver;
}

/** The solvers that train online, checked for the entry point that needs one. */
export function requireOnlineSolver(solver: MethodName, entry: string, standardize = false): void {
  if (standardize)
    throw new LogRegError('INVALID_OPTION', `${entry} trains batch by batch, and standardize needs the whole data set: scale the batches with a StandardScaler fitted beforehand`, { option: 'standardize' });
  if (!ONLINE_METHODS.includes(solver))
    throw new LogRegError('INVALID_OPTION', `${entry} needs a stochastic solver (${ONLINE_METHODS.join(', ')}), not '${solver}'`, { option: 'solver' });
}

/**
 * One pass over a batch from state s: returns the next state (the parameters, the optimiser's
 * memory, the PRNG and the step size advanced; steps + 1) and J on the batch. s is not changed,
 * so a step that throws leaves it as it was; the caller commits (and appends the loss).
 * penaltyWeight is the S of α = 1/(C·S); epoch drives the schedule.
 */
export function onlineStep(
  s: OnlineState,
  o: ResolvedOptions,
  kernels: Kernels,
  b: Batch,
  penaltyWeight: number,
  epoch: number,
): { next: OnlineState; loss: number } {
  if (s.parts) return ovrStep(s, s.parts, o, kernels, b, penaltyWeight, epoch);
  const sw = b.sampleWeight;
  const common = { C: o.C, penalty: o.penalty, l1Ratio: o.l1Ratio, fitIntercept: o.fitIntercept, sampleWeight: sw, penaltyWeight };
  let obj: StochasticObjective;
  let dispose: () => void;
  if (s.kind === 'binary') {
    const data = kernels.dataset(b.src, binaryTarget(b.codes, 1), sw);
    obj = new LogisticObjective(data, { ...common, loss: o.loss });
    dispose = () => data.dispose();
  } else {
    const data = kernels.softmaxDataset(b.src, b.codes, s.classes.length, sw);
    obj = new SoftmaxObjective(data, common);
    dispose = () => data.dispose();
  }
  try {
    const x = Float64Array.from(s.x);
    const rule = s.rule.clone();
    const rng = s.rng.clone();
    const g = new Float64Array(x.length);
    let eta0 = s.eta0;
    if (eta0 === null) {
      obj.valueAndGradient(x, g);
      eta0 = o.learningRate ?? (onlineMethod(o) === 'adam' ? ADAM_DEFAULT_RATE : 1 / estimateCurvature(obj, x, g));
    }
    const eta = scheduledRate(eta0, o.learningRateSchedule, o.powerT, epoch);
    const rows = b.src.rows;
    const order = Int32Array.from({ length: rows }, (_, i) => i);
    rng.shuffle(order);
    const batch = Math.min(o.batchSize ?? DEFAULT_BATCH, rows);
    for (let start = 0; start < rows; start += batch) {
      const idx = order.subarray(start, Math.min(rows, start + batch));
      rule.step(x, (p, gg) => obj.batchValueAndGradient(p, gg, idx, false), eta);
    }
    const loss = obj.valueAndGradient(x, g);
    return { next: { ...s, x, rule, rng, eta0, steps: s.steps + 1 }, loss };
  } finally {
    dispose();
  }
}

/**
 * The online state partialFit continues: the current one (its classes must match any given), or
 * a new one, started from the fitted coefficients when classes, features and kind match.
 */
export function continueOnline(online: OnlineState | null, fitted: ModelState | null, classes: unknown, X: unknown, o: ResolvedOptions): OnlineState {
  requireOnlineSolver(onlineMethod(o), 'partialFit', o.standardize);
  if (online) {
    if (classes !== undefined) {
      const given = readClasses(classes);
      if (given.length !== online.classes.length || given.some((c, i) => c !== online.classes[i]))
        throw new LogRegError('LABELS', `classes (${given.join(', ')}) differ from the first call's (${online.classes.join(', ')})`);
    }
    return online;
  }
  const cls = readClasses(classes);
  const d = matrixSource(X, 'X').cols;
  const s = fitted;
  const same = s !== null && s.nFeatures === d && s.classes.length === cls.length && s.classes.every((c, i) => c === cls[i]) && s.kind === kindFor(o.multiClass, cls.length);
  return newOnlineState(o, cls, d, same ? pack(layoutOf(s.kind, cls.length, d, o.fitIntercept), s.coef, s.intercept) : null);
}

/** The fitted state an online state stands for. */
export function stateOfOnline(state: OnlineState, fitIntercept: boolean, backend: BackendName): ModelState {
  const { coef, intercept } = unpack(layoutOf(state.kind, state.classes.length, state.nFeatures, fitIntercept), state.x);
  const { kind, classes, nFeatures, steps: nIter, featureNames } = state;
  return { kind, classes, nFeatures, coef, intercept, nIter, converged: false, lossHistory: state.lossHistory.slice(), backend, ...(featureNames ? { featureNames } : {}) };
}

/** A one-vs-rest step: each class's binary state steps on "class c or not"; J is their mean. */
function ovrStep(s: OnlineState, parts: OnlineState[], o: ResolvedOptions, kernels: Kernels, b: Batch, penaltyWeight: number, epoch: number): { next: OnlineState; loss: number } {
  const layout = layoutOf('ovr', parts.length, s.nFeatures, o.fitIntercept);
  const coef = new Float64Array(parts.length * s.nFeatures);
  const intercept = new Float64Array(parts.length);
  let loss = 0;
  const nextParts = parts.map((part, c) => {
    const codes = Int32Array.from(b.codes, (k) => (k === c ? 1 : 0));
    const r = onlineStep(part, o, kernels, { ...b, codes }, penaltyWeight, epoch);
    coef.set(r.next.x.subarray(0, s.nFeatures), c * s.nFeatures);
    if (o.fitIntercept) intercept[c] = r.next.x[s.nFeatures];
    loss += r.loss / parts.length;
    return r.next;
  });
  return { next: { ...s, x: pack(layout, coef, intercept), parts: nextParts, steps: s.steps + 1 }, loss };
}
