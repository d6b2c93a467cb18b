// Mistakes a user makes that once passed silently: each now gets a typed error or one warning.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { LogisticRegression, setWarningHandler, type LogRegWarning } from '../dist/index.js';
import { makeProblem, root } from './helpers.js';

const { X, y } = makeProblem(200, 3, 5);

function collectWarnings(): LogRegWarning[] {
  const seen: LogRegWarning[] = [];
  setWarningHandler((w) => seen.push(w));
  return seen;
}
afterEach(() => setWarningHandler(undefined));

describe('labels', () => {
  it('a continuous target is refused as scikit-learn does, naming the row', () => {
    const cont = y.map((v, i) => (i === 7 ? 0.25 : v));
    expect(() => new LogisticRegression().fit(X, cont)).toThrow(/Unknown label type: continuous \(y has 0\.25 at row 7\)/);
    expect(() => new LogisticRegression().fit(X, cont)).toThrow(expect.objectContaining({ code: 'LABELS', details: { row: 7, value: 0.25 } }));
  });

  it('given { classes }, numeric labels that are not integers are classes; a label outside them is an error', () => {
    const half = y.map((v) => v / 2);
    const m = new LogisticRegression().fit(X, half, { classes: [0.5, 0] });
    expect(m.classes).toEqual([0, 0.5]);
    const same = new LogisticRegression().fit(X, y);
    expect(Array.from(m.coef)).toEqual(Array.from(same.coef));
    expect(() => new LogisticRegression().fit(X, half, { classes: [0, 1] })).toThrow(/y has 0\.5 at row \d+, which is not among the classes \(0, 1\)/);
  });

  it('score with labels of another type than the model was fitted with is an error, not 0', () => {
    const m = new LogisticRegression().fit(X, y);
    expect(m.score(X, y)).toBeGreaterThan(0.5);
    expect(() => m.score(X, y.map(String))).toThrow(expect.objectContaining({ code: 'LABELS', message: expect.stringMatching(/string labels but the model's classes are numbers/) }));
  });

  it('fitAsync refuses a continuous target before starting a worker', async () => {
    await expect(new LogisticRegression().fitAsync(X, y.map((v) => v + 0.25), { worker: false })).rejects.toMatchObject({ code: 'LABELS' });
  });
});

describe('fitStream', () => {
  function* batches() {
    for (let i = 0; i < 200; i += 50) yield { X: X.slice(i, i + 50), y: y.slice(i, i + 50) };
  }
  const opts = { solver: 'sgd', batchSize: 10 } as const;

  it('several epochs over a one-shot generator object are refused up front, before any update', async () => {
    const m = new LogisticRegression(opts);
    await expect(m.fitStream(batches(), { classes: [0, 1], epochs: 3 })).rejects.toThrow(/3 epochs need a source that can be read again/);
    expect(m.isFitted).toBe(false);
  });

  it('one epoch over a generator object, and several over a function, still work', async () => {
    expect((await new LogisticRegression(opts).fitStream(batches(), { classes: [0, 1] })).isFitted).toBe(true);
    const progress: { epoch: number; batches: number; rows: number }[] = [];
    const m = await new LogisticRegression(opts).fitStream(batches, { classes: [0, 1], epochs: 3, onProgress: ({ epoch, batches, rows }) => progress.push({ epoch, batches, rows }) });
    expect(m.nIter).toBe(12);
    // rows read so far in the epoch, in every epoch
    expect(progress.filter((p) => p.batches === 4)).toEqual([1, 2, 3].map((epoch) => ({ epoch, batches: 4, rows: 200 })));
  });
});

describe('warnings', () => {
  it("a line-search stop advises what fits it (not 'raise maxIter')", () => {
    const seen = collectWarnings();
    const m = new LogisticRegression({ solver: 'newton', tol: 1e-17, maxIter: 500 }).fit(X, y);
    expect(m.converged).toBe(false);
    expect(seen).toHaveLength(1);
    expect(seen[0].message).toMatch(/stopped \(lineSearch\)/);
    expect(seen[0].message).toMatch(/loosen tol or standardise the features$/);
    expect(seen[0].message).not.toMatch(/maxIter/);
  });

  it('where synchronous compilation is refused, a fit without init() says once that it computes on js', () => {
    const out = execFileSync(process.execPath, [join(root, 'test/consumers/sync-refused.cjs')], { cwd: root });
    const r = JSON.parse(out.toString());
    expect(r.before).toEqual(['js', 'js']);
    expect(r.after).toBe('wasm');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].code).toBe('BACKEND');
    expect(r.warnings[0].message).toMatch(/computing with the js backend: the kernels could not be compiled \(.*disallowed.*\); in browsers, await init\(\)/);
  });
});
