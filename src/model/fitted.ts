// A fitted model's read side: the state a fit leaves (coefficients, classes, history), the
// predictions made from it, and its JSON. LogisticRegression adds the training.
import type { MethodName } from '../optim/dispatch.js';
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import type { ModelKind } from '../core/layout.js';
import { matrixSource } from '../data/matrix.js';
import { isArrowTable, tableFeatures, tableLabels } from '../data/arrow.js';
import { labelsLike, type Label } from '../data/labels.js';
import { kernelsFor } from '../engine/select.js';
import type { BackendName, Kernels, MatrixSource } from '../engine/types.js';
import type { ResolvedOptions } from './options.js';
import type { ModelState } from './state.js';
import { TrainingGuard } from './training-guard.js';
import { labelsFromMargins, margins, probabilities, toLogProbabilities } from './predict.js';
import { toModelJSON, type ModelJSON } from './json.js';

export abstract class FittedModel<L extends Label = Label> {
  readonly options: Readonly<ResolvedOptions>;
  protected state: ModelState | null = null;
  protected readonly guard = new TrainingGuard();

  protected constructor(options: ResolvedOptions) {
    this.options = Object.freeze(options);
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
  /** The solver the last fit ran: the one named, or what solver 'auto' chose (docs/solvers.md). */
  get solverUsed(): MethodName | undefined {
    return this.fitted().solver;
  }
  /** The feature names: those of the table the model was fitted on, else the featureNames option. */
  get featureNames(): string[] | undefined {
    const names = this.fitted().featureNames ?? this.options.featureNames;
    return names?.slice();
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
    return probabilities(this.fitted(), this.kernels(), this.source(X));
  }

  /** log P(y = classes[1]) per row (binary), or n×k row-major log-probabilities; computed from z. */
  predictLogProba(X: unknown): Float64Array {
    return toLogProbabilities(this.fitted(), this.decisionFunction(X));
  }

  /**
   * Labels: classes[1] where P >= threshold (binary; default 0.5), else the most probable class.
   * A threshold other than 0.5 is for binary models only.
   */
  predict(X: unknown, options?: { threshold?: number }): L[] {
    const threshold = ownFields(options, 'predict option', ['threshold']).threshold;
    if (threshold === undefined) return labelsFromMargins(this.fitted(), this.decisionFunction(X)) as L[];
    const s = this.fitted();
    if (typeof threshold !== 'number' || !(threshold > 0 && threshold < 1))
      throw new LogRegError('INVALID_OPTION', `threshold must be a number in (0, 1), got ${describeValue(threshold)}`, { option: 'threshold' });
    if (s.kind !== 'binary') throw new LogRegError('INVALID_OPTION', `a threshold is for binary models; this one is ${s.kind}`, { option: 'threshold' });
    return Array.from(this.predictProba(X), (p) => (p >= threshold ? s.classes[1] : s.classes[0])) as L[];
  }

  /** Accuracy of predict(X) against y (labels of the model's type). */
  score(X: unknown, y: unknown): number {
    if (isArrowTable(X) && typeof y === 'string') y = tableLabels(X, y);
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

  protected source(X: unknown): MatrixSource {
    const s = this.fitted();
    const src = matrixSource(isArrowTable(X) ? tableFeatures(X, this.namesForTable()) : X, 'X');
    if (src.cols !== s.nFeatures)
      throw new LogRegError('FEATURE_MISMATCH', `X has ${src.cols} features but the model was fitted with ${s.nFeatures}`);
    return src;
  }

  /** A table's columns are read by the model's feature names. */
  private namesForTable(): string[] {
    const names = this.featureNames;
    if (!names)
      throw new LogRegError('FEATURE_MISMATCH', 'X is a table, and this model has no feature names to pick its columns by: fit it on a table, or give the featureNames option');
    return names;
  }

  protected kernels(): Kernels {
    return kernelsFor(this.fitted().backend);
  }

  protected fitted(): ModelState {
    this.guard.usable();
    if (!this.state) throw new LogRegError('NOT_FITTED', 'the model is not fitted: call fit(X, y) first');
    return this.state;
  }
}
