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
    expect(seen).toEqual([]); // converged across several slices: no warning
    await new LogisticRegression({ solver: 'lbfgs', tol: 1e-14, maxIter: 12 }).fitAsync(X, y, { worker: false });
    setWarningHandler(undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/stopped \(maxIter\) after 12 iterations/);
  });

  it('without a worker: the slices resume the fit, so every solver gives fit()’s bits (binary, multinomial, one-vs-rest)', async () => {
    const y3 = y.map((v: number, i: number) => (i % 5 === 0 ? 2 : v));
    const kinds = [['binary', y, 'auto'], ['multinomial', y3, 'auto'], ['ovr', y3, 'ovr']] as const;
    setWarningHandler(null);
    try {
      for (const solver of ['lbfgs', 'newton', 'gd', 'sgd', 'momentum', 'nesterov', 'adam', 'saga'] as const)
        for (const [kind, labels, multiClass] of kinds) {
          if (solver === 'saga' && kind === 'multinomial') continue;
          const o = { solver, multiClass, maxIter: 60, tol: 1e-10, seed: 2 };
          const sliced = await new LogisticRegression(o).fitAsync(X, labels, { worker: false });
          const sync = new LogisticRegression(o).fit(X, labels);
          const what = `${solver} ${kind}`;
          expect(Array.from(sliced.coef), what).toEqual(Array.from(sync.coef));
          expect(Array.from(sliced.intercepts), what).toEqual(Array.from(sync.intercepts));
          expect(sliced.lossHistory, what).toEqual(sync.lossHistory);
          expect(sliced.nIter, what).toBe(sync.nIter);
        }
    } finally {
      setWarningHandler(undefined);
    }
  });

  it('without a worker: the event loop runs during the fit, and a timer’s abort stops it between slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const opts = { solver: 'gd', maxIter: 300, tol: 0 } as const;
    await new LogisticRegression(opts).fitAsync(X, y, { worker: false });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    const m = new LogisticRegression({ solver: 'newton' }).fit(X, y);
    const before = JSON.stringify(m.toJSON());
    const refit = LogisticRegression.fromJSON(m.toJSON(), { solver: 'gd', maxIter: 1e6, tol: 0 });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 30);
    await expect(refit.fitAsync(X, y, { worker: false, signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(JSON.stringify(refit.toJSON().coef)).toBe(JSON.stringify(JSON.parse(before).coef));
  });

  it('in a worker: its warnings reach this thread’s handler', async () => {
    const seen: string[] = [];
    setWarningHandler((w: { code: string }) => seen.push(w.code));
    try {
      await new LogisticRegression({ solver: 'gd', maxIter: 3 }).fitAsync(X, y);
    } finally {
      setWarningHandler(undefined);
    }
    expect(seen).toEqual(['CONVERGENCE']);
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
