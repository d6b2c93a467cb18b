// Logistic regression: validation and marshalling, then a binary, multinomial or one-vs-rest
// fit (fit.ts), the fitted state, predictions and JSON. A fit that throws leaves the model
// exactly as it was.
import { LogRegError } from '../errors.js';
import { matrixSource } from '../data/matrix.js';
import { encodeClasses, labelsOf, type Label } from '../data/labels.js';
import { readSampleWeight } from '../data/weights.js';
import { withClassWeight } from '../data/class-weight.js';
import { emitWarning } from '../warnings.js';
import { kernelsFor } from '../backend/select.js';
import type { BackendName, Kernels, MatrixSource } from '../backend/types.js';
import { resolveOptions, type LogisticRegressionOptions, type ResolvedOptions } from './options.js';
import { fitBinary, fitMultinomial, fitOvr, type FitOutput } from './fit.js';
import { labelsFromMargins, margins, toProbabilities } from './predict.js';
import { parseModelJSON, toModelJSON, type ModelJSON } from './json.js';
import type { ModelKind, ModelState } from './state.js';
import type { IterationInfo } from '../optim/types.js';
import type { FitJob } from '../async/protocol.js';
import { abortError, runInWorker } from '../async/spawn.js';
import { runChunked } from '../async/chunked.js';

export interface FitOptions {
  /** Non-negative weight per row (scikit-learn's sample_weight). */
  sampleWeight?: ArrayLike<number>;
}

export interface FitAsyncOptions extends FitOptions {
  /** Aborting rejects the promise with an AbortError; the model stays as it was. */
  signal?: AbortSignal;
  onProgress?: (info: IterationInfo) => void;
  /** false: skip the worker and run in event-loop slices. Default: a worker where possible. */
  worker?: boolean;
}

export class LogisticRegression {
  readonly options: Readonly<ResolvedOptions>;
  private state: ModelState | null = null;
  private disposed = false;

  constructor(options: LogisticRegressionOptions = {}) {
    this.options = Object.freeze(resolveOptions(options));
  }

  /** Fits the model to X (n×d) and y (n labels, two or more classes); returns this. */
  fit(X: unknown, y: unknown, fitOptions: FitOptions = {}): this {
    this.usable();
    const o = this.options;
    const src = matrixSource(X, 'X');
    const { classes, codes } = encodeClasses(y, src.rows);
    const k = classes.length;
    const sampleWeight = withClassWeight(o.classWeight, classes, codes, readSampleWeight(fitOptions?.sampleWeight, src.rows));
    const kind: ModelKind = o.multiClass === 'multinomial' ? 'multinomial' : k === 2 ? 'binary' : o.multiClass === 'ovr' ? 'ovr' : 'multinomial';
    const x0 = this.startingPoint(kind, classes, src.cols);
    const kernels = kernelsFor(o.backend);
    const input = { src, codes, k, sampleWeight, kernels, options: o };
    const out: FitOutput =
      kind === 'binary' ? fitBinary(input, 1, x0) : kind === 'multinomial' ? fitMultinomial(input, x0) : fitOvr(input, x0);
    const r = out.result;
    this.state = {
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
    if (!r.converged && r.reason !== 'callback')
      emitWarning({
        code: 'CONVERGENCE',
        message:
          `solver '${o.solver}' stopped (${r.reason}) after ${r.nIter} iterations with ` +
          `‖∇J‖∞ = ${r.gradientNorm.toExponential(2)} above tol·max(1, ‖∇J(w₀)‖∞); ` +
          `raise maxIter, loosen tol or scale the features`,
      });
    return this;
  }

  /** Coefficients: Float64Array(d) for two classes, k×d row-major otherwise (see coefShape). */
  get coef(): Float64Array {
    return this.fitted().coef;
  }
  /** [d] for a binary model, [k, d] otherwise. */
  get coefShape(): number[] {
    const s = this.fitted();
    return s.kind === 'binary' ? [s.nFeatures] : [s.classes.length, s.nFeatures];
  }
  /** A number for a binary model; Float64Array(k) otherwise (multinomial: centred to sum 0). */
  get intercept(): number | Float64Array {
    const s = this.fitted();
    return s.kind === 'binary' ? s.intercept[0] : s.intercept;
  }
  /** The intercepts as an array: length 1 (binary) or k. */
  get intercepts(): Float64Array {
    return this.fitted().intercept;
  }
  /** 'binary', 'multinomial' or 'ovr'. */
  get kind(): ModelKind {
    return this.fitted().kind;
  }
  get classes(): Label[] {
    return this.fitted().classes;
  }
  get nIter(): number {
    return this.fitted().nIter;
  }
  get converged(): boolean {
    return this.fitted().converged;
  }
  /** J after each iteration (for ovr: the final J of each class's binary problem). */
  get lossHistory(): number[] {
    return this.fitted().lossHistory;
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
  predict(X: unknown): Label[] {
    return labelsFromMargins(this.fitted(), this.decisionFunction(X));
  }

  /** Accuracy of predict(X) against y. */
  score(X: unknown, y: unknown): number {
    const pred = this.predict(X);
    const truth = labelsOf(y, pred.length);
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
  static fromJSON(json: unknown, overrides: LogisticRegressionOptions = {}): LogisticRegression {
    const { state, options } = parseModelJSON(json);
    const m = new LogisticRegression({ ...(options as LogisticRegressionOptions), ...overrides });
    m.state = state;
    return m;
  }

  /**
   * fit() off the calling thread: in a worker (worker_threads in Node, a module Worker in
   * browsers), or in slices that yield to the event loop where no worker can start. X, y and
   * weights are validated here first. onProgress receives { iteration, loss, gradientNorm }
   * (at most every 50 ms from a worker); onIteration is not called (functions cannot cross to
   * a worker). Aborting rejects with an AbortError and leaves the model as it was.
   */
  async fitAsync(X: unknown, y: unknown, opts: FitAsyncOptions = {}): Promise<this> {
    this.usable();
    if (opts.signal?.aborted) throw abortError();
    const src = matrixSource(X, 'X');
    const data = new Float64Array(src.rows * src.cols);
    src.fill(data);
    const labels = labelsOf(y, src.rows);
    encodeClasses(labels, src.rows); // label errors here, not in the worker
    const sampleWeight = readSampleWeight(opts.sampleWeight, src.rows);
    const { onIteration: _fn, ...options } = this.options;
    const job: FitJob = {
      X: { data, rows: src.rows, cols: src.cols },
      y: labels,
      sampleWeight,
      options: options as Record<string, unknown>,
      start: this.options.warmStart && this.state ? this.toJSON() : null,
    };
    const result =
      (opts.worker === false ? null : await runInWorker(job, opts.signal, opts.onProgress)) ??
      (await runChunked(job, opts.signal, opts.onProgress));
    if (opts.signal?.aborted) throw abortError();
    this.usable();
    const { state } = parseModelJSON(result.model);
    state.lossHistory = result.lossHistory;
    this.state = state;
    return this;
  }

  /** Ends the model's use; later calls throw LogRegError('DISPOSED'). */
  dispose(): void {
    this.disposed = true;
    this.state = null;
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
    const rows = kind === 'binary' ? 1 : classes.length;
    const x0 = new Float64Array(rows * d + (this.options.fitIntercept ? rows : 0));
    x0.set(s.coef);
    if (this.options.fitIntercept) x0.set(s.intercept, rows * d);
    return x0;
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
