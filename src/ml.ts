// `logreg-wasm/ml`: a drop-in replacement for ml-logistic-regression. Same constructor options,
// train(X, Y) with ml-matrix matrices (Y: a column of class indices 0 … k−1), predict → class
// indices, one-vs-all, toJSON / static load. Underneath: logistic regression with an intercept,
// the stable loss, L2 penalty (C = 1 by default) and L-BFGS to a real tolerance, where
// ml-logistic-regression runs numSteps fixed-rate gradient steps without an intercept.
import { LogisticRegression as Model } from './model/logistic-regression.js';
import type { LogisticRegressionOptions } from './model/options.js';
import { LogRegError } from './errors.js';
import type { ModelJSON } from './model/json.js';

export interface MLOptions {
  /** Iteration cap (ml-logistic-regression: the number of gradient steps). Default 50000. */
  numSteps?: number;
  /** Kept for compatibility and in toJSON(); the default solver finds its own steps. */
  learningRate?: number;
  /** Any LogisticRegression option (solver, C, tol, …) to override the defaults. */
  model?: LogisticRegressionOptions;
}

interface ColumnLike {
  to1DArray(): number[];
}

export default class LogisticRegression {
  numSteps: number;
  learningRate: number;
  numberClasses = 0;
  private model: Model | null = null;
  private readonly overrides: LogisticRegressionOptions;

  constructor(options: MLOptions & { numberClasses?: number; engine?: ModelJSON } = {}) {
    this.numSteps = options.numSteps ?? 50000;
    this.learningRate = options.learningRate ?? 5e-4;
    this.overrides = options.model ?? {};
    if (options.engine) {
      this.model = Model.fromJSON(options.engine);
      this.numberClasses = options.numberClasses ?? this.model.classes.length;
    }
  }

  /** X: n×d Matrix; Y: column vector of class indices. One-vs-all over the classes 0 … k−1. */
  train(X: unknown, Y: ColumnLike): void {
    const y = Y.to1DArray();
    this.numberClasses = new Set(y).size;
    this.model = new Model({
      multiClass: 'ovr',
      maxIter: Math.max(1, Math.min(this.numSteps, 100000)),
      tol: 1e-8,
      ...this.overrides,
    }).fit(X, y);
  }

  /** Class index per row of Xtest (the class with the highest one-vs-all probability). */
  predict(Xtest: unknown): number[] {
    if (!this.model) throw new LogRegError('NOT_FITTED', 'call train(X, Y) before predict');
    return this.model.predict(Xtest) as number[];
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

  static load(model: { name?: string; engine?: ModelJSON; numSteps?: number; learningRate?: number; numberClasses?: number }): LogisticRegression {
    if (model?.name !== 'LogisticRegression') throw new LogRegError('INVALID_JSON', `invalid model: ${model?.name}`);
    if (!model.engine) throw new LogRegError('INVALID_JSON', 'this model was not saved by logreg-wasm/ml (no engine field)');
    return new LogisticRegression(model);
  }
}
