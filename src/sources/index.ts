// logreg-wasm/sources: data where users keep it, through optional dependencies the core never
// imports: the gradient as a SQL aggregate (any engine; tested with DuckDB), and batch sources
// for fitStream over Parquet files and DuckDB queries.
export { sqlObjective, type SqlObjective, type SqlObjectiveOptions, type SqlConnection } from '../sql/sql-objective.js';
export type { SummedObjective } from '../loss/summed-objective.js';
export { parquetBatches, type ParquetBatchOptions, type ParquetSource, type AsyncBufferLike } from './parquet.js';
export { duckdbBatches, type DuckDBBatchOptions, type DuckDBStreamingConnection } from './duckdb.js';
export type { ColumnBatch, ColumnBatchOptions } from './columns-batch.js';
