// `logreg-wasm/ml`: a drop-in replacement for ml-logistic-regression. Same constructor options,
// train(X, Y) with ml-matrix matrices (Y: a column of class indices 0 … k−1), predict → class
// indices, one-vs-all, toJSON / static load (which also reads models that ml-logistic-regression
// 2.0 saved). Underneath: logistic regression with an intercept, the stable loss, L2 penalty
// (C = 1 by default) and L-BFGS to a real tolerance, where ml-logistic-regression runs numSteps
// fixed-rate gradient steps without an intercept. Quiet, as the original is, unless asked.
import { LogisticRegression as Model } from './model/logistic-regression.js';
import type { LogisticRegressionOptions } from './model/options.js';
import { LogRegError } from './core/errors.js';
import { FORMAT, VERSION, type ModelJSON } from './model/json.js';
import { withoutWarnings } from './core/warnings.js';

export interface MLOptions {
  /** Iteration cap (ml-logistic-regression: the number of gradient steps). Default 50000. */
  numSteps?: number;
  /** Kept for compatibility and in toJSON(); the default solver finds its own steps. */
  learningRate?: number;
  /** Any LogisticRegression option (solver, C, tol, …) to override the defaults. */
  model?: LogisticRegressionOptions;
  /** true: pass warnings (convergence, backend) to the warning handler. Default false. */
  warnings?: boolean;
}

interface ColumnLike {
  to1DArray(): number[];
}

/** What ml-logistic-regression 2.0's toJSON() holds per class: weights as a 1×d matrix. */
interface MLClassifierJSON {
  weights: number[][] | ColumnLike;
}

/** A model saved by this adapter (engine) or by ml-logistic-regression 2.0 (classifiers). */
export interface MLModelJSON {
  name?: string;
  numSteps?: number;
  learningRate?: number;
  numberClasses?: number;
  engine?: ModelJSON;
  classifiers?: MLClassifierJSON[];
}

/**
 * ml-logistic-regression's classifier i models P(y ≠ i) = σ(wᵢ·x) with no intercept and predicts
 * argminᵢ; one-vs-rest with coefficients −wᵢ and zero intercepts predicts argmaxᵢ, the same class.
 */
function fromClassifiers(classifiers: unknown): ModelJSON {
  if (!Array.isArray(classifiers) || classifiers.length < 2) throw new LogRegError('INVALID_JSON', 'classifiers must hold two or more saved classifiers');
  const rows = classifiers.map((c: MLClassifierJSON | undefined, i) => {
    const w = c?.weights;
    const flat = Array.isArray(w) ? (w as unknown[]).flat() : typeof (w as ColumnLike)?.to1DArray === 'function' ? (w as ColumnLike).to1DArray() : null;
    if (!flat || flat.length === 0 || !flat.every((v) => typeof v === 'number' && Number.isFinite(v)))
      throw new LogRegError('INVALID_JSON', `classifiers[${i}].weights must be a 1×d matrix of finite numbers`);
    return flat as number[];
  });
  if (rows.some((r) => r.length !== rows[0].length)) throw new LogRegError('INVALID_JSON', 'the classifiers have weights of different lengths');
  return {
    format: FORMAT,
    version: VERSION,
    kind: 'ovr',
    options: { multiClass: 'ovr', fitIntercept: false },
    classes: rows.map((_, i) => i),
    coef: rows.flatMap((r) => r.map((v) => -v)),
    intercept: rows.map(() => 0),
    nIter: 0,
    converged: false,
    backend: 'wasm',
  };
}

export default class LogisticRegression {
  numSteps: number;
  learningRate: number;
  numberClasses = 0;
  private model: Model | null = null;
  private readonly overrides: LogisticRegressionOptions;
  private readonly warnings: boolean;

  constructor(options: MLOptions & { numberClasses?: number; engine?: ModelJSON } = {}) {
    this.numSteps = options.numSteps ?? 50000;
    this.learningRate = options.learningRate ?? 5e-4;
    this.overrides = options.model ?? {};
    this.warnings = options.warnings ?? false;
    if (options.engine) {
      this.model = Model.fromJSON(options.engine);
      this.numberClasses = options.numberClasses ?? this.model.classes.length;
    }
  }

  private quiet<T>(f: () => T): T {
    return this.warnings ? f() : withoutWarnings(f);
  }

  /** X: n×d Matrix; Y: column vector of class indices. One-vs-all over the classes 0 … k−1. */
  train(X: unknown, Y: ColumnLike): void {
    const y = Y.to1DArray();
    this.numberClasses = new Set(y).size;
    this.model = this.quiet(() =>
      new Model({
        multiClass: 'ovr',
        maxIter: Math.max(1, Math.min(this.numSteps, 100000)),
        tol: 1e-8,
        ...this.overrides,
      }).fit(X, y),
    );
  }

  /** Class index per row of Xtest (the class with the highest one-vs-all probability). */
  predict(Xtest: unknown): number[] {
    const model = this.model;
    if (!model) throw new LogRegError('NOT_FITTED', 'call train(X, Y) before predict');
    return this.quiet(() => model.predict(Xtest) as number[]);
  }

  toJSON() {
    if (!this.model) throw new LogRegError('NOT_FITTED', 'call train(X, Y) before toJSON');
    return {
      name: 'LogisticRegression',
      numSteps: this.numSteps,
      learningRate: this.learningRate,
      numberClasses: this.numberClasses,
      engine: this.model.toJSON(),
    };
  }

  /** Reads toJSON() output of this adapter, or of ml-logistic-regression 2.0. */
  static load(model: MLModelJSON): LogisticRegression {
    if (model?.name !== 'LogisticRegression') throw new LogRegError('INVALID_JSON', `invalid model: ${model?.name}`);
    if (model.engine) return new LogisticRegression(model);
    if (model.classifiers) return new LogisticRegression({ ...model, engine: fromClassifiers(model.classifiers) });
    throw new LogRegError('INVALID_JSON', 'neither an engine (logreg-wasm/ml) nor classifiers (ml-logistic-regression) in this model');
  }
}
