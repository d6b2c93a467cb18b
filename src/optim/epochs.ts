// The epoch loop shared by the minibatch methods (sgd/momentum/nesterov, adam, saga): each
// epoch visits every row once in an order drawn by the seeded Rng (batches are row-number
// lists into data the objective already holds), then one full pass gives J and ∇J for the
// history and the stopping rule. A non-finite epoch ends the fit with the last finite iterate.
import type { OptimizeOptions, ShuffleMode, StochasticObjective } from './types.js';
import { Monitor, type Steps } from './monitor.js';
import { Rng } from './rng.js';
import { allFinite } from './vec.js';

export interface EpochMethod {
  /** Called once with the starting point and its full gradient, before the first epoch. */
  start?(x: Float64Array, g: Float64Array): void;
  /** Updates x in place with one batch (row numbers idx) during epoch `epoch` (from 1). */
  batch(x: Float64Array, idx: Int32Array, epoch: number): void;
  /** When given, replaces the batch loop: all batches of `order` in one call (same result). */
  epoch?(x: Float64Array, order: Int32Array, batch: number, epoch: number): void;
}

/** Default rows per minibatch of sgd and saga (and of online steps). */
export const DEFAULT_BATCH = 32;

export function* runEpochs(
  obj: StochasticObjective,
  x0: Float64Array,
  opts: OptimizeOptions,
  batchSize: number,
  method: EpochMethod,
): Steps {
  const n = obj.dim;
  const rows = obj.nSamples;
  const batch = Math.min(batchSize, rows);
  const rng = new Rng(opts.seed);
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  const blocks = Int32Array.from({ length: Math.ceil(rows / batch) }, (_, b) => b);
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = obj.valueAndGradient(x, g);
  const mon = new Monitor(obj, opts, x, f);
  method.start?.(x, g);
  let xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  for (let epoch = 1; epoch <= opts.maxIter; epoch++) {
    if (mon.small(x, g)) return mon.result(x, f, g, epoch - 1, 'converged');
    xNext.set(x);
    if (batch < rows) epochOrder(order, batch, opts.shuffle, rng, blocks);
    if (method.epoch) method.epoch(xNext, order, batch, epoch);
    else for (let s = 0; s < rows; s += batch) method.batch(xNext, order.subarray(s, Math.min(rows, s + batch)), epoch);
    const fNext = obj.valueAndGradient(xNext, gNext);
    if (!Number.isFinite(fNext) || !allFinite(gNext)) return mon.result(x, f, g, epoch - 1, 'nonFinite');
    [x, xNext] = [xNext, x];
    [g, gNext] = [gNext, g];
    f = fNext;
    if (!mon.record(epoch, x, f, g)) return mon.result(x, f, g, epoch, 'callback');
    yield mon;
  }
  return mon.result(x, f, g, opts.maxIter, mon.small(x, g) ? 'converged' : 'maxIter');
}

/** Fills `order` with this epoch's row order (see ShuffleMode); `blocks` is batch-start scratch. */
function epochOrder(order: Int32Array, batch: number, mode: ShuffleMode, rng: Rng, blocks: Int32Array): void {
  if (mode === 'rows') rng.shuffle(order);
  else if (mode === 'batches') {
    // the full batches in a random order; a short last batch stays last so that every batch
    // remains one contiguous run
    const full = Math.floor(order.length / batch);
    rng.shuffle(blocks.subarray(0, full));
    let k = 0;
    for (const b of blocks) for (let i = b * batch, end = Math.min(order.length, i + batch); i < end; i++) order[k++] = i;
  }
}
