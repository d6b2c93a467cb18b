// Binary logistic regression: validation and marshalling, the objective, the solver, the
// fitted state. A fit that throws leaves the model exactly as it was.
import { LogRegError } from '../errors.js';
import { matrixSource } from '../data/matrix.js';
import { encodeBinary, labelsOf, type Label } from '../data/labels.js';
import { readSampleWeight } from '../data/weights.js';
import { withClassWeight } from '../data/class-weight.js';
import { emitWarning } from '../warnings.js';
import { kernelsFor } from '../backend/select.js';
import type { BackendName, Kernels } from '../backend/types.js';
import { LogisticObjective } from '../loss/logistic-objective.js';
import { resolveOptions, type LogisticRegressionOptions, type ResolvedOptions } from './options.js';
import { solve } from './solve.js';
import { FORMAT, VERSION, parseModelJSON, type ModelJSON, type ModelState } from './json.js';

export interface FitOptions {
  /** Non-negative weight per row (scikit-learn's sample_weight). */
  sampleWeight?: ArrayLike<number>;
}

export class LogisticRegression {
  readonly options: Readonly<ResolvedOptions>;
  private state: ModelState | null = null;
  private disposed = false;

  constructor(options: LogisticRegressionOptions = {}) {
    this.options = Object.freeze(resolveOptions(options));
  }

  /** Fits the model to X (n×d) and y (n labels of two classes); returns this. */
  fit(X: unknown, y: unknown, fitOptions: FitOptions = {}): this {
    this.usable();
    const o = this.options;
    const src = matrixSource(X, 'X');
    const { classes, y01 } = encodeBinary(y, src.rows);
    const sw = withClassWeight(o.classWeight, classes, y01, readSampleWeight(fitOptions?.sampleWeight, src.rows));
    const x0 = this.startingPoint(src.cols);
    const kernels = kernelsFor(o.backend);
    const data = kernels.dataset(src, y01, sw); // validates the values of X while copying
    try {
      const obj = new LogisticObjective(data, {
        C: o.C,
        penalty: o.penalty,
        l1Ratio: o.l1Ratio,
        fitIntercept: o.fitIntercept,
        loss: o.loss,
        sampleWeight: sw,
      });
      const res = solve(obj, x0, o);
      const d = src.cols;
      this.state = {
        classes,
        coef: res.x.slice(0, d),
        intercept: o.fitIntercept ? res.x[d] : 0,
        nIter: res.nIter,
        converged: res.converged,
        lossHistory: res.lossHistory,
        backend: kernels.name,
      };
      if (!res.converged && res.reason !== 'callback')
        emitWarning({
          code: 'CONVERGENCE',
          message:
            `solver '${o.solver}' stopped (${res.reason}) after ${res.nIter} iterations with ` +
            `‖∇J‖∞ = ${res.gradientNorm.toExponential(2)}, above tol·max(1, ‖∇J(w₀)‖∞); ` +
            `raise maxIter, loosen tol or scale the features`,
        });
    } finally {
      data.dispose();
    }
    return this;
  }

  /** Zeros, or the current coefficients with warmStart. */
  private startingPoint(d: number): Float64Array {
    const x0 = new Float64Array(d + (this.options.fitIntercept ? 1 : 0));
    if (!this.options.warmStart || !this.state) return x0;
    if (this.state.coef.length !== d)
      throw new LogRegError(
        'FEATURE_MISMATCH',
        `warmStart: X has ${d} features but the current coefficients have ${this.state.coef.length}`,
      );
    x0.set(this.state.coef);
    if (this.options.fitIntercept) x0[d] = this.state.intercept;
    return x0;
  }

  get coef(): Float64Array {
    return this.fitted().coef;
  }
  get intercept(): number {
    return this.fitted().intercept;
  }
  get classes(): [Label, Label] {
    return this.fitted().classes;
  }
  get nIter(): number {
    return this.fitted().nIter;
  }
  get converged(): boolean {
    return this.fitted().converged;
  }
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

  /** z = x·coef + intercept for every row. */
  decisionFunction(X: unknown): Float64Array {
    const s = this.fitted();
    const src = matrixSource(X, 'X');
    if (src.cols !== s.coef.length)
      throw new LogRegError(
        'FEATURE_MISMATCH',
        `X has ${src.cols} features but the model was fitted with ${s.coef.length}`,
      );
    const out = new Float64Array(src.rows);
    this.kernels().decision(src, s.coef, s.intercept, out);
    return out;
  }

  /** P(y = classes[1] | x) for every row. */
  predictProba(X: unknown): Float64Array {
    const z = this.decisionFunction(X);
    this.kernels().sigmoid(z);
    return z;
  }

  /** classes[1] where P >= 0.5 (z >= 0), else classes[0]. */
  predict(X: unknown): Label[] {
    const [c0, c1] = this.fitted().classes;
    return Array.from(this.decisionFunction(X), (z) => (z >= 0 ? c1 : c0));
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
    const s = this.fitted();
    const { onIteration: _drop, ...options } = this.options;
    return {
      format: FORMAT,
      version: VERSION,
      options: { ...options },
      classes: [s.classes[0], s.classes[1]],
      coef: Array.from(s.coef),
      intercept: s.intercept,
      nIter: s.nIter,
      converged: s.converged,
      backend: s.backend,
    };
  }

  /** Rebuilds a fitted model from toJSON() output (an object or its JSON string). */
  static fromJSON(json: unknown): LogisticRegression {
    const { state, options } = parseModelJSON(json);
    const m = new LogisticRegression(options as LogisticRegressionOptions);
    m.state = state;
    return m;
  }

  /** Ends the model's use; later calls throw LogRegError('DISPOSED'). */
  dispose(): void {
    this.disposed = true;
    this.state = null;
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
