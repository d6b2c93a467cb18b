// fitStream with lbfgs, newton and newton-cholesky: the exact optimum of a re-readable stream,
// one pass per evaluation, equal to the in-memory fit; bad streams leave the model as it was.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogisticRegression, LogRegError, csvBatches, logisticObjective, setWarningHandler } from '../src/index.js';
import { makeProblem } from './helpers.js';

setWarningHandler(null);
const n = 1200;
const { X: X0, y } = makeProblem(n, 5, 11);
// raw-looking columns: an offset and very different scales
const X = X0.map((r) => [r[0] * 50 + 300, r[1] * 0.02, r[2], r[3] + 4, r[4] * 3]);
const sw = Array.from({ length: n }, (_, i) => 0.25 + (i % 7) / 4);

function J(m: LogisticRegression, C: number, sampleWeight?: number[]): number {
  const obj = logisticObjective(X, y, { C, sampleWeight });
  const x = Float64Array.of(...m.coef, m.intercepts[0]);
  const v = obj.valueAndGradient(x, new Float64Array(x.length));
  obj.dispose();
  return v;
}

/** A re-readable source: an array of batches (uneven sizes). */
function batchesOf(size: number, weights?: number[]) {
  const out = [];
  for (let i = 0; i < n; i += size) out.push({ X: X.slice(i, i + size), y: y.slice(i, i + size), ...(weights ? { sampleWeight: weights.slice(i, i + size) } : {}) });
  return out;
}

describe('fitStream, exact solvers', () => {
  for (const solver of ['lbfgs', 'newton', 'newton-cholesky'] as const)
    it(`${solver}: J within 1e-10 of the in-memory fit, with sample weights`, async () => {
      const mem = new LogisticRegression({ solver: 'newton-cholesky', C: 0.3, tol: 1e-10 }).fit(X, y, { sampleWeight: sw });
      const passes: number[] = [];
      const m = await new LogisticRegression({ solver, C: 0.3, tol: 1e-8 }).fitStream(batchesOf(97, sw), {
        classes: [0, 1],
        onProgress: (p) => passes.push(p.epoch),
      });
      expect(m.converged).toBe(true);
      const Jm = J(mem, 0.3, sw);
      expect((J(m, 0.3, sw) - Jm) / Jm).toBeLessThan(1e-10);
      expect(m.solverUsed).toBe(solver);
      expect(Math.max(...passes)).toBeGreaterThan(2);
      m.coef.forEach((c, j) => expect(c).toBeCloseTo(mem.coef[j], 4));
    });

  it('lbfgs over k classes: the in-memory multinomial optimum, with weights', async () => {
    // well-scaled columns: lbfgs on the raw-looking ones needs more than maxIter in memory too
    const labels3 = X0.map((r, i) => (r[2] > 0.5 ? 'c' : y[i] ? 'b' : 'a'));
    const batches3 = [];
    for (let i = 0; i < n; i += 150) batches3.push({ X: X0.slice(i, i + 150), y: labels3.slice(i, i + 150), sampleWeight: sw.slice(i, i + 150) });
    const m = await new LogisticRegression({ solver: 'lbfgs', C: 0.5, tol: 1e-8 }).fitStream(batches3, { classes: ['a', 'b', 'c'] });
    const mem = new LogisticRegression({ solver: 'lbfgs', C: 0.5, tol: 1e-10 }).fit(X0, labels3, { sampleWeight: sw });
    expect(m.kind).toBe('multinomial');
    expect(m.converged).toBe(true);
    expect(mem.converged).toBe(true);
    const Jm = m.lossHistory.at(-1)!;
    const Jmem = mem.lossHistory.at(-1)!;
    expect(Math.abs(Jm - Jmem) / Jmem).toBeLessThan(1e-10);
    m.coef.forEach((c, j) => expect(c).toBeCloseTo(mem.coef[j], 4));
  });

  it('reads csvBatches and an async generator function the same as arrays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exact-stream-'));
    const file = join(dir, 'd.csv');
    writeFileSync(file, 'a,b,c,d,e,label\n' + X.map((r, i) => `${r.join(',')},${y[i] ? 'yes' : 'no'}`).join('\n'));
    const a = await new LogisticRegression({ solver: 'lbfgs' }).fitStream(csvBatches(file, { target: 'label', batchSize: 250 }), { classes: ['no', 'yes'] });
    const b = await new LogisticRegression({ solver: 'lbfgs' }).fitStream(
      async function* () {
        for (const batch of batchesOf(250)) yield batch;
      },
      { classes: [0, 1] },
    );
    expect(a.coef).toEqual(b.coef); // the same rows in the same order: the same bits
    const mem = new LogisticRegression({ solver: 'newton-cholesky', tol: 1e-10 }).fit(X, y);
    expect((J(a, 1) - J(mem, 1)) / J(mem, 1)).toBeLessThan(1e-10);
  });

  it('refuses what it cannot do exactly, with typed errors', async () => {
    const m = new LogisticRegression({ solver: 'lbfgs' });
    function* once() {
      yield* batchesOf(200);
    }
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [() => m.fitStream(once(), { classes: [0, 1] }), 'INVALID_INPUT', /can be read again/],
      [() => m.fitStream(batchesOf(200), { classes: [0, 1], epochs: 2 }), 'INVALID_OPTION', /epochs is for the stochastic solvers/],
      [() => new LogisticRegression({ solver: 'newton' }).fitStream(batchesOf(200), { classes: [0, 1, 2] }), 'INVALID_OPTION', /runs solver 'lbfgs'/],
      [() => new LogisticRegression({ solver: 'lbfgs', multiClass: 'ovr' }).fitStream(batchesOf(200), { classes: [0, 1, 2] }), 'INVALID_OPTION', /one-vs-rest/],
      [() => new LogisticRegression({ solver: 'lbfgs', standardize: true }).fitStream(batchesOf(200), { classes: [0, 1] }), 'INVALID_OPTION', /StandardScaler/],
      [() => m.fitStream([], { classes: [0, 1] }), 'EMPTY_DATA', /no batches/],
    ];
    for (const [run, code, message] of cases) {
      const e = await run().then(() => null, (err) => err as LogRegError);
      expect(e).toBeInstanceOf(LogRegError);
      expect(e!.code).toBe(code);
      expect(e!.message).toMatch(message);
    }
  });

  it('a bad value names the batch and the row in the stream; the model stays as it was', async () => {
    const m = await new LogisticRegression({ solver: 'lbfgs' }).fitStream(batchesOf(200), { classes: [0, 1] });
    const before = m.toJSON();
    const bad = batchesOf(200);
    bad[2] = { ...bad[2], X: bad[2].X.map((r, i) => (i === 5 ? [r[0], NaN, ...r.slice(2)] : r)) };
    const e = await m.fitStream(bad, { classes: [0, 1] }).then(() => null, (err) => err as LogRegError);
    expect(e?.code).toBe('NON_FINITE');
    expect(e?.message).toMatch(/stream batch 2 \(from row 400\)/);
    expect(e?.details.row).toBe(405);
    expect(m.toJSON()).toEqual(before);
  });

  it('a stream that fails mid-pass, or changes between passes, leaves the model as it was', async () => {
    const m = await new LogisticRegression({ solver: 'lbfgs' }).fitStream(batchesOf(200), { classes: [0, 1] });
    const before = m.toJSON();
    let calls = 0;
    const failing = async function* () {
      calls++;
      for (const [i, b] of batchesOf(200).entries()) {
        if (calls === 4 && i === 3) throw new Error('disk gone');
        yield b;
      }
    };
    await expect(m.fitStream(failing, { classes: [0, 1] })).rejects.toThrow('disk gone');
    expect(m.toJSON()).toEqual(before);
    let pass = 0;
    const shrinking = () => (++pass === 3 ? batchesOf(200).slice(1) : batchesOf(200));
    const e = await m.fitStream(shrinking, { classes: [0, 1] }).then(() => null, (err) => err as LogRegError);
    expect(e?.message).toMatch(/same rows on every pass/);
    expect(m.toJSON()).toEqual(before);
  });

  it('an abort mid-fit rejects and leaves the model unfitted', async () => {
    const ac = new AbortController();
    const m = new LogisticRegression({ solver: 'lbfgs' });
    const p = m.fitStream(batchesOf(50), { classes: [0, 1], signal: ac.signal, onProgress: (q) => q.epoch === 2 && ac.abort() });
    await expect(p).rejects.toThrow(/abort/i);
    expect(() => m.coef).toThrow(/fit/);
  });
});
