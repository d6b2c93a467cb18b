// Logistic regression: validation and marshalling, then a binary, multinomial or one-vs-rest
// fit (fit.ts), the fitted state, predictions and JSON. A fit that throws leaves the model
// exactly as it was.
import type { AbortSignalLike } from '../core/host-types.js';
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import { matrixSource } from '../data/matrix.js';
import { encodeClasses, labelsLike, readLabels, type Label } from '../data/labels.js';
import { normalizedWeights, readSampleWeight } from '../data/weights.js';
import { withClassWeight } from '../data/class-weight.js';
import { warnNoWorker, warnNotConverged } from './convergence.js';
import { kernelsFor } from '../engine/select.js';
import { threadedKernels, threadedKernelsSync, type ThreadedKernels } from '../engine/threads/kernels.js';
import type { BackendName, Kernels, MatrixSource } from '../engine/types.js';
import { resolveOptions, type LogisticRegressionOptions, type ResolvedOptions, type SolverName } from './options.js';
import { ONLINE_METHODS } from '../optim/dispatch.js';
import { fitBinary, fitMultinomial, fitOvr, type FitOutput } from './fit.js';
import { runToEnd, type Progress } from '../optim/monitor.js';
import type { OptimizeResult } from '../optim/types.js';
import { labelsFromMargins, margins, toProbabilities } from './predict.js';
import { parseModelJSON, toModelJSON, type ModelJSON } from './json.js';
import type { ModelKind, ModelState } from './state.js';
import { kindFor, layoutOf, pack, unpack } from '../core/layout.js';
import type { IterationInfo } from '../optim/types.js';
import type { FitJob } from '../async/protocol.js';
import { abortError, runInWorker } from '../async/spawn.js';
import { runSliced } from '../async/chunked.js';
import { Pauser } from '../async/pause.js';
import { newOnlineState, onlineStep, type OnlineState } from './online.js';
import { readBatch, readClasses } from './batch.js';

export interface FitOptions {
  /** Non-negative weight per row (scikit-learn's sample_weight). */
  sampleWeight?: ArrayLike<number>;
}

export interface BatchFitOptions extends FitOptions {
  /**
   * The classes, when y alone should not decide them: every label must be one of these.
   * Needed to fit numeric labels that are not integers, which are otherwise refused.
   */
  classes?: Label[];
}

export interface PartialFitOptions extends FitOptions {
  /** Every label the stream will contain; required on the first call. */
  classes?: Label[];
}

export interface StreamBatch {
  X: unknown;
  y: unknown;
  sampleWeight?: ArrayLike<number>;
}

export type StreamSource =
  | AsyncIterable<StreamBatch>
  | Iterable<StreamBatch>
  | (() => AsyncIterable<StreamBatch> | Iterable<StreamBatch>);

export interface FitStreamOptions {
  /** Every label the stream contains (required). */
  classes?: Label[];
  /** Passes over the stream. Default 1. */
  epochs?: number;
  signal?: AbortSignalLike;
  /** After each batch: the epoch (from 1), batches and rows read so far in it, the batch's J. */
  onProgress?: (p: { epoch: number; batches: number; rows: number; loss: number }) => void;
}

export interface FitAsyncOptions extends BatchFitOptions {
  /** Aborting rejects the promise with an AbortError; the model stays as it was. */
  signal?: AbortSignalLike;
  onProgress?: (info: IterationInfo) => void;
  /** false: skip the worker and run fit()'s steps here, pausing for the event loop. Default: a worker where possible. */
  worker?: boolean;
}

function requireStochastic(solver: SolverName, entry: string): void {
  if (!ONLINE_METHODS.includes(solver))
    throw new LogRegError('INVALID_OPTION', `${entry} needs a stochastic solver (${ONLINE_METHODS.join(', ')}), not '${solver}'`, { option: 'solver' });
}

/** The signal option: absent, or an object shaped like an AbortSignal. */
function readSignal(v: unknown): AbortSignalLike | undefined {
  if (v === undefined) return undefined;
  const s = v as Partial<AbortSignalLike> | null;
  if (s === null || typeof s !== 'object' || typeof s.aborted !== 'boolean' || typeof s.addEventListener !== 'function' || typeof s.removeEventListener !== 'function')
    throw new LogRegError('INVALID_OPTION', `signal must be an AbortSignal, got ${describeValue(v)}`, { option: 'signal' });
  return s as AbortSignalLike;
}

const FIT_OPTIONS = ['sampleWeight', 'classes'];
const STREAM_OPTIONS = ['classes', 'epochs', 'signal', 'onProgress'];
const ASYNC_OPTIONS = [...FIT_OPTIONS, 'signal', 'onProgress', 'worker'];

function isIterable(v: unknown): boolean {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  const o = v as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown };
  return typeof o[Symbol.iterator] === 'function' || typeof o[Symbol.asyncIterator] === 'function';
}

/** An iterator (it has next()) that is its own iterable, such as a generator object: one pass only. */
function isOneShot(source: unknown): boolean {
  return typeof source === 'object' && source !== null && typeof (source as Iterator<unknown>).next === 'function';
}

/**
 * L is the label type, known to TypeScript after fit(X, y) with typed labels (so predict() of a
 * model fitted on strings returns string[]); Label when it cannot be known (fromJSON).
 */
/** A finished fit: the state to commit and the solver's result. */
interface FittedRun {
  state: ModelState;
  result: OptimizeResult;
}

export class LogisticRegression<L extends Label = Label> {
  readonly options: Readonly<ResolvedOptions>;
  private state: ModelState | null = null;
  private online: OnlineState | null = null;
  private disposed = false;
  /** The worker pool of `threads: n` (started at the first fit or by startThreads()). */
  private pool: ThreadedKernels | null = null;
  private poolRefused = false;
  /** The fitAsync or fitStream in progress: its abort controller. */
  private training: AbortController | null = null;

  constructor(options: LogisticRegressionOptions = {}) {
    this.options = Object.freeze(resolveOptions(options));
  }

  /** Fits the model to X (n×d) and y (n labels, two or more classes); returns this. */
  fit<T extends Label>(X: unknown, y: ArrayLike<T>, fitOptions?: BatchFitOptions): LogisticRegression<T>;
  fit(X: unknown, y: unknown, fitOptions?: BatchFitOptions): this;
  fit(X: unknown, y: unknown, fitOptions?: BatchFitOptions): this {
    this.idle();
    this.commitFit(runToEnd(this.fitSteps(X, y, fitOptions)));
    return this;
  }

  /**
   * The fit as steps (one per solver iteration: fit runs them to the end, fitAsync's slices
   * resume them), returning the state to commit; nothing is changed before.
   */
  private *fitSteps(X: unknown, y: unknown, fitOptions: unknown): Generator<Progress, FittedRun, void> {
    const f = ownFields(fitOptions, 'fit option', FIT_OPTIONS) as BatchFitOptions;
    const o = this.options;
    const src = matrixSource(X, 'X');
    const { classes, codes } = encodeClasses(y, src.rows, f.classes);
    const k = classes.length;
    const { sampleWeight, C } = normalizedWeights(withClassWeight(o.classWeight, classes, codes, readSampleWeight(f.sampleWeight, src.rows)), o.C);
    const kind = kindFor(o.multiClass, k);
    const x0 = this.startingPoint(kind, classes, src.cols);
    const kernels = this.fitKernels();
    const input = { src, codes, k, sampleWeight, C, kernels, options: o };
    const out: FitOutput = yield* kind === 'binary' ? fitBinary(input, 1, x0) : kind === 'multinomial' ? fitMultinomial(input, x0) : fitOvr(input, x0);
    const r = out.result;
    if (!Number.isFinite(r.value) || !out.coef.every(Number.isFinite) || !out.intercept.every(Number.isFinite))
      throw new LogRegError('NON_FINITE', `the fit ended with J = ${r.value} or a non-finite coefficient; the model is unchanged`);
    const state: ModelState = {
      kind,
      classes,
      nFeatures: src.cols,
      coef: out.coef,
      intercept: out.intercept,
      nIter: r.nIter,
      converged: r.converged,
      lossHistory: r.lossHistory,
      backend: kernels.name,
    };
    return { state, result: r };
  }

  /** Makes a finished fit the model's state (and says once if it did not converge). */
  private commitFit({ state, result: r }: FittedRun): void {
    this.online = null; // a later partialFit starts from these coefficients, not an older stream
    this.state = state;
    if (!r.converged && r.reason !== 'callback') warnNotConverged(this.options.solver, r.reason, r.nIter, r.gradientNorm);
  }

  /**
   * One pass of the stochastic solver (sgd, momentum, nesterov, adam) over this batch, keeping
   * the optimiser's state between calls (scikit-learn's partial_fit). The first call needs
   * { classes }. The L2 term uses S = all the weight seen so far (a growing data set).
   */
  partialFit(X: unknown, y: unknown, options?: PartialFitOptions): this {
    this.idle();
    const opts = ownFields(options, 'partialFit option', FIT_OPTIONS) as PartialFitOptions;
    const o = this.options;
    const state = this.onlineFor(opts.classes, X);
    const b = readBatch(o, state.classes, state.nFeatures, X, y, opts.sampleWeight);
    const kernels = kernelsFor(o.backend);
    const seen = state.seenWeight + b.weight;
    const { x, loss } = onlineStep(state, o, kernels, b.src, b.codes, b.sampleWeight, seen, ++state.steps);
    this.commitOnline(state, x, loss, seen, kernels.name);
    return this;
  }

  /**
   * Trains on a stream of batches { X, y, sampleWeight? } (an async or sync iterable; for
   * several epochs, a function returning a fresh one, or an iterable that can be iterated
   * again such as csvBatches()). Each batch gets one pass (partialFit's update); the L2 term
   * uses S = the weight of one epoch (during the first epoch: the weight seen so far).
   * The model changes only when the whole stream succeeds.
   */
  async fitStream(source: StreamSource, options?: FitStreamOptions): Promise<this> {
    this.idle();
    const opts = ownFields(options, 'fitStream option', STREAM_OPTIONS) as FitStreamOptions;
    const o = this.options;
    const epochs = opts.epochs ?? 1;
    if (!Number.isInteger(epochs) || epochs < 1) throw new LogRegError('INVALID_OPTION', 'epochs must be an integer >= 1', { option: 'epochs' });
    requireStochastic(o.solver, 'fitStream');
    if (epochs > 1 && isOneShot(source))
      throw new LogRegError(
        'INVALID_INPUT',
        `fitStream: ${epochs} epochs need a source that can be read again (a function returning a fresh iterable, ` +
          'an array, or csvBatches()); an iterator or generator object is used up after one epoch',
        { option: 'epochs' },
      );
    const classes = readClasses(opts.classes);
    const kernels = kernelsFor(o.backend);
    return this.train(readSignal(opts.signal), async (signal) => {
      let state: OnlineState | null = null;
      let epochWeight = 0;
      const pause = new Pauser();
      for (let epoch = 1; epoch <= epochs; epoch++) {
        const iterable = typeof source === 'function' ? source() : source;
        if (!isIterable(iterable))
          throw new LogRegError('INVALID_INPUT', `fitStream needs an iterable or async iterable of { X, y } batches${typeof source === 'function' ? ' (the function returned ' + describeValue(iterable) + ')' : ''}, got ${describeValue(source)}`);
        let seen = 0;
        let batches = 0;
        let rows = 0;
        for await (const batch of iterable as AsyncIterable<StreamBatch>) {
          await pause.maybe(); // a synchronous source would otherwise never let a timer's abort run
          if (signal.aborted) throw abortError();
          if (!batch || typeof batch !== 'object') throw new LogRegError('INVALID_INPUT', `the stream yielded ${describeValue(batch)}, not { X, y }`);
          const fields = ownFields(batch, 'stream batch') as unknown as StreamBatch;
          const probe = matrixSource(fields.X, 'X');
          state ??= newOnlineState(o, classes, probe.cols, null);
          const b = readBatch(o, state.classes, state.nFeatures, fields.X, fields.y, fields.sampleWeight);
          seen += b.weight;
          rows += b.src.rows;
          const { x, loss } = onlineStep(state, o, kernels, b.src, b.codes, b.sampleWeight, epoch === 1 ? seen : epochWeight, epoch);
          state.x = x;
          state.lossHistory.push(loss);
          state.steps++;
          batches++;
          opts.onProgress?.({ epoch, batches, rows, loss });
        }
        if (batches === 0) throw new LogRegError('EMPTY_DATA', `the stream yielded no batches in epoch ${epoch}`);
        if (epoch === 1) epochWeight = seen;
      }
      if (signal.aborted) throw abortError();
      state!.seenWeight = epochWeight;
      this.commitOnline(state!, state!.x, state!.lossHistory.at(-1)!, epochWeight, kernels.name);
      return this;
    });
  }

  /** The online state: continued, or started (from the fitted coefficients when they match). */
  private onlineFor(classes: unknown, X: unknown): OnlineState {
    const o = this.options;
    requireStochastic(o.solver, 'partialFit');
    if (this.online) {
      if (classes !== undefined) {
        const given = readClasses(classes);
        if (given.length !== this.online.classes.length || given.some((c, i) => c !== this.online!.classes[i]))
          throw new LogRegError('LABELS', `classes (${given.join(', ')}) differ from the first call's (${this.online.classes.join(', ')})`);
      }
      return this.online;
    }
    const cls = readClasses(classes);
    const d = matrixSource(X, 'X').cols;
    const s = this.state;
    const start = s && s.nFeatures === d && s.classes.length === cls.length && s.classes.every((c, i) => c === cls[i]) && s.kind === kindFor(o.multiClass, cls.length)
      ? this.startingVector(s) : null;
    return newOnlineState(o, cls, d, start);
  }

  private startingVector(s: ModelState): Float64Array {
    return pack(layoutOf(s.kind, s.classes.length, s.nFeatures, this.options.fitIntercept), s.coef, s.intercept);
  }

  private commitOnline(state: OnlineState, x: Float64Array, loss: number, seen: number, backend: BackendName): void {
    if (state.lossHistory.at(-1) !== loss) state.lossHistory.push(loss);
    state.x = x;
    state.seenWeight = seen;
    this.online = state;
    const { coef, intercept } = unpack(layoutOf(state.kind, state.classes.length, state.nFeatures, this.options.fitIntercept), x);
    this.state = {
      kind: state.kind,
      classes: state.classes,
      nFeatures: state.nFeatures,
      coef,
      intercept,
      nIter: state.steps,
      converged: false,
      lossHistory: state.lossHistory.slice(),
      backend,
    };
  }

  /** Coefficients: Float64Array(d) for two classes, k×d row-major otherwise (see coefShape). */
  get coef(): Float64Array {
    return this.fitted().coef.slice();
  }
  /** [d] for a binary model, [k, d] otherwise. */
  get coefShape(): number[] {
    const s = this.fitted();
    return s.kind === 'binary' ? [s.nFeatures] : [s.classes.length, s.nFeatures];
  }
  /** A number for a binary model; Float64Array(k) otherwise (multinomial: centred to sum 0). */
  get intercept(): number | Float64Array {
    const s = this.fitted();
    return s.kind === 'binary' ? s.intercept[0] : s.intercept.slice();
  }
  /** The intercepts as an array: length 1 (binary) or k. */
  get intercepts(): Float64Array {
    return this.fitted().intercept.slice();
  }
  /** 'binary', 'multinomial' or 'ovr'. */
  get kind(): ModelKind {
    return this.fitted().kind;
  }
  get classes(): L[] {
    return this.fitted().classes.slice() as L[];
  }
  get nIter(): number {
    return this.fitted().nIter;
  }
  get converged(): boolean {
    return this.fitted().converged;
  }
  /** J after each iteration (for ovr: the final J of each class's binary problem). */
  get lossHistory(): number[] {
    return this.fitted().lossHistory.slice();
  }
  /** The backend the model computes with: the requested one, or 'js' where wasm is unavailable. */
  get backend(): BackendName {
    return this.state ? this.state.backend : kernelsFor(this.options.backend).name;
  }
  get isFitted(): boolean {
    return this.state !== null;
  }

  /** Margins: z = x·coef + intercept (n values), or n×k row-major for more than two classes. */
  decisionFunction(X: unknown): Float64Array {
    return margins(this.fitted(), this.kernels(), this.source(X));
  }

  /** P(y = classes[1]) per row (binary), or n×k row-major class probabilities. */
  predictProba(X: unknown): Float64Array {
    return toProbabilities(this.fitted(), this.kernels(), this.decisionFunction(X));
  }

  /** Labels: classes[1] where P >= 0.5 (binary), else the most probable class. */
  predict(X: unknown): L[] {
    return labelsFromMargins(this.fitted(), this.decisionFunction(X)) as L[];
  }

  /** Accuracy of predict(X) against y. */
  score(X: unknown, y: unknown): number {
    const pred = this.predict(X);
    const truth = labelsLike(y, pred.length, this.fitted().classes);
    let hits = 0;
    for (let i = 0; i < pred.length; i++) if (pred[i] === truth[i]) hits++;
    return hits / pred.length;
  }

  toJSON(): ModelJSON {
    const { onIteration: _drop, ...options } = this.options;
    return toModelJSON(this.fitted(), { ...options });
  }

  /**
   * Rebuilds a fitted model from toJSON() output (an object or its JSON string); `overrides`
   * replace saved options (e.g. onIteration, maxIter for a warm-started refit).
   */
  static fromJSON(json: unknown, overrides?: LogisticRegressionOptions): LogisticRegression {
    const { state, options } = parseModelJSON(json);
    const saved = resolveOptions(options);
    const m = new LogisticRegression({ ...ownFields(options, 'saved option'), ...ownFields(overrides, 'override') });
    // the saved coefficients were laid out under these two: an override would misread them
    for (const name of ['multiClass', 'fitIntercept'] as const)
      if (m.options[name] !== saved[name])
        throw new LogRegError('INVALID_OPTION', `fromJSON: the model was fitted with ${name} ${JSON.stringify(saved[name])}; an override cannot change it (fit a new model instead)`, {
          option: name,
        });
    const layout = state.kind === 'ovr' ? saved.multiClass === 'ovr' : kindFor(saved.multiClass, state.classes.length) === state.kind;
    if (!layout)
      throw new LogRegError('INVALID_JSON', `not a logistic-regression model: kind '${state.kind}' does not follow from multiClass '${saved.multiClass}' and ${state.classes.length} classes`);
    m.state = state;
    return m;
  }

  /**
   * fit() off the calling thread: in a worker (worker_threads in Node, a module Worker in
   * browsers), or where no worker can start in fit()'s own steps, pausing for the event loop
   * every 10 ms (the same bits either way). X, y and weights are validated here first.
   * onProgress receives { iteration, loss, gradientNorm }; onIteration runs only on this
   * thread's path. Aborting rejects with an AbortError and leaves the model as it was.
   */
  async fitAsync<T extends Label>(X: unknown, y: ArrayLike<T>, opts?: FitAsyncOptions): Promise<LogisticRegression<T>>;
  async fitAsync(X: unknown, y: unknown, opts?: FitAsyncOptions): Promise<this>;
  async fitAsync(X: unknown, y: unknown, options?: FitAsyncOptions): Promise<this> {
    this.idle();
    const opts = ownFields(options, 'fitAsync option', ASYNC_OPTIONS) as FitAsyncOptions;
    const userSignal = readSignal(opts.signal);
    if (userSignal?.aborted) throw abortError();
    const src = matrixSource(X, 'X');
    // a snapshot (the caller may change X meanwhile), of the same type so the storage is fit()'s
    const data = src.float32 ? new Float32Array(src.rows * src.cols) : new Float64Array(src.rows * src.cols);
    src.fill(data);
    const labels = readLabels(y, src.rows);
    encodeClasses(labels, src.rows, opts.classes); // label errors here, not in the worker
    const sampleWeight = readSampleWeight(opts.sampleWeight, src.rows);
    const { onIteration: _fn, ...modelOptions } = this.options;
    const job: FitJob = {
      X: { data, rows: src.rows, cols: src.cols },
      y: labels,
      classes: opts.classes ?? null,
      sampleWeight,
      options: modelOptions as Record<string, unknown>,
      start: this.options.warmStart && this.state ? this.toJSON() : null,
    };
    return this.train(userSignal, async (signal) => {
      const result = opts.worker === false ? null : await runInWorker(job, signal, opts.onProgress);
      if (result) {
        if (signal.aborted) throw abortError();
        const { state } = parseModelJSON(result.model);
        state.lossHistory = result.lossHistory;
        this.online = null; // as commitFit; the worker has sent its warnings already
        this.state = state;
        return this;
      }
      if (opts.worker !== false) warnNoWorker();
      const run = await runSliced(this.fitSteps(job.X, job.y, { sampleWeight: job.sampleWeight ?? undefined, classes: job.classes ?? undefined }), signal, opts.onProgress);
      if (signal.aborted) throw abortError();
      this.commitFit(run);
      return this;
    });
  }

  /**
   * Starts the worker threads of `threads: n` now; resolves to the number of threads fits will
   * use (1 where threads cannot run: the reason is reported once through the warning handler).
   * Needed before fit() in browsers (a worker cannot start while the page's thread is busy);
   * optional in Node, where the first fit starts them.
   */
  async startThreads(): Promise<number> {
    this.usable();
    if (this.wantsThreads() && !this.pool && !this.poolRefused) {
      const pool = await threadedKernels(this.options.threads);
      if (this.disposed) pool?.end();
      else if (pool) this.pool ??= pool;
      else this.poolRefused = true;
    }
    return this.threads;
  }

  /** Threads computing this model's full-data passes now: the started pool's size, else 1. */
  get threads(): number {
    return this.pool ? this.pool.threads : 1;
  }

  private wantsThreads(): boolean {
    return this.options.threads > 1 && kernelsFor(this.options.backend).name === 'wasm';
  }

  /** The kernels of a fit: the thread pool's (started on first use) or the shared runtime's. */
  private fitKernels(): Kernels {
    if (this.wantsThreads() && !this.pool && !this.poolRefused) {
      this.pool = threadedKernelsSync(this.options.threads);
      this.poolRefused = !this.pool;
    }
    return this.pool ? this.pool.kernels : kernelsFor(this.options.backend);
  }

  /** Ends the model's use (and its worker threads); later calls throw LogRegError('DISPOSED'). */
  dispose(): void {
    this.training?.abort();
    this.training = null;
    this.pool?.end();
    this.pool = null;
    this.disposed = true;
    this.state = null;
    this.online = null;
  }

  /** Refuses to start a fit while fitAsync or fitStream is training this model. */
  private idle(): void {
    this.usable();
    if (this.training)
      throw new LogRegError('BUSY', 'this model is training in fitAsync or fitStream: await it (or abort it) before starting another fit');
  }

  /**
   * Runs an asynchronous fit as the model's one training: its abort signal fires on the caller's
   * abort and on dispose(), which also makes it reject with DISPOSED.
   */
  private async train<T>(signal: AbortSignalLike | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.idle();
    const ctl = new AbortController();
    const forward = () => ctl.abort();
    if (signal?.aborted) throw abortError();
    signal?.addEventListener('abort', forward, { once: true });
    this.training = ctl;
    try {
      return await run(ctl.signal);
    } catch (e) {
      throw this.disposed ? new LogRegError('DISPOSED', 'the model was disposed during training') : e;
    } finally {
      signal?.removeEventListener('abort', forward);
      if (this.training === ctl) this.training = null;
    }
  }

  /** Zeros, or the current parameters with warmStart (same kind, classes and features). */
  private startingPoint(kind: ModelKind, classes: Label[], d: number): Float64Array | null {
    const s = this.state;
    if (!this.options.warmStart || !s) return null;
    if (s.kind !== kind || s.nFeatures !== d || s.classes.length !== classes.length || s.classes.some((c, i) => c !== classes[i]))
      throw new LogRegError(
        'FEATURE_MISMATCH',
        `warmStart: the data (${d} features, classes ${classes.join(', ')}) does not match the fitted ` +
          `model (${s.nFeatures} features, classes ${s.classes.join(', ')})`,
      );
    return this.startingVector(s);
  }

  private source(X: unknown): MatrixSource {
    const s = this.fitted();
    const src = matrixSource(X, 'X');
    if (src.cols !== s.nFeatures)
      throw new LogRegError('FEATURE_MISMATCH', `X has ${src.cols} features but the model was fitted with ${s.nFeatures}`);
    return src;
  }

  private kernels(): Kernels {
    return kernelsFor(this.fitted().backend);
  }

  private usable(): void {
    if (this.disposed) throw new LogRegError('DISPOSED', 'this model was disposed');
  }

  private fitted(): ModelState {
    this.usable();
    if (!this.state) throw new LogRegError('NOT_FITTED', 'the model is not fitted: call fit(X, y) first');
    return this.state;
  }
}
