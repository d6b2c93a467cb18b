// Streams a CSV file (Node) in batches for fitStream / partialFit, without holding the file in
// memory: at most one batch of rows at a time. Re-iterable: each for-await reads the file
// again, so fitStream can run several epochs over it.
import { CsvError, checkHeader, columnIndices, decimal, numericCells, splitLine } from './csv.js';
import { linesOf, newlinesBefore } from './lines.js';
import { csvShardPlan } from './csv-shards.js';
import { SHARDED_PASSES, type ShardRequest, type StreamPasses } from '../model/train/stream-passes.js';
import { shardedPasses, type ShardPlan } from '../model/train/shards.js';
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';

export interface CsvBatchOptions {
  /** the label column */
  target: string;
  /** rows per batch. Default 1000. */
  batchSize?: number;
  /** feature columns (default: every column but the target) */
  features?: string[];
  /** read only the lines that start at byte offsets in [start, end) (a shard of the file; the header is read wherever it is) */
  byteRange?: [number, number];
}

export interface CsvBatch {
  X: { data: Float64Array; rows: number; cols: number };
  /** labels: a plain decimal is read as a number (so 1 and 1.0 are one class), anything else as text */
  y: (string | number)[];
}

/** Rows per batch at most: one batch is allocated whole. */
const MAX_BATCH = 10_000_000;

function readBatchOptions(path: unknown, options: unknown): { target: string; batchSize: number; features: string[] | null; byteRange: [number, number] | null } {
  if (typeof path !== 'string' || path === '') throw new LogRegError('INVALID_INPUT', `csvBatches: the path must be a non-empty string, got ${describeValue(path)}`);
  const o = ownFields(options, 'csvBatches option', ['target', 'batchSize', 'features', 'byteRange']);
  const r = o.byteRange as [number, number] | undefined;
  if (r !== undefined && !(Array.isArray(r) && r.length === 2 && r.every(Number.isSafeInteger) && 0 <= r[0] && r[0] < r[1]))
    throw new LogRegError('INVALID_OPTION', `csvBatches: byteRange must be [start, end) with 0 <= start < end, got ${describeValue(r)}`, { option: 'byteRange' });
  if (typeof o.target !== 'string') throw new LogRegError('INVALID_OPTION', `csvBatches: target must be a column name, got ${describeValue(o.target)}`, { option: 'target' });
  const batchSize = o.batchSize ?? 1000;
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH)
    throw new LogRegError('INVALID_OPTION', `csvBatches: batchSize must be an integer from 1 to ${MAX_BATCH}, got ${describeValue(batchSize)}`, { option: 'batchSize', value: batchSize });
  const features = o.features ?? null;
  if (features !== null && !(Array.isArray(features) && features.length > 0 && features.every((f) => typeof f === 'string')))
    throw new LogRegError('INVALID_OPTION', 'csvBatches: features must be a non-empty array of column names', { option: 'features' });
  return { target: o.target, batchSize, features: features as string[] | null, byteRange: r ?? null };
}

/** The batches of a CSV file; `features` resolves to the feature columns once the header is read. */
export interface CsvSource extends AsyncIterable<CsvBatch> {
  readonly features: Promise<string[]>;
  /** fitStream's hook for running passes on workers */
  [SHARDED_PASSES](r: ShardRequest): StreamPasses | null;
}

export function csvBatches(path: string, options: CsvBatchOptions): CsvSource {
  const { target, batchSize, features: chosen, byteRange } = readBatchOptions(path, options);
  let resolveFeatures!: (f: string[]) => void;
  const features = new Promise<string[]>((r) => (resolveFeatures = r));
  /** Byte ranges for shard workers, the header's width sizing their heaps. */
  const plan = async (threads: number): Promise<ShardPlan> => {
    let width = 1;
    for await (const { text } of linesOf(path))
      if (text.trim() !== '') {
        width = splitLine(text, path, 1).length;
        break;
      }
    return csvShardPlan(path, { target, batchSize, ...(chosen ? { features: chosen } : {}) }, threads, batchSize, width);
  };
  return {
    features,
    // with fitStream's exact solvers and threads > 1, byte ranges of the file are read on workers
    [SHARDED_PASSES]: (r: ShardRequest): StreamPasses | null => (byteRange ? null : shardedPasses('csvBatches', plan, r)),
    async *[Symbol.asyncIterator]() {
      // the header: the file's first non-empty line, whatever range is read
      let header: string[] | null = null;
      let headerAt = -1;
      for await (const { text, at } of linesOf(path)) {
        if (text.trim() === '') continue;
        header = splitLine(text, path, at === 0 ? 1 : await lineOf(at));
        headerAt = at;
        break;
      }
      if (!header) throw new CsvError(path, 1, null, 'the file is empty');
      const headerLine = headerAt === 0 ? 1 : await lineOf(headerAt);
      checkHeader(header, path, headerLine);
      const t = header.indexOf(target);
      if (t < 0) throw new CsvError(path, headerLine, null, `no column '${target}' (the target) in the header`);
      const names = chosen ?? header.filter((_, j) => j !== t);
      const cols = columnIndices(header, names, path, headerLine);
      resolveFeatures(names);
      let data = new Float64Array(batchSize * cols.length);
      let y: (string | number)[] = [];
      let rows = 0;
      // whole file: lines are counted as they come; a range counts the lines before a bad one only then
      let lineNo = byteRange ? -1 : 0;
      let lastAt = 0;
      try {
        for await (const { text, at } of linesOf(path, byteRange?.[0], byteRange?.[1])) {
          if (!byteRange) lineNo++;
          lastAt = at;
          if (at <= headerAt || text.trim() === '') continue;
          const cells = splitLine(text, path, lineNo);
          numericCells(cells, header, cols, data, rows * cols.length, path, lineNo);
          const label = decimal(cells[t]);
          y.push(Number.isFinite(label) ? label : cells[t]);
          if (++rows === batchSize) {
            yield { X: { data, rows, cols: cols.length }, y };
            data = new Float64Array(batchSize * cols.length);
            y = [];
            rows = 0;
          }
        }
      } catch (e) {
        if (e instanceof CsvError && e.line === -1) throw new CsvError(path, await lineOf(lastAt), e.column, e.reason);
        throw e;
      }
      if (rows > 0) yield { X: { data: data.subarray(0, rows * cols.length), rows, cols: cols.length }, y };
    },
  };
  /** The 1-based line number of the line starting at byte `at`. */
  async function lineOf(at: number): Promise<number> {
    return (await newlinesBefore(path, at)) + 1;
  }
}
