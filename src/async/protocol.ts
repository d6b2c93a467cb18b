// Messages between fitAsync and the fit worker.
import type { IterationInfo } from '../optim/types.js';
import type { ModelJSON } from '../model/json.js';
import type { Label } from '../data/labels.js';

export interface FitJob {
  X: { data: Float64Array; rows: number; cols: number };
  y: Label[];
  /** the classes given to fitAsync, else null (taken from y) */
  classes: Label[] | null;
  sampleWeight: Float64Array | null;
  options: Record<string, unknown>;
  /** the model JSON to continue from (warmStart) */
  start: ModelJSON | null;
}

export type WorkerMessage =
  | { type: 'progress'; info: IterationInfo }
  | { type: 'done'; model: ModelJSON; lossHistory: number[] }
  | { type: 'error'; name: string; code?: string; message: string; details?: unknown };
