// Batch sources for fitStream: a Parquet file (hyparquet, one batch per row group) and a DuckDB
// query, each giving the in-memory fit's optimum with an exact solver; bad files get typed errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { LogisticRegression, LogRegError, logisticObjective, setWarningHandler } from '../src/index.js';
import { duckdbBatches, parquetBatches } from '../src/sources/index.js';
import { shardHeapMb, splitRowGroups } from '../src/model/train/shards.js';
import { makeProblem } from './helpers.js';

setWarningHandler(null);
const n = 5000;
const { X: X0, y } = makeProblem(n, 3, 21);
const X = X0.map((r) => [r[0] * 10 + 3, r[1], r[2] * 0.1]);
const w = Array.from({ length: n }, (_, i) => 1 + (i % 4) / 2);
const dir = mkdtempSync(join(tmpdir(), 'logreg-sources-'));
const file = join(dir, 'data.parquet');
const withNull = join(dir, 'null.parquet');
let instance: DuckDBInstance;
let con: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
  await con.run('CREATE TABLE t ("x 1" DOUBLE, x2 FLOAT, x3 DOUBLE, label VARCHAR, w DOUBLE, id INTEGER)');
  const values = X.map((r, i) => `(CAST('${r[0]}' AS DOUBLE), CAST('${r[1]}' AS FLOAT), CAST('${r[2]}' AS DOUBLE), '${y[i] ? 'b' : 'a'}', ${w[i]}, ${i})`);
  await con.run(`INSERT INTO t VALUES ${values.join(', ')}`);
  await con.run(`COPY (SELECT * FROM t ORDER BY id) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
  await con.run(`COPY (SELECT * REPLACE (CASE WHEN id = 4500 THEN NULL ELSE x3 END AS x3) FROM t ORDER BY id) TO '${withNull}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
});
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
});

const rowsAsStored = X.map((r) => [r[0], Math.fround(r[1]), r[2]]);
const labels = y.map((v) => (v ? 'b' : 'a'));
function J(m: LogisticRegression): number {
  const obj = logisticObjective(rowsAsStored, labels, { C: 1, sampleWeight: w });
  const x = Float64Array.of(...m.coef, m.intercepts[0]);
  const v = obj.valueAndGradient(x, new Float64Array(x.length));
  obj.dispose();
  return v;
}

describe('batch sources', () => {
  it('parquetBatches: a batch per row group, numeric columns but label and weight; lbfgs reaches the in-memory optimum', async () => {
    const source = parquetBatches(file, { label: 'label', weight: 'w', features: ['x 1', 'x2', 'x3'] });
    const sizes: number[] = [];
    for await (const b of source) sizes.push(b.y.length);
    expect(sizes).toEqual([2048, 2048, 904]);
    expect(await parquetBatches(file, { label: 'label', weight: 'w' }).features).toEqual(['x 1', 'x2', 'x3', 'id']);
    const m = await new LogisticRegression({ solver: 'lbfgs' }).fitStream(source, { classes: ['a', 'b'] });
    const mem = new LogisticRegression({ solver: 'newton-cholesky', tol: 1e-10 }).fit(rowsAsStored, labels, { sampleWeight: w });
    expect((J(m) - J(mem)) / J(mem)).toBeLessThan(1e-10);
  });

  it('duckdbBatches: the query streamed in batches gives the same fit as the Parquet file', async () => {
    const q = 'SELECT "x 1", x2, x3, label, w FROM t ORDER BY id';
    const sizes: number[] = [];
    for await (const b of duckdbBatches(con, q, { label: 'label', weight: 'w', batchSize: 3000 })) sizes.push(b.y.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(n);
    expect(sizes.length).toBeGreaterThan(1);
    const viaDuck = await new LogisticRegression({ solver: 'newton-cholesky' }).fitStream(duckdbBatches(con, q, { label: 'label', weight: 'w', batchSize: 3000 }), { classes: ['a', 'b'] });
    const viaParquet = await new LogisticRegression({ solver: 'newton-cholesky' }).fitStream(parquetBatches(file, { label: 'label', weight: 'w', features: ['x 1', 'x2', 'x3'] }), { classes: ['a', 'b'] });
    viaDuck.coef.forEach((c, j) => expect(c).toBeCloseTo(viaParquet.coef[j], 10));
  });

  it('threads: 2 runs the Parquet passes on workers over row-group shards: the 1-thread optimum, the same bits every run', async () => {
    // the built package: the shards' worker is dist/shard-worker.js
    const dist = await import('../dist/index.js');
    const { parquetBatches: built } = await import('../dist/sources.js');
    const warnings: string[] = [];
    dist.setWarningHandler((w: { code: string }) => warnings.push(w.code)); // WORKER: the shards did not start
    const fitWith = (threads: number) =>
      new dist.LogisticRegression({ solver: 'lbfgs', threads }).fitStream(built(file, { label: 'label', weight: 'w', features: ['x 1', 'x2', 'x3'] }), { classes: ['a', 'b'] });
    const [one, two, again] = [await fitWith(1), await fitWith(2), await fitWith(2)];
    expect(Array.from(two.coef)).toEqual(Array.from(again.coef));
    const J1 = J(one as unknown as LogisticRegression);
    expect(Math.abs(J(two as unknown as LogisticRegression) - J1) / J1).toBeLessThan(1e-10);
    const nul = await new dist.LogisticRegression({ solver: 'lbfgs', threads: 2 })
      .fitStream(built(withNull, { label: 'label', features: ['x3'] }), { classes: ['a', 'b'] })
      .then(() => null, (e: LogRegError) => e);
    expect(nul?.name).toBe('LogRegError');
    expect(nul?.details.row).toBe(4500);
    expect(warnings).toEqual([]);
    dist.setWarningHandler(null);
  });

  it('row groups split into contiguous runs of about equal rows, each worker heap sized by its largest group', () => {
    expect(splitRowGroups([10, 10, 10, 10], 2)).toEqual([[0, 2], [2, 4]]);
    expect(splitRowGroups([100, 1, 1, 1], 2)).toEqual([[0, 1], [1, 4]]);
    expect(splitRowGroups([5, 5, 5], 8)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(splitRowGroups([7], 2)).toEqual([[0, 1]]);
    expect(splitRowGroups([1, 1, 1, 1, 1, 1, 1], 3)).toEqual([[0, 2], [2, 5], [5, 7]]);
    expect(shardHeapMb(1000, 5)).toBe(128);
    expect(shardHeapMb(1_000_000, 21)).toBe(Math.ceil((6 * 1_000_000 * 21 * 8) / 2 ** 20));
  });

  it('nulls, missing columns and bad options get typed errors naming them', async () => {
    const first = async (p: Promise<unknown>) => p.then(() => null, (e) => e as LogRegError);
    const nul = await first(new LogisticRegression({ solver: 'lbfgs' }).fitStream(parquetBatches(withNull, { label: 'label', features: ['x3'] }), { classes: ['a', 'b'] }));
    expect(nul?.code).toBe('INVALID_INPUT');
    expect(nul?.message).toMatch(/stream batch 2 \(from row 4096\).*null at row 404, column 'x3'/);
    expect(nul?.details.row).toBe(4500);
    const missing = await first(new LogisticRegression({ solver: 'lbfgs' }).fitStream(parquetBatches(file, { label: 'nope' }), { classes: ['a', 'b'] }));
    expect(missing?.message).toMatch(/no label column 'nope' \(columns: x 1, x2, x3, label, w, id\)/);
    const text = await first(new LogisticRegression({ solver: 'lbfgs' }).fitStream(duckdbBatches(con, 'SELECT label AS f, label FROM t', { label: 'label', features: ['f'] }), { classes: ['a', 'b'] }));
    expect(text?.message).toMatch(/"a" at row 0, column 'f'|"b" at row 0, column 'f'/);
    expect(() => parquetBatches(file, {} as never)).toThrow(/label must be a column name/);
    expect(() => duckdbBatches({} as never, 'SELECT 1', { label: 'y' })).toThrow(/connection/);
  });
});
