// CSV files in byte ranges: lines split at any byte add up to the file's, csvBatches over ranges
// gives the file's rows, the shard plan knows the rows before each shard, and fitStream's exact
// solvers read ranges on worker threads (the built package) with the one-thread optimum.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linesOf } from '../src/io/lines.js';
import { csvShardPlan } from '../src/io/csv-shards.js';
import { csvBatches, logisticObjective } from '../src/index.js';
import { makeProblem, prng } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'logreg-csv-shards-'));

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const v of it) out.push(v);
  return out;
}

describe('CSV byte ranges', () => {
  it('lines starting in [from, until) over any cuts add up to the whole file (\\n, \\r\\n, blank lines, no final newline)', async () => {
    const file = join(dir, 'lines.txt');
    writeFileSync(file, 'head\r\nalpha,1\n\n  \nbeta,22\r\nγάμμα,333\n\nlast,4');
    const whole = (await all(linesOf(file))).map((l) => l.text);
    expect(whole).toEqual(['head', 'alpha,1', '', '  ', 'beta,22', 'γάμμα,333', '', 'last,4']);
    const size = statSync(file).size;
    const r = prng(5);
    for (let trial = 0; trial < 40; trial++) {
      const cuts = [0, ...Array.from({ length: 3 }, () => Math.floor(r() * size)).sort((a, b) => a - b), size];
      const parts: string[] = [];
      for (let k = 0; k + 1 < cuts.length; k++) if (cuts[k] < cuts[k + 1]) parts.push(...(await all(linesOf(file, cuts[k], cuts[k + 1]))).map((l) => l.text));
      expect(parts).toEqual(whole);
    }
  });

  it('csvBatches over byte ranges gives the rows of the whole file; the plan counts the rows before each shard', async () => {
    const { X, y } = makeProblem(500, 3, 4);
    const file = join(dir, 'data.csv');
    writeFileSync(file, '\na,b,c,label\n' + X.map((row, i) => `${row.join(',')},${y[i] ? 'yes' : 'no'}${i % 97 === 0 ? '\n' : ''}`).join('\n') + '\n');
    const rowsOf = async (source: AsyncIterable<{ X: { data: Float64Array }; y: unknown[] }>) => (await all(source)).flatMap((b) => b.y);
    const whole = await rowsOf(csvBatches(file, { target: 'label', batchSize: 64 }));
    expect(whole.length).toBe(500);
    for (const threads of [2, 3, 7]) {
      const plan = await csvShardPlan(file, {}, threads, 64, 4);
      expect(plan.shards.length).toBe(threads);
      let before = 0;
      const parts: unknown[] = [];
      for (const { source, firstRow } of plan.shards) {
        expect(firstRow).toBe(before);
        if (source.kind !== 'csv') throw new Error('a csv plan');
        const rows = await rowsOf(csvBatches(file, { target: 'label', batchSize: 64, byteRange: source.byteRange }));
        before += rows.length;
        parts.push(...rows);
      }
      expect(parts).toEqual(whole);
    }
  });

  it('threads: 2 reads the byte ranges on workers: the one-thread optimum, the same bits every run, errors naming the file line', async () => {
    const dist = await import('../dist/index.js');
    const warnings: string[] = [];
    dist.setWarningHandler((w: { code: string }) => warnings.push(w.code));
    const { X, y } = makeProblem(3000, 4, 9);
    const file = join(dir, 'fit.csv');
    writeFileSync(file, 'a,b,c,d,label\n' + X.map((row, i) => `${row.map((v) => v * 10 + 1).join(',')},${y[i]}`).join('\n') + '\n');
    const fit = (threads: number) => new dist.LogisticRegression({ solver: 'lbfgs', threads }).fitStream(dist.csvBatches(file, { target: 'label', batchSize: 256 }), { classes: [0, 1] });
    const [one, two, again] = [await fit(1), await fit(2), await fit(2)];
    expect(Array.from(two.coef)).toEqual(Array.from(again.coef));
    const obj = logisticObjective(X.map((row) => row.map((v) => v * 10 + 1)), y);
    const J = (m: { coef: Float64Array; intercepts: Float64Array }) => obj.valueAndGradient(Float64Array.of(...m.coef, m.intercepts[0]), new Float64Array(5));
    expect(Math.abs(J(two) - J(one)) / J(one)).toBeLessThan(1e-10);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'a,b,c,d,label\n' + X.map((row, i) => (i === 2500 ? 'x,1,2,3,0' : `${row.join(',')},${y[i]}`)).join('\n') + '\n');
    const e = await new dist.LogisticRegression({ solver: 'lbfgs', threads: 2 }).fitStream(dist.csvBatches(bad, { target: 'label' }), { classes: [0, 1] }).then(() => null, (err: Error) => err);
    expect(e?.name).toBe('CsvError');
    expect(e?.message).toMatch(/bad\.csv:2502:1: /);
    expect(warnings).toEqual([]);
    dist.setWarningHandler(null);
    obj.dispose();
  });
});
