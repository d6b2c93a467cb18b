// parquetBatches(file, { label }): a Parquet file as fitStream batches, one per row group, read
// by hyparquet (an optional dependency, loaded on first use; pure JS, so browsers too, given an
// AsyncBuffer). Re-iterable: each pass reads the file again, one row group in memory at a time.
import type { FileMetaData } from 'hyparquet';
import { LogRegError, describeValue } from '../core/errors.js';
import { chooseFeatures, columnBatch, readColumnOptions, type ColumnBatch, type ColumnBatchOptions } from './columns-batch.js';
import { SHARDED_PASSES, type ShardRequest, type StreamPasses } from '../model/train/stream-passes.js';
import { shardHeapMb, shardedPasses, splitRowGroups, type ShardPlan } from '../model/train/shards.js';

/** hyparquet's AsyncBuffer: what asyncBufferFromUrl / asyncBufferFromFile return. */
export interface AsyncBufferLike {
  byteLength: number;
  slice(start: number, end?: number): ArrayBuffer | Promise<ArrayBuffer>;
}

export interface ParquetBatchOptions extends ColumnBatchOptions {
  /** read only row groups [start, end) (a shard of the file). Default: all */
  rowGroups?: [number, number];
}

const NUMERIC = ['INT32', 'INT64', 'FLOAT', 'DOUBLE'];

/** The batches of a Parquet file; `features` resolves to the feature columns read. */
export interface ParquetSource extends AsyncIterable<ColumnBatch> {
  readonly features: Promise<string[]>;
  /** fitStream's hook for running passes on workers */
  [SHARDED_PASSES](r: ShardRequest): StreamPasses | null;
}

/**
 * With fitStream's exact solvers and threads > 1 (Node, a file path), each pass runs on worker
 * threads over contiguous runs of row groups.
 */
export function parquetBatches(file: string | AsyncBufferLike, options: ParquetBatchOptions): ParquetSource {
  const o = readColumnOptions(options, 'parquetBatches', ['rowGroups']);
  const range = o.rowGroups as [number, number] | undefined;
  if (range !== undefined && !(Array.isArray(range) && range.length === 2 && range.every(Number.isSafeInteger) && 0 <= range[0] && range[0] < range[1]))
    throw new LogRegError('INVALID_OPTION', `parquetBatches: rowGroups must be [start, end) with 0 <= start < end, got ${describeValue(range)}`, { option: 'rowGroups' });
  const columns: ColumnBatchOptions = { label: o.label, features: o.features, weight: o.weight };
  if (typeof file !== 'string' && !(file && typeof file === 'object' && typeof file.byteLength === 'number' && typeof file.slice === 'function'))
    throw new LogRegError('INVALID_INPUT', `parquetBatches needs a file path or an AsyncBuffer (hyparquet's asyncBufferFromUrl), got ${describeValue(file)}`);
  let opened: Promise<{ hp: typeof import('hyparquet'); buffer: AsyncBufferLike; metadata: FileMetaData; features: string[] }> | null = null;
  const open = () =>
    (opened ??= (async () => {
      const hp = await import('hyparquet');
      const buffer = typeof file === 'string' ? await hp.asyncBufferFromFile(file) : file;
      const metadata = await hp.parquetMetadataAsync(buffer);
      // top-level columns: the schema is flat after its root for the numeric and string columns read here
      const schemaColumns = metadata.schema.slice(1).map((s) => ({ name: s.name, numeric: NUMERIC.includes(String(s.type)) }));
      return { hp, buffer, metadata, features: chooseFeatures(o, schemaColumns, typeof file === 'string' ? file : 'the Parquet file') };
    })());
  /** Contiguous runs of row groups, one per thread, each worker's heap sized by the largest group. */
  const plan = async (threads: number): Promise<ShardPlan> => {
    const { metadata, features } = await open();
    const rows = metadata.row_groups.map((g) => Number(g.num_rows));
    const shards = splitRowGroups(rows, threads).map((rowGroups) => ({
      source: { kind: 'parquet' as const, file: file as string, options: columns, rowGroups },
      firstRow: rows.slice(0, rowGroups[0]).reduce((x, y) => x + y, 0),
    }));
    return { shards, heapMb: shardHeapMb(Math.max(...rows), features.length + (o.weight ? 2 : 1)) };
  };
  return {
    get features() {
      return open().then((f) => f.features);
    },
    [SHARDED_PASSES]: (r: ShardRequest): StreamPasses | null => (typeof file === 'string' && !range ? shardedPasses('parquetBatches', plan, r) : null),
    async *[Symbol.asyncIterator]() {
      const { hp, buffer, metadata, features } = await open();
      const read = [...features, o.label, ...(o.weight ? [o.weight] : [])];
      const [first, end] = range ?? [0, metadata.row_groups.length];
      if (end > metadata.row_groups.length)
        throw new LogRegError('INVALID_OPTION', `parquetBatches: rowGroups ends at ${end}, but the file has ${metadata.row_groups.length} row groups`, { option: 'rowGroups' });
      let row0 = 0;
      for (let g = 0; g < first; g++) row0 += Number(metadata.row_groups[g].num_rows);
      for (const group of metadata.row_groups.slice(first, end)) {
        const rows = Number(group.num_rows);
        const parts = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>(read.map((c) => [c, []]));
        await hp.parquetRead({
          file: buffer,
          metadata,
          columns: read,
          rowStart: row0,
          rowEnd: row0 + rows,
          onChunk: (c) => parts.get(c.columnName)?.push({ rowStart: c.rowStart, data: c.columnData as ArrayLike<unknown> }),
        });
        const chunks = new Map<string, ArrayLike<unknown>[]>();
        for (const [name, list] of parts) chunks.set(name, inRange(list, row0, row0 + rows, name));
        yield columnBatch(columns, features, chunks, row0);
        row0 += rows;
      }
    },
  };
}

/** The decoded pieces of one column, sorted and cut to [start, end), which they must cover. */
function inRange(list: { rowStart: number; data: ArrayLike<unknown> }[], start: number, end: number, name: string): ArrayLike<unknown>[] {
  list.sort((a, b) => a.rowStart - b.rowStart);
  const out: ArrayLike<unknown>[] = [];
  let at = start;
  for (const { rowStart, data } of list) {
    const from = Math.max(at, rowStart);
    const to = Math.min(end, rowStart + data.length);
    if (from > at) break;
    if (to <= from) continue;
    const cut = from - rowStart;
    const len = to - from;
    const d = data as unknown[] & { subarray?: (a: number, b: number) => ArrayLike<unknown> };
    out.push(cut === 0 && len === data.length ? data : typeof d.subarray === 'function' ? d.subarray(cut, cut + len) : Array.prototype.slice.call(data, cut, cut + len));
    at = to;
  }
  if (at !== end) throw new LogRegError('INVALID_INPUT', `column '${name}' decoded rows ${start}..${at} of its row group, not ..${end}`);
  return out;
}
