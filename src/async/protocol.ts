// Messages between fitAsync and the fit worker.
import type { WorkerError } from './worker-errors.js';
import type { IterationInfo } from '../optim/types.js';
import type { Label } from '../data/labels.js';
import type { CsrMatrixInput } from '../data/csr.js';
import type { LogRegWarning } from '../core/warnings.js';

export interface FitJob {
  /** a snapshot of X, float32 when the caller's X was (so the worker stores it as fit() would), or its CSR arrays */
  X: { data: Float64Array | Float32Array; rows: number; cols: number } | CsrMatrixInput;
  y: Label[];
  /** the classes given to fitAsync, else null (taken from y) */
  classes: Label[] | null;
  sampleWeight: Float64Array | null;
  options: Record<string, unknown>;
  /** the model JSON to continue from (warmStart) */
  start: unknown;
  /** the feature columns when X was a table (the fitted state keeps them) */
  featureNames: string[] | null;
}

export type WorkerMessage =
  | { type: 'progress'; info: IterationInfo }
  | { type: 'warning'; warning: LogRegWarning }
  | { type: 'done'; /** toJSON() of the fitted model (the caller parses and checks it) */
  model: unknown; lossHistory: number[] }
  | ({ type: 'error' } & WorkerError);
