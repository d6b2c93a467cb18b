// The passes of an exact fit over a stream (exact-stream.ts): a census, then one pass per
// evaluation, here over the source batch by batch, or on workers over shards of a source that can
// be split (parquetBatches over a file: SHARDED_PASSES), their sums added in shard order.
import { LogRegError } from '../../core/errors.js';
import type { AbortSignalLike } from '../../core/host-types.js';
import { ownFields } from '../../core/own.js';
import { binaryTarget, type Label } from '../../data/labels.js';
import type { ColumnStats } from '../../data/column-stats.js';
import type { KernelDataset, Kernels, SoftmaxDataset } from '../../engine/types.js';
import { abortError } from '../../async/spawn.js';
import { Pauser } from '../../async/pause.js';
import type { Census, PassSums } from '../../loss/summed-objective.js';
import { matrixSource } from '../../data/matrix.js';
import type { ResolvedOptions } from '../options.js';
import type { FitStreamOptions, StreamBatch, StreamSource } from '../entry-options.js';
import { readBatch, type Batch } from './batch-input.js';
import { plainInputs } from '../../data/arrow.js';
import { streamIterable } from './stream.js';

/** Where an exact fit's census and passes run. */
export interface StreamPasses {
  census(): Promise<Census>;
  /** the sums at (W: k×d row-major, b: k values); the binary Hessian's sums with `hessian` */
  pass(w: Float64Array, b: Float64Array, hessian: boolean): Promise<PassSums>;
  /** the feature columns, when the batches were tables */
  featureNames(): string[] | undefined;
  end(): void;
}

/** What a source that runs its own passes on workers is given. */
export interface ShardRequest {
  threads: number;
  classes: Label[];
  /** the model's options (onIteration stays here: functions cannot cross to workers) */
  options: ResolvedOptions;
  signal: AbortSignalLike;
  onProgress: FitStreamOptions['onProgress'];
}

/** A source with this method (parquetBatches over a file) may run the passes on `threads` workers; null: it cannot here. */
export const SHARDED_PASSES: unique symbol = Symbol.for('logreg-wasm/shardedPasses');

export interface StreamContext {
  source: StreamSource;
  classes: Label[];
  o: ResolvedOptions;
  kernels: Kernels;
  signal: AbortSignalLike;
  onProgress: FitStreamOptions['onProgress'];
  /** the stream row of this source's first row (a shard's), for errors */
  firstRow?: number;
  /** the feature columns, once a batch that is a table has named them */
  featureNames?: string[];
}

/** A validated batch of one pass, copied into the engine (the caller disposes of `data`). */
interface LoadedBatch {
  batch: Batch;
  /** two classes: the binary dataset; more: the softmax dataset */
  data: KernelDataset | SoftmaxDataset;
}

/** Passes over k > 2 classes use the softmax kernels (a multinomial model). */
const isSoftmax = (c: StreamContext) => c.classes.length > 2;

/** Each batch of one pass, loaded; errors name the batch and the row in the stream. */
async function* batchesOf(c: StreamContext, nFeatures: number | null): AsyncGenerator<LoadedBatch> {
  const pause = new Pauser();
  let k = 0;
  let rows = c.firstRow ?? 0;
  for await (const raw of streamIterable(c.source)) {
    await pause.maybe();
    if (c.signal.aborted) throw abortError();
    let loaded: LoadedBatch;
    try {
      const fields = ownFields(raw, 'stream batch') as unknown as StreamBatch;
      const plain = plainInputs(fields.X, fields.y, fields.sampleWeight, c.featureNames ?? c.o.featureNames);
      c.featureNames ??= plain.featureNames;
      const batch = readBatch(c.o, c.classes, nFeatures ?? matrixSource(plain.X, 'X').cols, plain.X, plain.y, plain.sampleWeight);
      nFeatures = batch.src.cols;
      const storage = c.o.dtype === 'auto' ? (batch.src.float32 ? 'float32' : 'float64') : c.o.dtype;
      const data = isSoftmax(c)
        ? c.kernels.softmaxDataset(batch.src, batch.codes, c.classes.length, batch.sampleWeight, storage)
        : c.kernels.dataset(batch.src, binaryTarget(batch.codes, 1), batch.sampleWeight, storage);
      loaded = { batch, data };
    } catch (e) {
      if (!(e instanceof LogRegError)) throw e;
      const row = e.details.row === undefined ? undefined : rows + e.details.row;
      throw new LogRegError(e.code, `stream batch ${k} (from row ${rows}): ${e.message}`, { ...e.details, row });
    }
    try {
      yield loaded;
    } finally {
      loaded.data.dispose();
    }
    k++;
    rows += loaded.batch.src.rows;
  }
}

/** Welford's merge of a batch's column moments into the running ones (Chan et al.). */
function mergeStats(into: { n: number; mean: Float64Array; m2: Float64Array }, s: ColumnStats, nb: number): void {
  const n = into.n + nb;
  for (let j = 0; j < s.mean.length; j++) {
    const delta = s.mean[j] - into.mean[j];
    into.mean[j] += (delta * nb) / n;
    into.m2[j] += s.variance[j] * nb + ((delta * delta * into.n) / n) * nb;
  }
  into.n = n;
}

async function census(c: StreamContext): Promise<Census> {
  let d = -1;
  let sumWeights = 0;
  let acc: { n: number; mean: Float64Array; m2: Float64Array } | null = null;
  for await (const { batch, data } of batchesOf(c, null)) {
    if (d < 0) {
      d = batch.src.cols;
      acc = { n: 0, mean: new Float64Array(d), m2: new Float64Array(d) };
    }
    mergeStats(acc!, data.columnStats(), batch.src.rows);
    sumWeights += batch.weight;
  }
  if (!acc) throw new LogRegError('EMPTY_DATA', 'the stream yielded no batches');
  if (!(sumWeights > 0 && sumWeights < Infinity)) throw new LogRegError('INVALID_INPUT', `the stream's weights sum to ${sumWeights}`);
  const variance = acc.m2.map((v) => Math.max(0, v / acc!.n));
  return { d, rows: acc.n, sumWeights, stats: { mean: acc.mean, variance } };
}

/** One pass at (W, b): the batches' sums in stream order; the source must yield the census's rows. */
function passOver(c: StreamContext, cen: Census, counter: { passes: number }) {
  const d = cen.d;
  const k = isSoftmax(c) ? c.classes.length : 1;
  const size = k * d + k;
  const gk = new Float64Array(size);
  const m = d + 1;
  const Hb = new Float64Array(m * m);
  return async (w: Float64Array, b: Float64Array, hessian: boolean): Promise<PassSums> => {
    const pass = ++counter.passes;
    const grad = new Float64Array(size);
    const H = hessian ? new Float64Array(m * m) : undefined;
    let loss = 0;
    let rows = 0;
    let weight = 0;
    let batches = 0;
    for await (const { batch: bt, data } of batchesOf(c, d)) {
      const batchLoss = 'k' in data ? data.grad(w, b, gk) : data.fusedGrad(w, b[0], gk, c.o.loss, true, undefined, hessian);
      for (let j = 0; j < size; j++) grad[j] += gk[j];
      if (H && !('k' in data)) {
        data.curvature(c.o.loss);
        data.hessian(Hb);
        for (let j = 0; j < m * m; j++) H[j] += Hb[j];
      }
      loss += batchLoss;
      rows += bt.src.rows;
      weight += bt.weight;
      c.onProgress?.({ epoch: pass, batches: ++batches, rows, loss: batchLoss / bt.weight });
    }
    if (rows !== cen.rows || weight !== cen.sumWeights)
      throw new LogRegError(
        'INVALID_INPUT',
        `pass ${pass} over the stream gave ${rows} rows of weight ${weight}, the first pass ${cen.rows} of weight ${cen.sumWeights}: an exact fit needs a source that yields the same rows on every pass`,
      );
    return { loss, grad, hessian: H };
  };
}

/** The census and passes over the source, here. */
export function localPasses(c: StreamContext): StreamPasses {
  let pass: StreamPasses['pass'] | null = null;
  return {
    async census() {
      const cen = await census(c);
      pass = passOver(c, cen, { passes: 0 });
      return cen;
    },
    pass: (w, b, hessian) => pass!(w, b, hessian),
    featureNames: () => c.featureNames,
    end() {},
  };
}

/** Shards' censuses as one, in shard order. */
export function mergeCensus(parts: Census[]): Census {
  const d = parts[0].d;
  const acc = { n: 0, mean: new Float64Array(d), m2: new Float64Array(d) };
  let sumWeights = 0;
  for (const p of parts) {
    if (p.d !== d) throw new LogRegError('FEATURE_MISMATCH', `a shard has ${p.d} features, the first ${d}`);
    mergeStats(acc, p.stats, p.rows);
    sumWeights += p.sumWeights;
  }
  return { d, rows: acc.n, sumWeights, stats: { mean: acc.mean, variance: acc.m2.map((v) => Math.max(0, v / acc.n)) } };
}
