// sqlObjective: the gradient as a SQL aggregate, checked against the in-memory objective on
// DuckDB (J and ∇J at a point, the optimum by lbfgs and newton-cholesky), with hostile column
// names and the errors of bad tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { logisticObjective, minimize, LogRegError } from '../src/index.js';
import { sqlObjective } from '../src/sources/index.js';
import { makeProblem, prng } from './helpers.js';

const n = 1500;
const d = 4;
// uneven scales and an offset, so the standardised convergence test matters
const { X, y } = makeProblem(n, d, 7);
const Xs = X.map((r) => [r[0] * 100 + 40, r[1] * 0.01, r[2], r[3] - 5]);
const weights = Array.from({ length: n }, (_, i) => 0.5 + ((i * 37) % 10) / 10);
const HOSTILE = ['a"; DROP TABLE t; --', 'select', 'x y', "it's"];

let instance: DuckDBInstance;
let con: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  con = await instance.connect();
  const names = HOSTILE.map((c) => `"${c.replaceAll('"', '""')}" DOUBLE`).join(', ');
  await con.run(`CREATE TABLE t (${names}, label VARCHAR, w DOUBLE)`);
  const rows = Xs.map((r, i) => `(${r.map((v) => `CAST('${v}' AS DOUBLE)`).join(', ')}, '${y[i] ? 'spam' : 'ham'}', ${weights[i]})`);
  await con.run(`INSERT INTO t VALUES ${rows.join(', ')}`);
});
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
});

const sqlOf = (extra: Record<string, unknown> = {}) => sqlObjective(con, { from: 't', features: HOSTILE, label: 'label', C: 0.5, ...extra });

describe('sqlObjective on DuckDB', () => {
  it('J and ∇J equal the in-memory objective at a point (1e-12), with and without weights', async () => {
    const r = prng(3);
    const x = Float64Array.from({ length: d + 1 }, () => (r() - 0.5) * 0.2);
    for (const sampleWeight of [undefined, weights]) {
      const mem = logisticObjective(Xs, y, { C: 0.5, sampleWeight });
      const gm = new Float64Array(d + 1);
      const jm = mem.valueAndGradient(x, gm);
      mem.dispose();
      const sql = await sqlOf(sampleWeight ? { weight: 'w' } : {});
      const gs = new Float64Array(d + 1);
      const js = await sql.valueAndGradient(x, gs);
      expect(Math.abs(js - jm) / jm).toBeLessThan(1e-12);
      for (let j = 0; j <= d; j++) expect(Math.abs(gs[j] - gm[j])).toBeLessThan(1e-12 * (1 + Math.abs(gm[j])));
      expect(sql.classes).toEqual(['ham', 'spam']);
    }
  });

  it('minimize (lbfgs and newton-cholesky) reaches the in-memory optimum: J within 1e-10, the table intact', async () => {
    const mem = logisticObjective(Xs, y, { C: 0.5, sampleWeight: weights });
    const best = minimize(mem, new Float64Array(d + 1), { method: 'newton-cholesky', tol: 1e-12 });
    mem.dispose();
    for (const method of ['lbfgs', 'newton-cholesky', 'newton'] as const) {
      const sql = await sqlOf({ weight: 'w' });
      const r = await minimize(sql, new Float64Array(d + 1), { method, tol: 1e-8 });
      expect(r.converged).toBe(true);
      expect(Math.abs(r.value - best.value) / best.value).toBeLessThan(1e-10);
      expect(sql.passes).toBeGreaterThan(1);
    }
    const left = await con.runAndReadAll('SELECT COUNT(*) FROM t');
    expect(Number(left.getRows()[0][0])).toBe(n);
  });

  it('an L1 penalty runs as OWL-QN over SQL and matches the in-memory fit', async () => {
    const mem = logisticObjective(Xs, y, { C: 0.01, penalty: 'l1' });
    const best = minimize(mem, new Float64Array(d + 1), { tol: 1e-10, maxIter: 5000 });
    mem.dispose();
    const r = await minimize(await sqlOf({ C: 0.01, penalty: 'l1' }), new Float64Array(d + 1), { tol: 1e-8, maxIter: 5000 });
    expect(Math.abs(r.value - best.value) / best.value).toBeLessThan(1e-9);
    expect(r.x.filter((v) => v === 0).length).toBe(best.x.filter((v) => v === 0).length);
  });

  it('a function runner works as a connection, and positive picks the class', async () => {
    const run = async (sql: string) => (await con.runAndReadAll(sql)).getRows();
    const a = await sqlObjective(run, { from: 't', features: HOSTILE, label: 'label', positive: 'ham' });
    expect(a.classes).toEqual(['spam', 'ham']);
    const ga = new Float64Array(d + 1);
    const gb = new Float64Array(d + 1);
    const b = await sqlOf({ C: 1 });
    const x = new Float64Array(d + 1).fill(0.01);
    await a.valueAndGradient(x, ga);
    await b.valueAndGradient(x.map((v) => -v), gb);
    for (let j = 0; j <= d; j++) expect(ga[j]).toBeCloseTo(-gb[j], 12);
  });

  it('bad tables and options get typed errors', async () => {
    await con.run('CREATE TABLE bad AS SELECT * FROM t');
    await con.run(`UPDATE bad SET "select" = NULL WHERE rowid = 3`);
    const err = (p: Promise<unknown>) => p.then(() => null, (e) => e as LogRegError);
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [() => sqlObjective(con, { from: 'bad', features: HOSTILE, label: 'label' }), 'NON_FINITE', /'select' has 1 null/],
      [() => sqlObjective(con, { from: 't', features: ['nope'], label: 'label' }), 'INVALID_INPUT', /census query failed.*nope/s],
      [() => sqlObjective(con, { from: 't', features: ['label'], label: 'w' }), 'INVALID_INPUT', /census query failed/],
      [() => sqlObjective(con, { from: 't', features: ['select'], label: 'w' }), 'LABELS', /more than two/],
      [() => sqlObjective(con, { from: 't', features: [''], label: 'label' }), 'INVALID_OPTION', /features\[0\]/],
      [() => sqlObjective(con, { from: 't', features: HOSTILE, label: 'label', weight: 'label' }), 'INVALID_INPUT', /census query failed/],
      [() => sqlObjective(con, { from: '(SELECT * FROM t WHERE false)', features: HOSTILE, label: 'label' }), 'EMPTY_DATA', /no rows/],
      [() => sqlObjective({} as never, { from: 't', features: HOSTILE, label: 'label' }), 'INVALID_INPUT', /DuckDB connection/],
      [() => sqlObjective(con, { from: 't', features: HOSTILE, label: 'label', colour: 1 } as never), 'UNKNOWN_OPTION', /colour/],
    ];
    for (const [p, code, message] of cases) {
      const e = await err(p());
      expect(e).toBeInstanceOf(LogRegError);
      expect(e!.code).toBe(code);
      expect(e!.message).toMatch(message);
    }
    await con.run(`UPDATE bad SET "select" = 'NaN'::DOUBLE WHERE rowid = 3`);
    expect((await err(sqlObjective(con, { from: 'bad', features: HOSTILE, label: 'label' })))?.message).toMatch(/'select' has 1 NaN or infinite/);
  });

  it('a solver that cannot await refuses an objective that answers with a promise, with a typed error', () => {
    // not a DuckDB objective: its refused query would still be running when the connection closes
    const later = { dim: 2, valueAndGradient: async () => 1 };
    expect(() => minimize(later as never, new Float64Array(2), { method: 'gd' })).toThrow(/only lbfgs, newton and newton-cholesky/);
  });
});
