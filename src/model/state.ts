// The fitted state of a model, shared by the fitters, prediction and JSON.
import type { Label } from '../data/labels.js';
import type { BackendName } from '../backend/types.js';

/** binary: one coefficient vector; multinomial: k softmax rows; ovr: k one-vs-rest binary rows. */
export type ModelKind = 'binary' | 'multinomial' | 'ovr';

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
}
