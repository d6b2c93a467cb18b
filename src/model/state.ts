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

/** The kind a fit of k classes makes under the multiClass option: the one rule for every entry point. */
export function kindFor(multiClass: 'auto' | 'multinomial' | 'ovr', k: number): ModelKind {
  if (multiClass === 'multinomial') return 'multinomial';
  if (k === 2) return 'binary';
  return multiClass === 'ovr' ? 'ovr' : 'multinomial';
}
