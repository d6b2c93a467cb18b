// duckdbBatches(connection, sql, { label }): a DuckDB query's rows as fitStream batches, streamed
// chunk by chunk (@duckdb/node-api). Re-iterable: each pass runs the query again. For lbfgs and
// newton over data DuckDB holds, sqlObjective (the sums computed inside DuckDB) moves no rows.
import { LogRegError, describeValue } from '../core/errors.js';
import { chooseFeatures, columnBatch, readColumnOptions, type ColumnBatch, type ColumnBatchOptions } from './columns-batch.js';

/** The part of a @duckdb/node-api connection this reads. */
export interface DuckDBStreamingConnection {
  /** cancels the running query (a consumer that stopped early) */
  interrupt?(): void;
  stream(sql: string): Promise<{
    columnNames(): string[];
    columnTypes(): { toString(): string }[];
    fetchChunk(): Promise<{ rowCount: number; getColumnValues(i: number): unknown[] } | null>;
  }>;
}

export interface DuckDBBatchOptions extends ColumnBatchOptions {
  /** rows per batch, at least: a batch is whole chunks of DuckDB's (2048 rows). Default 65536. */
  batchSize?: number;
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE)$/;

export function duckdbBatches(connection: DuckDBStreamingConnection, sql: string, options: DuckDBBatchOptions): AsyncIterable<ColumnBatch> {
  const o = readColumnOptions(options, 'duckdbBatches', ['batchSize']);
  const batchSize = o.batchSize ?? 65536;
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1)
    throw new LogRegError('INVALID_OPTION', `duckdbBatches: batchSize must be an integer >= 1, got ${describeValue(batchSize)}`, { option: 'batchSize' });
  if (!connection || typeof (connection as Partial<DuckDBStreamingConnection>).stream !== 'function')
    throw new LogRegError('INVALID_INPUT', `duckdbBatches needs a @duckdb/node-api connection, got ${describeValue(connection)}`);
  if (typeof sql !== 'string' || sql.trim() === '') throw new LogRegError('INVALID_INPUT', 'duckdbBatches needs a query');
  return {
    async *[Symbol.asyncIterator]() {
      let result;
      try {
        result = await connection.stream(sql);
      } catch (e) {
        throw new LogRegError('INVALID_INPUT', `the query failed: ${(e as Error)?.message ?? String(e)}`);
      }
      const names = result.columnNames();
      const types = result.columnTypes().map(String);
      const features = chooseFeatures(o, names.map((name, i) => ({ name, numeric: NUMERIC.test(types[i]) })), 'the query');
      const read = [...features, o.label, ...(o.weight ? [o.weight] : [])];
      const index = read.map((c) => names.indexOf(c));
      let row0 = 0;
      let pending = read.map(() => [] as unknown[][]);
      let rows = 0;
      const flush = () => {
        const batch = columnBatch(o, features, new Map(read.map((c, k) => [c, pending[k]])), row0);
        row0 += rows;
        pending = read.map(() => []);
        rows = 0;
        return batch;
      };
      let finished = false;
      try {
        for (;;) {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) break;
          index.forEach((i, k) => pending[k].push(chunk.getColumnValues(i)));
          rows += chunk.rowCount;
          if (rows >= batchSize) yield flush();
        }
        finished = true;
      } finally {
        // a consumer that stopped early (an error in a batch, an abort) leaves no query running
        if (!finished) connection.interrupt?.();
      }
      if (rows > 0) yield flush();
    },
  };
}
