// fitAsync, from the built package (the worker is dist/worker.js).
import { describe, expect, it } from 'vitest';
// @ts-ignore -- the built output, typed by dist/index.d.ts
import { LogisticRegression, setWarningHandler } from '../dist/index.js';
import { makeProblem } from './helpers.js';

const { X, y } = makeProblem(3000, 12, 21);

describe('fitAsync', () => {
  it('in a worker: progress, then the same model as fit()', async () => {
    const seen: number[] = [];
    const m = new LogisticRegression({ solver: 'gd', tol: 1e-8, maxIter: 5000 });
    await m.fitAsync(X, y, { onProgress: (p: { iteration: number }) => seen.push(p.iteration) });
    const sync = new LogisticRegression({ solver: 'gd', tol: 1e-8, maxIter: 5000 }).fit(X, y);
    expect(Array.from(m.coef)).toEqual(Array.from(sync.coef));
    expect(m.lossHistory).toEqual(sync.lossHistory);
    expect(m.nIter).toBe(sync.nIter);
  });

  it('abort (after the first progress report) rejects with AbortError and leaves the model unchanged', async () => {
    const short = new LogisticRegression({ solver: 'sgd', batchSize: 1, maxIter: 1, tol: 0 }).fit(X, y);
    const m = LogisticRegression.fromJSON(short.toJSON(), { maxIter: 100000 }); // fitted, and a long refit
    const before = JSON.stringify(m.toJSON());
    const ctl = new AbortController();
    const q = m.fitAsync(X, y, { signal: ctl.signal, onProgress: () => ctl.abort() });
    await expect(q).rejects.toMatchObject({ name: 'AbortError' });
    expect(JSON.stringify(m.toJSON())).toBe(before);
    const fresh = new LogisticRegression({ solver: 'sgd', batchSize: 1, maxIter: 100000, tol: 0 });
    const ctl2 = new AbortController();
    const r = fresh.fitAsync(X, y, { signal: ctl2.signal, onProgress: () => ctl2.abort() });
    await expect(r).rejects.toMatchObject({ name: 'AbortError' });
    expect(fresh.isFitted).toBe(false);
  });

  it('bad input is reported before any worker starts', async () => {
    const bad = X.map((r) => r.slice());
    bad[3][1] = NaN;
    await expect(new LogisticRegression().fitAsync(bad, y)).rejects.toMatchObject({ code: 'NON_FINITE', details: { row: 3, column: 1 } });
  });

  it('without a worker: slices warn once for the whole fit, and only when it did not converge', async () => {
    const seen: string[] = [];
    setWarningHandler((w) => seen.push(w.message));
    await new LogisticRegression({ tol: 1e-10, threads: 2 }).fitAsync(X, y, { worker: false });
    expect(seen).toEqual([]); // converged after several 10-iteration slices: no warning
    await new LogisticRegression({ tol: 1e-14, maxIter: 25 }).fitAsync(X, y, { worker: false });
    setWarningHandler(undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/stopped \(maxIter\) after 25 iterations/);
  });

  it('without a worker: event-loop slices reach the same optimum, and abort works between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const m = new LogisticRegression({ tol: 1e-10 });
    await m.fitAsync(X, y, { worker: false });
    clearInterval(timer);
    const sync = new LogisticRegression({ tol: 1e-10 }).fit(X, y);
    for (let j = 0; j < 12; j++) expect(m.coef[j]).toBeCloseTo(sync.coef[j], 7);
    expect(m.converged).toBe(true);
    expect(ticks).toBeGreaterThan(0); // the event loop ran during the fit
    const ctl = new AbortController();
    ctl.abort();
    await expect(new LogisticRegression().fitAsync(X, y, { worker: false, signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('two models fitted interleaved give the results of sequential fits', async () => {
    const other = makeProblem(2000, 8, 5);
    const [a, b] = await Promise.all([
      new LogisticRegression({ solver: 'newton' }).fitAsync(X, y),
      new LogisticRegression({ solver: 'sgd', seed: 4, maxIter: 20 }).fitAsync(other.X, other.y),
    ]);
    const a2 = new LogisticRegression({ solver: 'newton' }).fit(X, y);
    const b2 = new LogisticRegression({ solver: 'sgd', seed: 4, maxIter: 20 }).fit(other.X, other.y);
    expect(Array.from(a.coef)).toEqual(Array.from(a2.coef));
    expect(Array.from(b.coef)).toEqual(Array.from(b2.coef));
  });
});
