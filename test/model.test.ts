// The LogisticRegression contract: inputs, labels, predictions, JSON, determinism, backends.
import { describe, expect, it } from 'vitest';
import { LogisticRegression, init } from '../src/index.js';
import { flat, makeProblem } from './helpers.js';

const { X, y } = makeProblem(200, 5, 1);

describe('inputs and labels', () => {
  it('number[][], { data, rows, cols } (f64 and f32) and ml-matrix-like objects give the same fit', () => {
    const a = new LogisticRegression().fit(X, y);
    const b = new LogisticRegression().fit({ data: flat(X), rows: 200, cols: 5 }, y);
    const c = new LogisticRegression().fit({ rows: 200, columns: 5, get: (i: number, j: number) => X[i][j] }, y);
    const e = new LogisticRegression().fit({ rows: 200, columns: 5, to2DArray: () => X }, y);
    for (const m of [b, c, e]) {
      expect(Array.from(m.coef)).toEqual(Array.from(a.coef));
      expect(m.intercept).toBe(a.intercept);
    }
    const f32 = Float32Array.from(flat(X));
    const f = new LogisticRegression().fit({ data: f32, rows: 200, cols: 5 }, y);
    const g = new LogisticRegression().fit({ data: Float64Array.from(f32), rows: 200, cols: 5 }, y);
    expect(Array.from(f.coef)).toEqual(Array.from(g.coef));
  });

  it('string and boolean labels: classes sorted, predictions are labels', () => {
    const ys = y.map((v) => (v ? 'yes' : 'no'));
    const m = new LogisticRegression().fit(X, ys);
    expect(m.classes).toEqual(['no', 'yes']);
    const ref = new LogisticRegression().fit(X, y);
    expect(Array.from(m.coef)).toEqual(Array.from(ref.coef));
    expect(m.predict(X.slice(0, 20))).toEqual(ref.predict(X.slice(0, 20)).map((v) => (v ? 'yes' : 'no')));
    const mb = new LogisticRegression().fit(X, y.map((v) => v === 1));
    expect(mb.classes).toEqual([false, true]);
    // numeric labels sort numerically, not as strings
    const mn = new LogisticRegression().fit(X, y.map((v) => (v ? 10 : 9)));
    expect(mn.classes).toEqual([9, 10]);
    expect(Array.from(mn.coef)).toEqual(Array.from(ref.coef));
  });
});

describe('predictions', () => {
  const m = new LogisticRegression({ C: 0.5 }).fit(X, y);
  it('decisionFunction, predictProba and predict are consistent', () => {
    const z = m.decisionFunction(X);
    const p = m.predictProba(X);
    const labels = m.predict(X);
    for (let i = 0; i < X.length; i++) {
      let zi = m.intercepts[0];
      for (let j = 0; j < 5; j++) zi += X[i][j] * m.coef[j];
      expect(z[i]).toBeCloseTo(zi, 12);
      expect(p[i]).toBeCloseTo(1 / (1 + Math.exp(-zi)), 14);
      expect(labels[i]).toBe(p[i] >= 0.5 ? 1 : 0);
    }
    expect(m.score(X, y)).toBeGreaterThan(0.8);
    expect(m.score(X, labels)).toBe(1);
  });

  it('toJSON / fromJSON round trip gives bit-identical predictions (object and string)', () => {
    const json = m.toJSON();
    for (const back of [LogisticRegression.fromJSON(json), LogisticRegression.fromJSON(JSON.stringify(json))]) {
      expect(Array.from(back.decisionFunction(X))).toEqual(Array.from(m.decisionFunction(X)));
      expect(Array.from(back.predictProba(X))).toEqual(Array.from(m.predictProba(X)));
      expect(back.classes).toEqual(m.classes);
      expect(back.options.C).toBe(0.5);
    }
  });

  it('js and wasm models give the same probabilities to 1e-12', () => {
    const j = new LogisticRegression({ C: 0.5, backend: 'js' }).fit(X, y);
    expect(j.backend).toBe('js');
    expect(m.backend).toBe('wasm');
    const a = m.predictProba(X);
    const b = j.predictProba(X);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-12);
  });
});

describe('solver bookkeeping', () => {
  it('records nIter, converged and one loss per iteration, decreasing for gd', () => {
    const m = new LogisticRegression({ solver: 'gd', tol: 1e-8 }).fit(X, y);
    expect(m.converged).toBe(true);
    expect(m.lossHistory.length).toBe(m.nIter + 1);
    for (let i = 1; i < m.lossHistory.length; i++) expect(m.lossHistory[i]).toBeLessThanOrEqual(m.lossHistory[i - 1]);
  });

  it('stops at maxIter with converged = false', () => {
    const m = new LogisticRegression({ solver: 'gd', maxIter: 3, tol: 1e-12 }).fit(X, y);
    expect(m.nIter).toBe(3);
    expect(m.converged).toBe(false);
  });

  it('a fixed learning rate is honoured by gd', () => {
    const m = new LogisticRegression({ solver: 'gd', learningRate: 0.5, maxIter: 5000, tol: 1e-8 }).fit(X, y);
    const ref = new LogisticRegression({ solver: 'gd', tol: 1e-10 }).fit(X, y);
    expect(m.converged).toBe(true);
    for (let j = 0; j < 5; j++) expect(m.coef[j]).toBeCloseTo(ref.coef[j], 5);
  });

  it('onIteration returning false stops the fit', () => {
    let calls = 0;
    const m = new LogisticRegression({
      onIteration: () => {
        calls++;
        return calls < 4;
      },
    }).fit(X, y);
    expect(m.nIter).toBe(4);
  });

  it('squared loss trains too (and to the same decision on easy data)', () => {
    const m = new LogisticRegression({ loss: 'squared', maxIter: 5000 }).fit(X, y);
    const log = new LogisticRegression({ maxIter: 5000 }).fit(X, y);
    expect(Array.from(m.coef)).not.toEqual(Array.from(log.coef)); // another loss, another optimum
    const a = m.predict(X);
    const b = log.predict(X);
    expect(a.filter((v, i) => v === b[i]).length / a.length).toBeGreaterThanOrEqual(0.97);
  });
});

describe('determinism', () => {
  for (const solver of ['sgd', 'momentum', 'nesterov', 'gd'] as const)
    it(`${solver}: the same seed gives bit-identical weights; another seed differs for sgd`, () => {
      const opts = { solver, seed: 7, maxIter: 30, batchSize: solver === 'gd' ? undefined : 16 };
      const a = new LogisticRegression(opts).fit(X, y);
      const b = new LogisticRegression(opts).fit(X, y);
      expect(Array.from(a.coef)).toEqual(Array.from(b.coef));
      expect(a.intercept).toBe(b.intercept);
      if (solver === 'sgd') {
        const c = new LogisticRegression({ ...opts, seed: 8 }).fit(X, y);
        expect(Array.from(c.coef)).not.toEqual(Array.from(a.coef));
      }
    });
});

describe('init', () => {
  it('concurrent init() calls share one compilation and resolve (a fresh process: nothing compiled before)', async () => {
    await init();
    const { execFileSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { root } = await import('./helpers.js');
    const out = execFileSync(process.execPath, [join(root, 'test/consumers/init-concurrent.mjs')], { cwd: root });
    expect(JSON.parse(out.toString())).toEqual({ compiles: 1, resolved: 3, backend: 'wasm' });
  });
});
