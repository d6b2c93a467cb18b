// The three ways to fit: binary (one sigmoid), multinomial (softmax over k classes) and
// one-vs-rest (k binary fits). Each copies X into the backend, solves, frees, and returns the
// state; nothing here touches the model until the fit has succeeded. They run as steps (one
// per solver iteration), so fit drives them to the end and fitAsync's slices resume them: the
// same computation either way. Returning early from the steps frees the data (finally).
import { LogRegError } from '../../core/errors.js';
import type { Kernels, MatrixSource, StorageType } from '../../engine/types.js';
import { binaryTarget } from '../../data/labels.js';
import { LogisticObjective } from '../../loss/logistic-objective.js';
import { SoftmaxObjective } from '../../loss/softmax-objective.js';
import type { OptimizeResult } from '../../optim/types.js';
import type { ResolvedOptions } from '../options.js';
import { batchSolver, solveSteps } from './solve.js';
import type { MethodName } from '../../optim/dispatch.js';
import { kindFor, layoutOf, pack, row, unpack, type ModelKind } from '../../core/layout.js';
import { standardScales } from '../../preprocessing/standard-scaler.js';
import { scaledParameters, unscaledParameters } from '../../preprocessing/fold.js';
import type { ModelState } from '../state.js';
import type { BatchFitOptions } from '../entry-options.js';
import { matrixSource, storedValues } from '../../data/matrix.js';
import { plainInputs } from '../../data/arrow.js';
import { encodeClasses, type Label } from '../../data/labels.js';
import { normalizedWeights, readSampleWeight } from '../../data/weights.js';
import { withClassWeight } from '../../data/class-weight.js';
import type { Progress } from '../../optim/monitor.js';
import type { Pending } from '../../optim/pending.js';

export interface FitInput {
  src: MatrixSource;
  codes: Int32Array;
  k: number;
  sampleWeight: Float64Array | null;
  /** C for these weights (normalizedWeights may have rescaled both) */
  C: number;
  kernels: Kernels;
  options: ResolvedOptions;
}

export interface FitOutput {
  coef: Float64Array;
  intercept: Float64Array;
  result: OptimizeResult;
  /** the solver that ran (auto's choice where solver is 'auto') */
  solver: MethodName;
}

/** A fit as steps: it yields after every solver iteration and returns the fitted parameters. */
export type FitSteps = Generator<Progress | Pending, FitOutput, unknown>;

/** How the backend stores X: the dtype option, or with 'auto' float32 for float32 input. */
function storageOf({ src, options: o }: FitInput): StorageType {
  return o.dtype === 'auto' ? (src.float32 ? 'float32' : 'float64') : o.dtype;
}

/** What both objectives take from a fit: C, the penalty, the intercept, the weights. */
function objectiveOptions({ C, sampleWeight, options: o }: FitInput) {
  return { C, penalty: o.penalty, l1Ratio: o.l1Ratio, fitIntercept: o.fitIntercept, sampleWeight };
}

/** One binary fit of class `positive` against the rest, from x0 (coef then intercept) or zeros. */
export function* fitBinary(input: FitInput, positive: number, x0: Float64Array | null): FitSteps {
  const { src, sampleWeight, kernels, options: o } = input;
  const data = kernels.dataset(src, binaryTarget(input.codes, positive), sampleWeight, storageOf(input));
  try {
    const obj = new LogisticObjective(data, { ...objectiveOptions(input), loss: o.loss });
    const solver = batchSolver(o, { kind: 'binary', rows: data.n, cols: data.d, stats: () => obj.columnStats(), sparse: !!src.csr });
    const result = yield* solveSteps(solver, obj, x0 ?? new Float64Array(obj.dim), o);
    return { ...unpack(layoutOf('binary', 2, src.cols, o.fitIntercept), result.x), result, solver };
  } finally {
    data.dispose();
  }
}

/** Softmax over k classes; the intercepts are centred to sum to 0 (they are defined up to a constant). */
export function* fitMultinomial(input: FitInput, x0: Float64Array | null): FitSteps {
  const { src, k, sampleWeight, kernels, options: o } = input;
  if (o.loss !== 'log')
    throw new LogRegError('INVALID_OPTION', "loss 'squared' is defined for binary models only", { option: 'loss' });
  const data = kernels.softmaxDataset(src, input.codes, k, sampleWeight, storageOf(input));
  try {
    const obj = new SoftmaxObjective(data, objectiveOptions(input));
    const solver = batchSolver(o, { kind: 'multinomial', rows: data.n, cols: data.d, stats: () => data.columnStats(), sparse: !!src.csr });
    const result = yield* solveSteps(solver, obj, x0 ?? new Float64Array(obj.dim), o);
    return { ...unpack(layoutOf('multinomial', k, src.cols, o.fitIntercept), result.x), result, solver };
  } finally {
    data.dispose();
  }
}

/** k binary fits, class c against the rest; nIter is the largest, converged all of them. */
export function* fitOvr(input: FitInput, x0: Float64Array | null): FitSteps {
  const { src, k, options: o } = input;
  const d = src.cols;
  const layout = layoutOf('ovr', k, d, o.fitIntercept);
  const coef = new Float64Array(k * d);
  const intercept = new Float64Array(k);
  let last: OptimizeResult | null = null;
  let solver: MethodName = 'lbfgs';
  let nIter = 0;
  let converged = true;
  const history: number[] = [];
  for (let c = 0; c < k; c++) {
    const r = yield* fitBinary(input, c, x0 && row(layout, x0, c));
    coef.set(r.coef, c * d);
    intercept[c] = r.intercept[0];
    nIter = Math.max(nIter, r.result.nIter);
    converged &&= r.result.converged;
    history.push(r.result.value);
    last = r.result;
    solver = r.solver;
  }
  return { coef, intercept, result: { ...last!, nIter, converged, lossHistory: history }, solver };
}

/** A finished fit: the state to commit and the solver's result. */
export interface FittedRun {
  state: ModelState;
  result: OptimizeResult;
}

/** The parameter vector of a fitted state (a warm start). */
export function startVector(s: ModelState, fitIntercept: boolean): Float64Array {
  return pack(layoutOf(s.kind, s.classes.length, s.nFeatures, fitIntercept), s.coef, s.intercept);
}

/** Zeros (null), or the current parameters with warmStart when the data match the fitted model. */
export function startingPoint(o: ResolvedOptions, current: ModelState | null, kind: ModelKind, classes: Label[], d: number): Float64Array | null {
  const s = current;
  if (!o.warmStart || !s) return null;
  if (s.kind !== kind || s.nFeatures !== d || s.classes.length !== classes.length || s.classes.some((c, i) => c !== classes[i]))
    throw new LogRegError(
      'FEATURE_MISMATCH',
      `warmStart: the data (${d} features, classes ${classes.join(', ')}) does not match the fitted ` +
        `model (${s.nFeatures} features, classes ${s.classes.join(', ')})`,
    );
  return startVector(s, o.fitIntercept);
}

/**
 * A fit of X, y as steps (one per solver iteration: fit runs them to the end, fitAsync's slices
 * resume them), returning the state to commit; nothing outside is changed. `current` is the
 * fitted state a warm start continues from; `kernelsFor` gives the kernels for X's size (threads: 'auto').
 */
export function* fitSteps(
  X: unknown,
  y: unknown,
  f: BatchFitOptions,
  o: ResolvedOptions,
  kernelsFor: (values: number) => Kernels,
  current: ModelState | null,
): Generator<Progress | Pending, FittedRun, unknown> {
  const plain = plainInputs(X, y, f.sampleWeight, o.featureNames);
  ({ X, y } = plain);
  f = { ...f, sampleWeight: plain.sampleWeight as BatchFitOptions['sampleWeight'] };
  const tableNames = plain.featureNames;
  let src = matrixSource(X, 'X');
  const kernels = kernelsFor(storedValues(src));
  if (o.featureNames && o.featureNames.length !== src.cols)
    throw new LogRegError('FEATURE_MISMATCH', `featureNames has ${o.featureNames.length} names but X has ${src.cols} features`, { option: 'featureNames' });
  const { classes, codes } = encodeClasses(y, src.rows, f.classes);
  const k = classes.length;
  const { sampleWeight, C } = normalizedWeights(withClassWeight(o.classWeight, classes, codes, readSampleWeight(f.sampleWeight, src.rows)), o.C);
  const kind = kindFor(o.multiClass, k);
  const layout = layoutOf(kind, k, src.cols, o.fitIntercept);
  let x0 = startingPoint(o, current, kind, classes, src.cols);
  // standardize: fit on a standardised copy of X, from the start in its coordinates; fold back below
  let scales: { mean: Float64Array; scale: Float64Array } | null = null;
  if (o.standardize) {
    const data = new Float64Array(src.rows * src.cols);
    src.fill(data);
    scales = standardScales(data, src.rows, src.cols);
    const { mean, scale } = scales;
    if (!o.fitIntercept) mean.fill(0); // no intercept to absorb the shift: scale only
    for (let i = 0; i < data.length; i++) data[i] = (data[i] - mean[i % src.cols]) / scale[i % src.cols];
    src = matrixSource({ data, rows: src.rows, cols: src.cols }, 'X');
    if (x0) x0 = scaledParameters(layout, x0, mean, scale);
  }
  const input = { src, codes, k, sampleWeight, C, kernels, options: o };
  let out: FitOutput = yield* kind === 'binary' ? fitBinary(input, 1, x0) : kind === 'multinomial' ? fitMultinomial(input, x0) : fitOvr(input, x0);
  if (scales) out = { ...out, ...unpack(layout, unscaledParameters(layout, pack(layout, out.coef, out.intercept), scales.mean, scales.scale)) };
  const state = checkedState(out, kind, classes, src.cols, kernels.name);
  return { state: tableNames ? { ...state, featureNames: tableNames } : state, result: out.result };
}

/** The fitted state of a finished fit; a non-finite J or coefficient is an error (the model stays as it was). */
export function checkedState(out: FitOutput, kind: ModelKind, classes: Label[], nFeatures: number, backend: Kernels['name']): ModelState {
  const r = out.result;
  if (!Number.isFinite(r.value) || !out.coef.every(Number.isFinite) || !out.intercept.every(Number.isFinite))
    throw new LogRegError('NON_FINITE', `the fit ended with J = ${r.value} or a non-finite coefficient; the model is unchanged`);
  return {
    kind,
    classes,
    nFeatures,
    coef: out.coef,
    intercept: out.intercept,
    nIter: r.nIter,
    converged: r.converged,
    lossHistory: r.lossHistory,
    backend,
    solver: out.solver,
  };
}
