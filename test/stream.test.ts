// Out-of-core training: partialFit and fitStream (with the CSV batch reader).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogisticRegression, csvBatches, logisticObjective, setWarningHandler } from '../src/index.js';
import { sklearnFixture } from './helpers.js';

setWarningHandler(null);
const fx = sklearnFixture();
const { X, y } = fx.datasets['breast-cancer-std'];
const optimum = fx.cases[0].objective; // C = 1

/** J of (coef, intercept) on the whole data, in the package's convention (C = 1). */
function J(m: LogisticRegression): number {
  const obj = logisticObjective(X, y, { C: 1 });
  const x = Float64Array.of(...m.coef, m.intercepts[0]);
  const v = obj.valueAndGradient(x, new Float64Array(x.length));
  obj.dispose();
  return v;
}

function* batches(size: number) {
  for (let i = 0; i < X.length; i += size) yield { X: X.slice(i, i + size), y: y.slice(i, i + size) };
}

describe('partialFit', () => {
  it('needs classes first, refuses labels outside them, other solvers and other widths', () => {
    const m = new LogisticRegression({ solver: 'sgd' });
    expect(() => m.partialFit(X.slice(0, 10), y.slice(0, 10))).toThrow(/needs \{ classes \}/);
    m.partialFit(X.slice(0, 10), y.slice(0, 10), { classes: [0, 1] });
    expect(() => m.partialFit(X.slice(0, 5), [0, 1, 2, 0, 1])).toThrow(/y has 2 at row 2/);
    expect(() => m.partialFit([[1, 2]], [0])).toThrow(/30/);
    expect(() => new LogisticRegression({ solver: 'lbfgs' }).partialFit(X, y, { classes: [0, 1] })).toThrow(/stochastic solver/);
    // an option that cannot be honoured batch by batch is refused, not ignored
    expect(() => new LogisticRegression({ solver: 'sgd', classWeight: 'balanced' }).partialFit(X, y, { classes: [0, 1] })).toThrow(/'balanced' needs the whole data set/);
  });

  it('each call is one pass; calls accumulate towards the optimum', () => {
    const m = new LogisticRegression({ solver: 'sgd', batchSize: 16, seed: 1 });
    const gaps: number[] = [];
    for (let epoch = 0; epoch < 30; epoch++) {
      for (const b of batches(50)) m.partialFit(b.X, b.y, { classes: [0, 1] });
      gaps.push((J(m) - optimum) / optimum);
    }
    expect(gaps[29]).toBeLessThan(gaps[0]);
    expect(gaps[29]).toBeLessThan(0.05);
    expect(m.nIter).toBe(30 * 12);
  });

  it('multiclass: a softmax model trained online', () => {
    const w = fx.datasets['breast-cancer-std'];
    const labels = w.y.map((v, i) => (v === 1 ? (i % 2 ? 'b1' : 'b2') : 'm'));
    const m = new LogisticRegression({ solver: 'adam', batchSize: 32, seed: 2 });
    for (let e = 0; e < 20; e++) for (let i = 0; i < w.X.length; i += 100) m.partialFit(w.X.slice(i, i + 100), labels.slice(i, i + 100), { classes: ['b1', 'b2', 'm'] });
    expect(m.kind).toBe('multinomial');
    expect(m.coefShape).toEqual([3, 30]);
    const pred = m.predict(w.X);
    const acc = pred.filter((p, i) => (p === 'm') === (labels[i] === 'm')).length / pred.length;
    expect(acc).toBeGreaterThan(0.95);
  });
});

describe('fitStream', () => {
  it('streaming breast cancer in batches of 50 reaches the in-memory SGD result', async () => {
    const opts = { solver: 'sgd' as const, batchSize: 32, seed: 3, maxIter: 200, tol: 0 };
    const memory = new LogisticRegression(opts).fit(X, y);
    const streamed = await new LogisticRegression(opts).fitStream(() => batches(50), { classes: [0, 1], epochs: 200 });
    const jm = J(memory);
    const js = J(streamed);
    expect((jm - optimum) / optimum).toBeLessThan(5e-3);
    expect((js - optimum) / optimum).toBeLessThan(5e-3);
    expect(Math.abs(js - jm) / jm).toBeLessThan(5e-3);
  });

  it('reads a CSV file in batches (csvBatches), several epochs, same answer as the in-memory arrays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logreg-stream-'));
    const file = join(dir, 'bc.csv');
    const header = Array.from({ length: 30 }, (_, j) => `f${j}`).concat('label');
    writeFileSync(file, [header.join(','), ...X.map((r, i) => [...r.map(String), y[i] ? 'benign' : 'malignant'].join(','))].join('\n') + '\n');
    const opts = { solver: 'adam' as const, batchSize: 25, seed: 4 };
    const fromCsv = await new LogisticRegression(opts).fitStream(csvBatches(file, { target: 'label', batchSize: 50 }), {
      classes: ['benign', 'malignant'],
      epochs: 5,
    });
    const fromArrays = await new LogisticRegression(opts).fitStream(
      () => Array.from(batches(50), (b) => ({ X: b.X, y: b.y.map((v) => (v ? 'benign' : 'malignant')) })),
      { classes: ['benign', 'malignant'], epochs: 5 },
    );
    expect(Array.from(fromCsv.coef)).toEqual(Array.from(fromArrays.coef));
    expect(fromCsv.score(X, y.map((v) => (v ? 'benign' : 'malignant')))).toBeGreaterThan(0.95);
  });

  it('a bad batch mid-stream rejects with its position and leaves the model unchanged', async () => {
    const m = new LogisticRegression({ solver: 'sgd', maxIter: 2 }).fit(X, y);
    const before = JSON.stringify(m.toJSON());
    function* bad() {
      yield { X: X.slice(0, 50), y: y.slice(0, 50) };
      const Xb = X.slice(50, 100).map((r) => r.slice());
      Xb[7][3] = NaN;
      yield { X: Xb, y: y.slice(50, 100) };
    }
    await expect(m.fitStream(bad, { classes: [0, 1] })).rejects.toMatchObject({ code: 'NON_FINITE', details: { row: 7, column: 3 } });
    expect(JSON.stringify(m.toJSON())).toBe(before);
    await expect(m.fitStream(bad, {})).rejects.toThrow(/classes/);
    const ctl = new AbortController();
    ctl.abort();
    await expect(m.fitStream(() => batches(50), { classes: [0, 1], signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(JSON.stringify(m.toJSON())).toBe(before);
  });
});

describe('the online step is pure', () => {
  it('stepping twice from one state gives the same next state: the state itself is not changed (momentum, adam)', async () => {
    const { newOnlineState, onlineStep } = await import('../src/model/train/online.js');
    const { readBatch, readClasses } = await import('../src/model/train/batch-input.js');
    const { resolveOptions } = await import('../src/model/options.js');
    const { kernelsFor } = await import('../src/engine/select.js');
    for (const solver of ['momentum', 'adam'] as const) {
      const o = resolveOptions({ solver, batchSize: 7, seed: 5 });
      const s = newOnlineState(o, readClasses([0, 1]), X[0].length, null);
      const b = readBatch(o, s.classes, s.nFeatures, X.slice(0, 60), y.slice(0, 60), undefined);
      const first = onlineStep(s, o, kernelsFor('wasm'), b, 60, 1);
      const again = onlineStep(s, o, kernelsFor('wasm'), b, 60, 1);
      expect(Array.from(again.next.x)).toEqual(Array.from(first.next.x));
      expect(again.loss).toBe(first.loss);
      expect(s.steps).toBe(0);
      expect(s.eta0).toBeNull();
      expect(Array.from(s.x).every((v) => v === 0)).toBe(true);
      // the next step from the first result continues the optimiser's memory
      const second = onlineStep(first.next, o, kernelsFor('wasm'), b, 60, 2);
      expect(second.next.steps).toBe(2);
    }
  });
});
