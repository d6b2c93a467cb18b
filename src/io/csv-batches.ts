// Streams a CSV file (Node) in batches for fitStream / partialFit, without holding the file in
// memory: at most one batch of rows at a time. Re-iterable: each for-await reads the file
// again, so fitStream can run several epochs over it.
import { CsvError, splitLine } from './csv.js';

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
  y: string[];
}

export function csvBatches(path: string, options: CsvBatchOptions): AsyncIterable<CsvBatch> & { readonly features: Promise<string[]> } {
  const batchSize = options.batchSize ?? 1000;
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
      let y: string[] = [];
      let rows = 0;
      for await (const line of lines) {
        lineNo++;
        if (line.trim() === '') continue;
        const cells = splitLine(line, path, lineNo);
        if (!header) {
          header = cells;
          t = header.indexOf(options.target);
          if (t < 0) throw new CsvError(path, lineNo, null, `no column '${options.target}' (the target) in the header`);
          const names = options.features ?? header.filter((_, j) => j !== t);
          cols = names.map((n) => {
            const j = header!.indexOf(n);
            if (j < 0) throw new CsvError(path, lineNo, null, `no column '${n}' in the header`);
            return j;
          });
          resolveFeatures(names);
          data = new Float64Array(batchSize * cols.length);
          continue;
        }
        if (cells.length !== header.length) throw new CsvError(path, lineNo, null, `${cells.length} fields, but the header has ${header.length}`);
        const o = rows * cols.length;
        for (let k = 0; k < cols.length; k++) {
          const s = cells[cols[k]];
          const v = s === '' ? NaN : Number(s);
          if (!Number.isFinite(v)) throw new CsvError(path, lineNo, cols[k] + 1, `'${s}' in column '${header[cols[k]]}' is not a finite number`);
          data[o + k] = v;
        }
        y.push(cells[t]);
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
