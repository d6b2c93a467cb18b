// The options of the model's entry points besides the model options (options.ts): what fit,
// partialFit, fitStream and fitAsync take, the names each accepts, and the signal's shape.
import type { AbortSignalLike } from '../core/host-types.js';
import { LogRegError, describeValue } from '../core/errors.js';
import type { Label } from '../data/labels.js';
import type { IterationInfo } from '../optim/types.js';

export interface FitOptions {
  /** Non-negative weight per row (scikit-learn's sample_weight); with X an Arrow table, a column name. */
  sampleWeight?: ArrayLike<number> | string;
}

export interface BatchFitOptions extends FitOptions {
  /**
   * The classes, when y alone should not decide them: every label must be one of these.
   * Needed to fit numeric labels that are not integers, which are otherwise refused.
   */
  classes?: Label[];
}

export interface PartialFitOptions extends FitOptions {
  /** Every label the stream will contain; required on the first call. */
  classes?: Label[];
}

/** X, y, weights; X may be an Arrow table or record batch, with y (and sampleWeight) naming its columns. */
export interface StreamBatch {
  X: unknown;
  y: unknown;
  sampleWeight?: ArrayLike<number> | string;
}

export type StreamSource =
  | AsyncIterable<StreamBatch>
  | Iterable<StreamBatch>
  | (() => AsyncIterable<StreamBatch> | Iterable<StreamBatch>);

export interface FitStreamOptions {
  /** Every label the stream contains (required). */
  classes?: Label[];
  /** Passes over the stream for the stochastic solvers. Default 1. (The exact solvers pass until they converge.) */
  epochs?: number;
  signal?: AbortSignalLike;
  /**
   * After each batch: the epoch (from 1; with the exact solvers, the pass after the census),
   * batches and rows read so far in it, the batch's J.
   */
  onProgress?: (p: { epoch: number; batches: number; rows: number; loss: number }) => void;
}

export interface FitAsyncOptions extends BatchFitOptions {
  /** Aborting rejects the promise with an AbortError; the model stays as it was. */
  signal?: AbortSignalLike;
  onProgress?: (info: IterationInfo) => void;
  /** false: skip the worker and run fit()'s steps here, pausing for the event loop. Default: a worker where possible. */
  worker?: boolean;
}

/** The names each entry point takes (any other is UNKNOWN_OPTION). */
export const FIT_OPTIONS: readonly (keyof BatchFitOptions)[] = ['sampleWeight', 'classes'];
export const STREAM_OPTIONS: readonly (keyof FitStreamOptions)[] = ['classes', 'epochs', 'signal', 'onProgress'];
export const ASYNC_OPTIONS: readonly (keyof FitAsyncOptions)[] = [...FIT_OPTIONS, 'signal', 'onProgress', 'worker'];

/** The signal option: absent, or an object shaped like an AbortSignal. */
export function readSignal(v: unknown): AbortSignalLike | undefined {
  if (v === undefined) return undefined;
  const s = v as Partial<AbortSignalLike> | null;
  if (s === null || typeof s !== 'object' || typeof s.aborted !== 'boolean' || typeof s.addEventListener !== 'function' || typeof s.removeEventListener !== 'function')
    throw new LogRegError('INVALID_OPTION', `signal must be an AbortSignal, got ${describeValue(v)}`, { option: 'signal' });
  return s as AbortSignalLike;
}
