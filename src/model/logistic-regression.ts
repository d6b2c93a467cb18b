// Logistic regression: the facade over training (train/: batch fits as steps, online steps,
// streams), the fitted state, predictions and JSON. A fit that throws leaves the model exactly
// as it was; a model trains one thing at a time.
import { LogRegError } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import type { ModelKind } from '../core/layout.js';
import { matrixSource } from '../data/matrix.js';
import { labelsLike, type Label } from '../data/labels.js';
import { kernelsFor } from '../engine/select.js';
import type { BackendName, Kernels, MatrixSource } from '../engine/types.js';
import { runToEnd } from '../optim/monitor.js';
import { abortError, runInWorker } from '../async/spawn.js';
import { runSliced } from '../async/chunked.js';
import { fitJob } from '../async/job.js';
import { resolveOptions, type LogisticRegressionOptions, type ResolvedOptions } from './options.js';
import { ASYNC_OPTIONS, FIT_OPTIONS, STREAM_OPTIONS, readSignal, type BatchFitOptions, type FitAsyncOptions, type FitStreamOptions, type PartialFitOptions, type StreamSource } from './entry-options.js';
import type { ModelState } from './state.js';
import { ModelThreads } from './threads.js';
import { warnNoWorker, warnNotConverged } from './convergence.js';
import { labelsFromMargins, margins, toProbabilities } from './predict.js';
import { parseModelJSON, restoredOptions, toModelJSON, type ModelJSON } from './json.js';
import { TrainingGuard } from './training-guard.js';
import { fitSteps, type FittedRun } from './train/fit.js';
import { continueOnline, onlineStep, requireOnlineSolver, stateOfOnline, type OnlineState } from './train/online.js';
import { readBatch, readClasses } from './train/batch-input.js';
import { isOneShot, trainStream } from './train/stream.js';

export type { FitOptions, BatchFitOptions, PartialFitOptions, FitStreamOptions, FitAsyncOptions, StreamBatch, StreamSource } from './entry-options.js';

/**
 * L is the label type, known to TypeScript after fit(X, y) with typed labels (so predict() of a
 * model fitted on strings returns string[]); Label when it cannot be known (fromJSON).
 */
export class LogisticRegression<L extends Label = Label> {
  readonly options: Readonly<ResolvedOptions>;
  private state: ModelState | null = null;
  private online: OnlineState | null = null;
  private readonly pool: ModelThreads;
  private readonly guard = new TrainingGuard();

  constructor(options: LogisticRegressionOptions = {}) {
    this.options = Object.freeze(resolveOptions(options));
    this.pool = new ModelThreads(this.options.backend, this.options.threads);
  }

  /** Fits the model to X (n×d) and y (n labels, two or more classes); returns this. */
  fit<T extends Label>(X: unknown, y: ArrayLike<T>, fitOptions?: BatchFitOptions): LogisticRegression<T>;
  fit(X: unknown, y: unknown, fitOptions?: BatchFitOptions): this;
  fit(X: unknown, y: unknown, fitOptions?: BatchFitOptions): this {
    this.guard.idle();
    const f = ownFields(fitOptions, 'fit option', FIT_OPTIONS) as BatchFitOptions;
    this.commitFit(runToEnd(fitSteps(X, y, f, this.options, this.pool.kernels(), this.state)));
    return this;
  }

  /**
   * One pass of the stochastic solver (sgd, momentum, nesterov, adam) over this batch, keeping
   * the optimiser's state between calls (scikit-learn's partial_fit). The first call needs
   * { classes }. The L2 term uses S = all the weight seen so far (a growing data set).
   */
  partialFit(X: unknown, y: unknown, options?: PartialFitOptions): this {
    this.guard.idle();
    const opts = ownFields(options, 'partialFit option', FIT_OPTIONS) as PartialFitOptions;
    const o = this.options;
    const state = continueOnline(this.online, this.state, opts.classes, X, o);
    const b = readBatch(o, state.classes, state.nFeatures, X, y, opts.sampleWeight);
    const kernels = kernelsFor(o.backend);
    const seen = state.seenWeight + b.weight;
    const { next, loss } = onlineStep(state, o, kernels, b, seen, state.steps + 1);
    next.lossHistory.push(loss);
    this.commitOnline({ ...next, seenWeight: seen }, kernels.name);
    return this;
  }

  /**
   * Trains on a stream of batches { X, y, sampleWeight? } (an async or sync iterable; for
   * several epochs, a function returning a fresh one, or an iterable that can be iterated
   * again such as csvBatches()), one pass per batch. The model changes only when the whole
   * stream succeeds.
   */
  async fitStream(source: StreamSource, options?: FitStreamOptions): Promise<this> {
    this.guard.idle();
    const opts = ownFields(options, 'fitStream option', STREAM_OPTIONS) as FitStreamOptions;
    const o = this.options;
    const epochs = opts.epochs ?? 1;
    if (!Number.isInteger(epochs) || epochs < 1) throw new LogRegError('INVALID_OPTION', 'epochs must be an integer >= 1', { option: 'epochs' });
    requireOnlineSolver(o.solver, 'fitStream');
    if (epochs > 1 && isOneShot(source))
      throw new LogRegError(
        'INVALID_INPUT',
        `fitStream: ${epochs} epochs need a source that can be read again (a function returning a fresh iterable, ` +
          'an array, or csvBatches()); an iterator or generator object is used up after one epoch',
        { option: 'epochs' },
      );
    const classes = readClasses(opts.classes);
    const kernels = kernelsFor(o.backend);
    return this.guard.run(readSignal(opts.signal), async (signal) => {
      this.commitOnline(await trainStream(source, epochs, classes, opts.onProgress, o, kernels, signal), kernels.name);
      return this;
    });
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
    this.guard.idle();
    const opts = ownFields(options, 'fitAsync option', ASYNC_OPTIONS) as FitAsyncOptions;
    const userSignal = readSignal(opts.signal);
    if (userSignal?.aborted) throw abortError();
    const { onIteration: _fn, ...modelOptions } = this.options;
    const job = fitJob(X, y, opts, modelOptions, this.options.warmStart && this.state ? this.toJSON() : null);
    return this.guard.run(userSignal, async (signal) => {
      const result = opts.worker === false ? null : await runInWorker(job, signal, opts.onProgress);
      if (signal.aborted) throw abortError();
      if (result) {
        const { state } = parseModelJSON(result.model);
        state.lossHistory = result.lossHistory;
        this.online = null; // as commitFit; the worker has sent its warnings already
        this.state = state;
        return this;
      }
      if (opts.worker !== false) warnNoWorker();
      const f = { sampleWeight: job.sampleWeight ?? undefined, classes: job.classes ?? undefined };
      this.commitFit(await runSliced(fitSteps(job.X, job.y, f, this.options, this.pool.kernels(), this.state), signal, opts.onProgress));
      return this;
    });
  }

  /** Coefficients: Float64Array(d) for two classes, k×d row-major otherwise (see coefShape). A copy. */
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

  /** Accuracy of predict(X) against y (labels of the model's type). */
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
   * replace saved options (e.g. onIteration, maxIter for a warm-started refit), except the two
   * that lay out the saved coefficients (multiClass, fitIntercept).
   */
  static fromJSON(json: unknown, overrides?: LogisticRegressionOptions): LogisticRegression {
    const { state, options } = parseModelJSON(json);
    const m = new LogisticRegression(restoredOptions(state, options, overrides));
    m.state = state;
    return m;
  }

  /**
   * Starts the worker threads of `threads: n` now; resolves to the number of threads fits will
   * use (1 where threads cannot run: the reason is reported once through the warning handler).
   * Needed before fit() in browsers (a worker cannot start while the page's thread is busy);
   * optional in Node, where the first fit starts them.
   */
  async startThreads(): Promise<number> {
    this.guard.usable();
    return this.pool.start();
  }

  /** Threads computing this model's full-data passes now: the started pool's size, else 1. */
  get threads(): number {
    return this.pool.count;
  }

  /** Ends the model's use (a running training, its worker threads); later calls throw DISPOSED. */
  dispose(): void {
    this.guard.dispose();
    this.pool.end();
    this.state = null;
    this.online = null;
  }

  /** Makes a finished batch fit the model's state (and says once if it did not converge). */
  private commitFit({ state, result: r }: FittedRun): void {
    this.online = null; // a later partialFit starts from these coefficients, not an older stream
    this.state = state;
    if (!r.converged && r.reason !== 'callback') warnNotConverged(this.options.solver, r.reason, r.nIter, r.gradientNorm);
  }

  /** Makes an online state the model's: its parameters become the fitted state. */
  private commitOnline(state: OnlineState, backend: BackendName): void {
    this.online = state;
    this.state = stateOfOnline(state, this.options.fitIntercept, backend);
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

  private fitted(): ModelState {
    this.guard.usable();
    if (!this.state) throw new LogRegError('NOT_FITTED', 'the model is not fitted: call fit(X, y) first');
    return this.state;
  }
}
