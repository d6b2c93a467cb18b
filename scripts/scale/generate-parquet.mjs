// Writes the scale test's Parquet file: ROWS rows of 20 features uniform on [-2, 2) and a 0/1
// label drawn from the logistic model with weights sin(j + 1) and intercept 0.3. Every value is a
// hash of (seed, row, column), so the file is the same on every machine and thread count.
// Usage: node generate-parquet.mjs FILE ROWS
import { DuckDBInstance } from '@duckdb/node-api';

const [file, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const D = 20;
const SEED = 20261208;
const uniform = (k) => `((hash(i * ${D + 1} + ${k} + ${SEED}) % 1000000007) / 1000000007.0 * 4 - 2)`;
const xs = Array.from({ length: D }, (_, j) => `${uniform(j)} AS x${j}`).join(', ');
const z = Array.from({ length: D }, (_, j) => `x${j} * ${Math.sin(j + 1)}`).join(' + ');
const con = await (await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1GB' })).connect();
await con.run(
  `COPY (SELECT ${Array.from({ length: D }, (_, j) => `x${j}`).join(', ')}, ` +
    `CASE WHEN (hash(i * ${D + 1} + ${D} + ${SEED}) % 1000000007) / 1000000007.0 < 1 / (1 + exp(-(0.3 + ${z}))) THEN 1 ELSE 0 END AS y ` +
    `FROM (SELECT i, ${xs} FROM range(${rows}) AS r(i))) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, ROW_GROUP_SIZE 131072, COMPRESSION uncompressed)`,
);
con.closeSync();
