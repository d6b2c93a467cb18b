// Logistic regression: the training entry points (fit, partialFit, fitStream, fitAsync) over the
// training core (train/), on top of the fitted model's read side (fitted.ts: state, predictions,
// JSON). A fit that throws leaves the model exactly as it was; a model trains one thing at a time.
import { LogRegError } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import type { Label } from '../data/labels.js';
import type { BackendName } from '../engine/types.js';
import { runToEnd } from '../optim/monitor.js';
import { abortError, runInWorker, warnNoWorker } from '../async/spawn.js';
import { runSliced } from '../async/chunked.js';
import { fitJob } from '../async/job.js';
import { resolveOptions, type LogisticRegressionOptions } from './options.js';
import { ASYNC_OPTIONS, FIT_OPTIONS, STREAM_OPTIONS, readSignal, type BatchFitOptions, type FitAsyncOptions, type FitStreamOptions, type PartialFitOptions, type StreamSource } from './entry-options.js';
import { Engine } from '../engine/engine.js';
import { warnNotConverged } from './convergence.js';
import { parseModelJSON, restoredOptions } from './json.js';
import { FittedModel } from './fitted.js';
import { fitSteps, type FittedRun } from './train/fit.js';
import type { ModelState } from './state.js';
import type { ArrowTableLike } from '../data/arrow.js';
import { continueOnline, onlineMethod, onlineStep, requireOnlineSolver, stateOfOnline, type OnlineState } from './train/online.js';
import { readBatch, readClasses } from './train/batch-input.js';
import { plainInputs } from '../data/arrow.js';
import { isOneShot, trainStream } from './train/stream.js';
import { EXACT_STREAM_METHODS, exactStreamSteps } from './train/exact-stream.js';

export type { FitOptions, BatchFitOptions, PartialFitOptions, FitStreamOptions, FitAsyncOptions, StreamBatch, StreamSource } from './entry-options.js';

/**
 * L is the label type, known to TypeScript after fit(X, y) with typed labels (so predict() of a
 * model fitted on strings returns string[]); Label when it cannot be known (fromJSON).
 */
export class LogisticRegression<L extends Label = Label> extends FittedModel<L> {
  private online: OnlineState | null = null;
  private readonly engine: Engine;

  constructor(options: LogisticRegressionOptions = {}) {
    super(resolveOptions(options));
    this.engine = new Engine(this.options.backend, this.options.threads);
  }

  /**
   * Fits the model to X (n×d) and y (n labels, two or more classes); returns this. X may be an
   * Arrow table with y naming the label column (features: the featureNames option, else every
   * other numeric column).
   */
  fit(X: ArrowTableLike, y: string, fitOptions?: BatchFitOptions): this;
  fit<T extends Label>(X: unknown, y: ArrayLike<T>, fitOptions?: BatchFitOptions): LogisticRegression<T>;
  fit(X: unknown, y: unknown, fitOptions?: BatchFitOptions): this;
  fit(X: unknown, y: unknown, fitOptions?: BatchFitOptions): this {
    this.guard.idle();
    const f = ownFields(fitOptions, 'fit option', FIT_OPTIONS) as BatchFitOptions;
    this.commitFit(runToEnd(fitSteps(X, y, f, this.options, (values) => this.engine.kernels(values), this.state)));
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
    const plain = plainInputs(X, y, opts.sampleWeight, this.online?.featureNames ?? this.state?.featureNames ?? o.featureNames);
    const state = continueOnline(this.online, this.state, opts.classes, plain.X, o);
    state.featureNames ??= plain.featureNames;
    const b = readBatch(o, state.classes, state.nFeatures, plain.X, plain.y, plain.sampleWeight);
    const kernels = this.engine.single();
    const seen = state.seenWeight + b.weight;
    const { next, loss } = onlineStep(state, o, kernels, b, seen, state.steps + 1);
    next.lossHistory.push(loss);
    this.commitOnline({ ...next, seenWeight: seen }, kernels.name);
    return this;
  }

  /**
   * Trains on a stream of batches { X, y, sampleWeight? } (an async or sync iterable; for
   * several passes, a function returning a fresh one, or an iterable that can be iterated
   * again such as csvBatches()). A stochastic solver makes one pass of updates per batch and
   * epoch; lbfgs (any classes), newton and newton-cholesky (two) reach the exact optimum of the whole
   * stream, one pass per evaluation, with memory for one batch. The model changes only when
   * the whole stream succeeds.
   */
  async fitStream(source: StreamSource, options?: FitStreamOptions): Promise<this> {
    this.guard.idle();
    const opts = ownFields(options, 'fitStream option', STREAM_OPTIONS) as FitStreamOptions;
    const o = this.options;
    if (EXACT_STREAM_METHODS.includes(o.solver)) return this.fitStreamExact(source, opts);
    const epochs = opts.epochs ?? 1;
    if (!Number.isInteger(epochs) || epochs < 1) throw new LogRegError('INVALID_OPTION', 'epochs must be an integer >= 1', { option: 'epochs' });
    requireOnlineSolver(onlineMethod(o), 'fitStream', o.standardize);
    if (epochs > 1 && isOneShot(source)) throw oneShotError(`${epochs} epochs need`, 'epochs');
    const classes = readClasses(opts.classes);
    const kernels = this.engine.single();
    return this.guard.run(readSignal(opts.signal), async (signal) => {
      this.commitOnline(await trainStream(source, epochs, classes, opts.onProgress, o, kernels, signal), kernels.name);
      return this;
    });
  }

  /** fitStream with lbfgs, newton or newton-cholesky: the exact optimum, one pass per evaluation (train/exact-stream.ts). */
  private async fitStreamExact(source: StreamSource, opts: FitStreamOptions): Promise<this> {
    const o = this.options;
    if (opts.epochs !== undefined)
      throw new LogRegError('INVALID_OPTION', `epochs is for the stochastic solvers; solver '${o.solver}' passes over the stream until it converges (maxIter bounds it)`, { option: 'epochs' });
    if (o.standardize)
      throw new LogRegError('INVALID_OPTION', 'fitStream reads the data batch by batch, and standardize needs it whole: scale the batches with a StandardScaler fitted beforehand', { option: 'standardize' });
    if (isOneShot(source)) throw oneShotError(`solver '${o.solver}' needs`, 'solver');
    const classes = readClasses(opts.classes);
    const kernels = this.engine.single();
    return this.guard.run(readSignal(opts.signal), async (signal) => {
      const steps = exactStreamSteps({ source, classes, o, kernels, signal, onProgress: opts.onProgress }, this.state);
      this.commitFit(await runSliced(steps, signal, undefined));
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
      // the job holds X as a matrix: the names of a table's columns come back here
      const named = (state: ModelState): ModelState => (job.featureNames ? { ...state, featureNames: job.featureNames } : state);
      if (result) {
        const { state } = parseModelJSON(result.model);
        state.lossHistory = result.lossHistory;
        this.online = null; // as commitFit; the worker has sent its warnings already
        this.state = named(state);
        return this;
      }
      if (opts.worker !== false) warnNoWorker();
      const f = { sampleWeight: job.sampleWeight ?? undefined, classes: job.classes ?? undefined };
      const run = await runSliced(fitSteps(job.X, job.y, f, this.options, (values) => this.engine.kernels(values), this.state), signal, opts.onProgress);
      this.commitFit({ ...run, state: named(run.state) });
      return this;
    });
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
    return this.engine.start();
  }

  /** Threads computing this model's full-data passes now: the started pool's size, else 1. */
  get threads(): number {
    return this.engine.count;
  }

  /** Ends the model's use (a running training, its worker threads); later calls throw DISPOSED. */
  dispose(): void {
    this.guard.dispose();
    this.engine.end();
    this.state = null;
    this.online = null;
  }

  /** Makes a finished batch fit the model's state (and says once if it did not converge). */
  private commitFit({ state, result: r }: FittedRun): void {
    this.online = null; // a later partialFit starts from these coefficients, not an older stream
    this.state = state;
    if (!r.converged && r.reason !== 'callback') warnNotConverged(this.fitted().solver ?? this.options.solver, r.reason, r.nIter, r.gradientNorm);
  }

  /** Makes an online state the model's: its parameters become the fitted state. */
  private commitOnline(state: OnlineState, backend: BackendName): void {
    this.online = state;
    this.state = { ...stateOfOnline(state, this.options.fitIntercept, backend), solver: onlineMethod(this.options) };
  }
}

/** A generator object or iterator cannot be read a second time. */
function oneShotError(what: string, option: string): LogRegError {
  return new LogRegError(
    'INVALID_INPUT',
    `fitStream: ${what} a source that can be read again (a function returning a fresh iterable, an array, csvBatches() or parquetBatches()); an iterator or generator object is used up after one pass`,
    { option },
  );
}
