// Streams a CSV file (Node) in batches for fitStream / partialFit, without holding the file in
// memory: at most one batch of rows at a time. Re-iterable: each for-await reads the file
// again, so fitStream can run several epochs over it.
import { CsvError, checkHeader, columnIndices, decimal, numericCells, splitLine } from './csv.js';
import { LogRegError, describeValue } from '../core/errors.js';
import { ownFields } from '../core/own.js';

export interface CsvBatchOptions {
  /** the label column */
  target: string;
  /** rows per batch. Default 1000. */
  batchSize?: number;
  /** feature columns (default: every column but the target) */
  features?: string[];
}

export interface CsvBatch {
  X: { data: Float64Array; rows: number; cols: number };
  /** labels: a plain decimal is read as a number (so 1 and 1.0 are one class), anything else as text */
  y: (string | number)[];
}

/** Rows per batch at most: one batch is allocated whole. */
const MAX_BATCH = 10_000_000;

function readBatchOptions(path: unknown, options: unknown): { target: string; batchSize: number; features: string[] | null } {
  if (typeof path !== 'string' || path === '') throw new LogRegError('INVALID_INPUT', `csvBatches: the path must be a non-empty string, got ${describeValue(path)}`);
  const o = ownFields(options, 'csvBatches option', ['target', 'batchSize', 'features']);
  if (typeof o.target !== 'string') throw new LogRegError('INVALID_OPTION', `csvBatches: target must be a column name, got ${describeValue(o.target)}`, { option: 'target' });
  const batchSize = o.batchSize ?? 1000;
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH)
    throw new LogRegError('INVALID_OPTION', `csvBatches: batchSize must be an integer from 1 to ${MAX_BATCH}, got ${describeValue(batchSize)}`, { option: 'batchSize', value: batchSize });
  const features = o.features ?? null;
  if (features !== null && !(Array.isArray(features) && features.length > 0 && features.every((f) => typeof f === 'string')))
    throw new LogRegError('INVALID_OPTION', 'csvBatches: features must be a non-empty array of column names', { option: 'features' });
  return { target: o.target, batchSize, features: features as string[] | null };
}

export function csvBatches(path: string, options: CsvBatchOptions): AsyncIterable<CsvBatch> & { readonly features: Promise<string[]> } {
  const { target, batchSize, features: chosen } = readBatchOptions(path, options);
  let resolveFeatures!: (f: string[]) => void;
  const features = new Promise<string[]>((r) => (resolveFeatures = r));
  return {
    features,
    async *[Symbol.asyncIterator]() {
      const fsName = 'node:fs';
      const rlName = 'node:readline';
      const { createReadStream } = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs');
      const { createInterface } = (await import(/* @vite-ignore */ rlName)) as typeof import('node:readline');
      const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
      let header: string[] | null = null;
      let cols: number[] = [];
      let t = -1;
      let lineNo = 0;
      let data = new Float64Array(0);
      let y: (string | number)[] = [];
      let rows = 0;
      for await (const line of lines) {
        lineNo++;
        if (line.trim() === '') continue;
        const cells = splitLine(line, path, lineNo);
        if (!header) {
          header = cells;
          checkHeader(header, path, lineNo);
          t = header.indexOf(target);
          if (t < 0) throw new CsvError(path, lineNo, null, `no column '${target}' (the target) in the header`);
          const names = chosen ?? header.filter((_, j) => j !== t);
          cols = columnIndices(header, names, path, lineNo);
          resolveFeatures(names);
          data = new Float64Array(batchSize * cols.length);
          continue;
        }
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
      if (!header) throw new CsvError(path, 1, null, 'the file is empty');
      if (rows > 0) yield { X: { data: data.subarray(0, rows * cols.length), rows, cols: cols.length }, y };
    },
  };
}
