// The fitted state of a model, shared by the fitters, prediction and JSON.
import type { Label } from '../data/labels.js';
import type { BackendName } from '../engine/types.js';
import type { ModelKind } from '../core/layout.js';
import type { MethodName } from '../optim/dispatch.js';

export type { ModelKind };

export interface ModelState {
  kind: ModelKind;
  classes: Label[];
  nFeatures: number;
  /** d values (binary) or k×d row-major */
  coef: Float64Array;
  /** 1 value (binary) or k */
  intercept: Float64Array;
  nIter: number;
  converged: boolean;
  lossHistory: number[];
  backend: BackendName;
  /** the feature columns the fit read from a table, by name (predict reads a table's columns by them) */
  featureNames?: string[];
  /** the solver the fit ran (auto's choice with solver 'auto'); absent in models saved before it was kept */
  solver?: MethodName;
}
