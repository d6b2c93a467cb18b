// Arrow tables in: fit, predict, partialFit, fitStream, fitAsync and inference read an
// apache-arrow Table or RecordBatch by column name, and give the same bits as the same values
// passed as rows.
import { describe, expect, it } from 'vitest';
import { Dictionary, Float16, Int32, Table, Utf8, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { LogisticRegression, LogRegError, inference, setWarningHandler } from '../src/index.js';
import { makeProblem } from './helpers.js';

setWarningHandler(null);
const n = 400;
const { X, y } = makeProblem(n, 4, 5);
const ints = X.map((r) => Math.round(r[2] * 10));
const rows = X.map((r, i) => [r[0], Math.fround(r[1]), ints[i], ints[i] * 3]);
const labels = y.map((v) => (v ? 'spam' : 'ham'));
const w = Array.from({ length: n }, (_, i) => 1 + (i % 3));

const table = new Table({
  a: vectorFromArray(Float64Array.from(X, (r) => r[0])),
  b: vectorFromArray(Float32Array.from(X, (r) => r[1])),
  c: vectorFromArray(Int32Array.from(ints)),
  d: vectorFromArray(BigInt64Array.from(ints, (v) => BigInt(v * 3))),
  label: vectorFromArray(labels, new Dictionary(new Utf8(), new Int32())),
  w: vectorFromArray(Float64Array.from(w)),
  note: vectorFromArray(labels.map((l) => `row ${l}`), new Dictionary(new Utf8(), new Int32())),
});

const expectSameFit = (a: LogisticRegression, b: LogisticRegression) => {
  expect(Array.from(a.coef)).toEqual(Array.from(b.coef));
  expect(a.intercept).toBe(b.intercept);
};

describe('Arrow tables', () => {
  it('fit(table, label) equals fit(rows, labels), weights by column; the model keeps the feature names', () => {
    const viaRows = new LogisticRegression().fit(rows, labels, { sampleWeight: w });
    const viaTable = new LogisticRegression().fit(table, 'label', { sampleWeight: 'w' });
    expectSameFit(viaTable, viaRows);
    expect(viaTable.featureNames).toEqual(['a', 'b', 'c', 'd']);
    expect(viaTable.classes).toEqual(['ham', 'spam']);
    // predict reads the columns by name: any order, extra columns ignored
    const shuffled = tableFromArrays({ d: table.getChild('d')!.toArray(), extra: new Float64Array(n), b: table.getChild('b')!.toArray(), a: table.getChild('a')!.toArray(), c: table.getChild('c')!.toArray() });
    expect(viaTable.predictProba(shuffled)).toEqual(viaRows.predictProba(rows));
    expect(viaTable.score(table, 'label')).toBe(viaRows.score(rows, labels));
    const back = LogisticRegression.fromJSON(JSON.parse(JSON.stringify(viaTable.toJSON())));
    expect(back.featureNames).toEqual(['a', 'b', 'c', 'd']);
    expect(back.predict(table)).toEqual(viaRows.predict(rows));
  });

  it('the featureNames option picks the columns; tables of several batches and record batches read the same', () => {
    const picked = new LogisticRegression({ featureNames: ['c', 'a'] }).fit(table, 'label');
    expectSameFit(picked, new LogisticRegression().fit(rows.map((r) => [r[2], r[0]]), labels));
    const chunked = new Table([...table.slice(0, 150).batches, ...table.slice(150).batches]);
    expect(chunked.getChild('a')!.data.length).toBe(2);
    expectSameFit(new LogisticRegression().fit(chunked, 'label', { sampleWeight: 'w' }), new LogisticRegression().fit(table, 'label', { sampleWeight: 'w' }));
    expectSameFit(new LogisticRegression().fit(table.batches[0], 'label', { sampleWeight: 'w' }), new LogisticRegression().fit(table, 'label', { sampleWeight: 'w' }));
  });

  it('columns built from plain arrays (spare capacity past their length) and Float16 columns (exactly, as float32)', () => {
    const halves = [0.5, -2, 1.5, 65504, 6.103515625e-5, 5.960464477539063e-8, -0, 3.140625];
    const labels8 = [0, 1, 0, 1, 1, 0, 1, 0];
    const t = new Table({ h: vectorFromArray(halves, new Float16()), y: vectorFromArray(Int32Array.from(labels8)) });
    expect(t.getChild('h')!.data[0].values.length).toBeGreaterThan(8);
    expectSameFit(new LogisticRegression({ C: 1e-3 }).fit(t, 'y'), new LogisticRegression({ C: 1e-3 }).fit({ data: Float32Array.from(halves), rows: 8, cols: 1 }, labels8));
    const plain = tableFromArrays({ a: X.slice(0, 50).map((r) => r[0]), y: y.slice(0, 50) });
    expectSameFit(new LogisticRegression().fit(plain, 'y'), new LogisticRegression().fit(X.slice(0, 50).map((r) => [r[0]]), y.slice(0, 50)));
  });

  it('odd row and column counts, and chunk ends inside a copy block, transpose exactly (wasm and js)', () => {
    for (const backend of ['wasm', 'js'] as const) {
      const t7 = table.slice(3, 10);
      const names = ['a', 'b', 'c'];
      const sub = rows.slice(3, 10).map((r) => r.slice(0, 3));
      expect(new LogisticRegression({ backend, featureNames: names }).fit(t7, 'label').predictProba(t7)).toEqual(new LogisticRegression({ backend }).fit(sub, labels.slice(3, 10)).predictProba(sub));
      const ragged = new Table([...table.slice(0, 33).batches, ...table.slice(33, 101).batches, ...table.slice(101).batches]);
      expectSameFit(new LogisticRegression({ backend }).fit(ragged, 'label', { sampleWeight: 'w' }), new LogisticRegression({ backend }).fit(rows, labels, { sampleWeight: w }));
    }
  });

  it('float32 columns stay float32 (dtype auto)', () => {
    const t32 = tableFromArrays({ a: Float32Array.from(X, (r) => r[0]), b: Float32Array.from(X, (r) => r[1]), y: Int32Array.from(y) });
    const data = new Float32Array(n * 2);
    X.forEach((r, i) => data.set([r[0], r[1]], 2 * i));
    expectSameFit(new LogisticRegression().fit(t32, 'y'), new LogisticRegression().fit({ data, rows: n, cols: 2 }, y));
  });

  it('partialFit, fitStream (exact and stochastic) and fitAsync take table batches', async () => {
    const parts = [table.slice(0, 200), table.slice(200)];
    const online = new LogisticRegression({ solver: 'sgd', seed: 3 });
    const onlineRows = new LogisticRegression({ solver: 'sgd', seed: 3 });
    for (const [k, p] of parts.entries()) {
      online.partialFit(p, 'label', { classes: ['ham', 'spam'], sampleWeight: 'w' });
      const at = (a: unknown[]) => a.slice(200 * k, 200 * k + 200);
      onlineRows.partialFit(at(rows), at(labels), { classes: ['ham', 'spam'], sampleWeight: at(w) as number[] });
    }
    expectSameFit(online, onlineRows);
    expect(online.featureNames).toEqual(['a', 'b', 'c', 'd']);
    const exact = await new LogisticRegression({ solver: 'lbfgs' }).fitStream(
      parts.map((p) => ({ X: p, y: 'label', sampleWeight: 'w' })),
      { classes: ['ham', 'spam'] },
    );
    expect(exact.featureNames).toEqual(['a', 'b', 'c', 'd']);
    const mem = new LogisticRegression({ solver: 'lbfgs' }).fit(table, 'label', { sampleWeight: 'w' });
    exact.coef.forEach((c, j) => expect(c).toBeCloseTo(mem.coef[j], 5));
    const auto = new LogisticRegression().fit(table, 'label', { sampleWeight: 'w' });
    const sliced = await new LogisticRegression().fitAsync(table, 'label', { sampleWeight: 'w', worker: false });
    expectSameFit(sliced, auto);
    expect(sliced.featureNames).toEqual(['a', 'b', 'c', 'd']);
    const worker = await new LogisticRegression().fitAsync(table, 'label', { sampleWeight: 'w' });
    expectSameFit(worker, auto);
    expect(worker.featureNames).toEqual(['a', 'b', 'c', 'd']);
  });

  it('inference reads the table by the model names and labels it by them', () => {
    const m = new LogisticRegression({ penalty: 'none', solver: 'newton-cholesky', featureNames: ['a', 'b', 'c'] }).fit(table, 'label');
    const r = inference(m, table, 'label');
    expect(r.rows.map((row) => row.name)).toEqual(['(intercept)', 'a', 'b', 'c']);
    const viaRows = inference(m, rows.map((row) => row.slice(0, 3)), labels);
    expect(r.rows.map((row) => row.se)).toEqual(viaRows.rows.map((row) => row.se));
  });

  it('nulls, text features, missing columns and unnamed models get typed errors', () => {
    const withNull = tableFromArrays({ a: [1, 2, null, 4], b: [1, 2, 3, 4], y: ['p', 'q', 'p', 'q'] });
    const nullLabel = tableFromArrays({ a: [1, 2, 3, 4], y: ['p', null, 'p', 'q'] });
    const cases: [() => unknown, string, RegExp][] = [
      [() => new LogisticRegression().fit(withNull, 'y'), 'INVALID_INPUT', /feature column 'a' has 1 null values, the first at row 2/],
      [() => new LogisticRegression().fit(nullLabel, 'y'), 'INVALID_INPUT', /label column 'y' has 1 null values, the first at row 1/],
      [() => new LogisticRegression({ featureNames: ['a', 'note'] }).fit(table, 'label'), 'INVALID_INPUT', /'note' is Dictionary<Int32, Utf8>, not a numeric type/],
      [() => new LogisticRegression().fit(table, 'nope'), 'INVALID_INPUT', /no label column "nope" \(columns: a, b, c, d, label, w, note\)/],
      [() => new LogisticRegression().fit(rows, labels).predict(table), 'FEATURE_MISMATCH', /no feature names/],
      [() => new LogisticRegression().fit(table, 'label', { sampleWeight: 'note' }), 'INVALID_INPUT', /weight column 'note'/],
    ];
    for (const [run, code, message] of cases) {
      let e: unknown;
      try {
        run();
      } catch (err) {
        e = err;
      }
      expect(e).toBeInstanceOf(LogRegError);
      expect((e as LogRegError).code).toBe(code);
      expect((e as LogRegError).message).toMatch(message);
    }
  });
});
