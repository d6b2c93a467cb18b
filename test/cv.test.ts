// LogisticRegressionCV against scikit-learn's on the same explicit folds (test/fixtures/generate_cv.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogisticRegressionCV } from '../src/index.js';
import { makeProblem, root } from './helpers.js';

interface Case {
  name: string;
  scoring: 'accuracy' | 'neg_log_loss';
  X: number[][];
  y: number[];
  folds: [number[], number[]][];
  Cs: number[];
  scores: number[][];
  tightScores: number[][];
  C: number;
}
const cases = JSON.parse(readFileSync(join(root, 'test/fixtures/cv.json'), 'utf8')) as Case[];

describe('LogisticRegressionCV equals scikit-learn on the same folds', () => {
  for (const c of cases)
    it(`${c.name}: the C grid, every fold's score at every C to 1e-6, the chosen C`, () => {
      const cv = new LogisticRegressionCV({
        Cs: 10,
        cv: c.folds.map(([train, test]) => ({ train, test })),
        scoring: c.scoring,
        solver: 'newton', // the far end of the grid (C = 1e4, nearly separable) is ill-conditioned
        tol: 1e-10,
        maxIter: 100000,
      }).fit(c.X, c.y);
      cv.Cs.forEach((C, i) => expect(Math.abs(C - c.Cs[i]) / c.Cs[i]).toBeLessThan(1e-12));
      // against the tightly refitted references (scikit-learn's CV stops its lbfgs at ftol = 64ε)
      c.tightScores.forEach((fold, f) => fold.forEach((s, i) => expect(Math.abs(cv.scores[0][f][i] - s), `fold ${f}, C ${c.Cs[i]}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(s)))));
      expect(cv.C).toBe(cv.Cs[c.Cs.findIndex((C) => Math.abs(C - c.C) <= 1e-12 * c.C)]);
      expect(cv.model!.options.C).toBe(cv.C);
    });

  it('fold fits that do not converge are said once for the whole search', async () => {
    const { setWarningHandler } = await import('../src/index.js');
    const seen: string[] = [];
    setWarningHandler((w) => seen.push(w.message));
    try {
      const c = cases[0];
      new LogisticRegressionCV({ Cs: 3, cv: 3, maxIter: 2 }).fit(c.X, c.y);
    } finally {
      setWarningHandler(undefined);
    }
    expect(seen.filter((m) => /fold fits stopped before converging/.test(m))).toHaveLength(1);
  });

  it('threads: the fold fits run on one thread (the same scores, bit for bit), the refit on the pool', () => {
    const { X, y } = makeProblem(3000, 6, 4);
    const one = new LogisticRegressionCV({ Cs: 4, cv: 3 }).fit(X, y);
    const two = new LogisticRegressionCV({ Cs: 4, cv: 3, threads: 2 }).fit(X, y);
    expect(two.scores).toEqual(one.scores);
    expect(two.model!.threads).toBe(2);
    two.model!.dispose();
  });

  it('bad input: a fold count larger than the smallest class, a single-class training fold, a bad grid', () => {
    const { X, y } = cases[0];
    expect(() => new LogisticRegressionCV({ cv: 1000 }).fit(X, y)).toThrow(expect.objectContaining({ code: 'LABELS' }));
    const ones = y.map((v, i) => i);
    const single = ones.filter((i) => y[i] === 0);
    expect(() => new LogisticRegressionCV({ cv: [{ train: single, test: ones.filter((i) => y[i] === 1) }] }).fit(X, y)).toThrow(/single class/);
    expect(() => new LogisticRegressionCV({ Cs: [0] })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => new LogisticRegressionCV({ solver: 'nope' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
