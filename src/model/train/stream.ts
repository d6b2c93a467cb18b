// fitStream's loop: one online step per batch over a re-readable source, epoch after epoch,
// pausing for the event loop so an abort is seen even over a synchronous source. Returns the
// final online state; the caller commits it.
import { LogRegError, describeValue } from '../../core/errors.js';
import type { AbortSignalLike } from '../../core/host-types.js';
import { ownFields } from '../../core/own.js';
import { matrixSource } from '../../data/matrix.js';
import type { Label } from '../../data/labels.js';
import type { Kernels } from '../../engine/types.js';
import type { ResolvedOptions } from '../options.js';
import type { FitStreamOptions, StreamBatch, StreamSource } from '../entry-options.js';
import { Pauser } from '../../async/pause.js';
import { abortError } from '../../async/spawn.js';
import { readBatch } from './batch-input.js';
import { plainInputs } from '../../data/arrow.js';
import { newOnlineState, onlineStep, type OnlineState } from './online.js';

function isIterable(v: unknown): boolean {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  const o = v as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown };
  return typeof o[Symbol.iterator] === 'function' || typeof o[Symbol.asyncIterator] === 'function';
}

/** The iterable of one pass: the source, or what its function returns. */
export function streamIterable(source: StreamSource): AsyncIterable<StreamBatch> {
  const iterable = typeof source === 'function' ? source() : source;
  if (!isIterable(iterable))
    throw new LogRegError(
      'INVALID_INPUT',
      `fitStream needs an iterable or async iterable of { X, y } batches${typeof source === 'function' ? ' (the function returned ' + describeValue(iterable) + ')' : ''}, got ${describeValue(source)}`,
    );
  return iterable as AsyncIterable<StreamBatch>;
}

/** An iterator (it has next()) that is its own iterable, such as a generator object: one pass only. */
export function isOneShot(source: unknown): boolean {
  return typeof source === 'object' && source !== null && typeof (source as Iterator<unknown>).next === 'function';
}

/**
 * Each batch gets one pass; the L2 term uses S = the weight of one epoch (during the first epoch:
 * the weight seen so far). The state's seenWeight is the epoch's weight at the end.
 */
export async function trainStream(
  source: StreamSource,
  epochs: number,
  classes: Label[],
  onProgress: FitStreamOptions['onProgress'],
  o: ResolvedOptions,
  kernels: Kernels,
  signal: AbortSignalLike,
): Promise<OnlineState> {
  let state: OnlineState | null = null;
  let epochWeight = 0;
  const pause = new Pauser();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const iterable = streamIterable(source);
    let seen = 0;
    let batches = 0;
    let rows = 0;
    for await (const batch of iterable) {
      await pause.maybe(); // a synchronous source would otherwise never let a timer's abort run
      if (signal.aborted) throw abortError();
      if (!batch || typeof batch !== 'object') throw new LogRegError('INVALID_INPUT', `the stream yielded ${describeValue(batch)}, not { X, y }`);
      const fields = ownFields(batch, 'stream batch') as unknown as StreamBatch;
      const plain = plainInputs(fields.X, fields.y, fields.sampleWeight, state?.featureNames ?? o.featureNames);
      state ??= { ...newOnlineState(o, classes, matrixSource(plain.X, 'X').cols, null), featureNames: plain.featureNames };
      const b = readBatch(o, state.classes, state.nFeatures, plain.X, plain.y, plain.sampleWeight);
      seen += b.weight;
      rows += b.src.rows;
      const { next, loss } = onlineStep(state, o, kernels, b, epoch === 1 ? seen : epochWeight, epoch);
      state = next;
      state.lossHistory.push(loss);
      batches++;
      onProgress?.({ epoch, batches, rows, loss });
    }
    if (batches === 0) throw new LogRegError('EMPTY_DATA', `the stream yielded no batches in epoch ${epoch}`);
    if (epoch === 1) epochWeight = seen;
  }
  if (signal.aborted) throw abortError();
  return { ...state!, seenWeight: epochWeight };
}
