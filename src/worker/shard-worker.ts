// Entry of a file shard's worker (Node worker_threads): the census and the passes of an exact fit
// over its part of the file, answered one message at a time (model/train/shards.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { initSync, kernelsFor } from '../engine/select.js';
import { localPasses } from '../model/train/stream-passes.js';
import { toWorkerError } from '../async/worker-errors.js';
import type { StreamSource } from '../model/entry-options.js';
import type { ShardJob, ShardReply } from '../model/train/shards.js';
import { parquetBatches } from '../sources/parquet.js';
import { csvBatches, type CsvBatchOptions } from '../io/csv-batches.js';
import type { ParquetBatchOptions } from '../sources/parquet.js';

const job = workerData as ShardJob;
const { source: s } = job;
initSync();
const source: StreamSource =
  s.kind === 'parquet'
    ? parquetBatches(s.file, { ...(s.options as ParquetBatchOptions), rowGroups: s.rowGroups })
    : csvBatches(s.file, { ...(s.options as CsvBatchOptions), byteRange: s.byteRange });
const context = {
  featureNames: undefined as string[] | undefined,
  source,
  classes: job.classes,
  o: { ...job.modelOptions, onIteration: undefined },
  kernels: kernelsFor(job.modelOptions.backend),
  signal: { aborted: false, addEventListener() {}, removeEventListener() {} },
  onProgress: undefined,
  firstRow: job.firstRow,
};
const passes = localPasses(context);
parentPort!.on('message', async (m: { type: 'census' } | { type: 'pass'; w: Float64Array; b: Float64Array; hessian: boolean }) => {
  let reply: ShardReply;
  try {
    reply = m.type === 'census' ? { type: 'census', census: await passes.census(), featureNames: passes.featureNames() } : { type: 'pass', sums: await passes.pass(m.w, m.b, m.hessian) };
  } catch (e) {
    reply = { type: 'error', ...toWorkerError(e) };
  }
  parentPort!.postMessage(reply);
});
