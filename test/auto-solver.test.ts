// solver 'auto': the rule (model/train/auto-solver.ts) on each side of its thresholds, what a fit
// reports it ran, and that its fits reach scikit-learn's optimum like the solver it chose.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogisticRegression } from '../src/index.js';
import { autoSolver, nearlyStandardised, FULL_HESSIAN_ANY_SCALE, FULL_HESSIAN_MAX } from '../src/model/train/auto-solver.js';
import { resolveOptions } from '../src/model/options.js';
import { makeProblem, root } from './helpers.js';

const stats = (mean: number[], variance: number[]) => () => ({ mean: Float64Array.from(mean), variance: Float64Array.from(variance) });
const standard = (d: number) => stats(new Array(d).fill(0.01), new Array(d).fill(1));
const raw = (d: number) => stats(Array.from({ length: d }, (_, j) => 5 + j), new Array(d).fill(4));

describe('the rule', () => {
  const o = resolveOptions({});
  it('L1 parts and the squared loss: lbfgs; multinomial: newton', () => {
    expect(autoSolver(resolveOptions({ penalty: 'l1' }), { kind: 'binary', rows: 100, cols: 5, stats: standard(5), sparse: false })).toBe('lbfgs');
    expect(autoSolver(resolveOptions({ penalty: 'elasticnet' }), { kind: 'binary', rows: 100, cols: 5, stats: standard(5), sparse: false })).toBe('lbfgs');
    expect(autoSolver(resolveOptions({ loss: 'squared' }), { kind: 'binary', rows: 100, cols: 5, stats: standard(5), sparse: false })).toBe('lbfgs');
    expect(autoSolver(o, { kind: 'multinomial', rows: 100, cols: 5, stats: standard(5), sparse: false })).toBe('newton');
  });
  it('few features: newton-cholesky at any scale, without reading the column stats', () => {
    const never = () => {
      throw new Error('stats read');
    };
    expect(autoSolver(o, { kind: 'binary', rows: 100, cols: FULL_HESSIAN_ANY_SCALE, stats: never, sparse: false })).toBe('newton-cholesky');
  });
  it('more features: newton-cholesky on raw columns (up to the row count and FULL_HESSIAN_MAX), lbfgs on standardised ones', () => {
    const d = FULL_HESSIAN_ANY_SCALE + 1;
    expect(autoSolver(o, { kind: 'binary', rows: 1000, cols: d, stats: raw(d), sparse: false })).toBe('newton-cholesky');
    expect(autoSolver(o, { kind: 'binary', rows: 1000, cols: d, stats: standard(d), sparse: false })).toBe('lbfgs');
    expect(autoSolver(o, { kind: 'binary', rows: d - 1, cols: d, stats: raw(d), sparse: false })).toBe('lbfgs');
    expect(autoSolver(o, { kind: 'binary', rows: 1e6, cols: FULL_HESSIAN_MAX, stats: raw(FULL_HESSIAN_MAX), sparse: false })).toBe('newton-cholesky');
    expect(autoSolver(o, { kind: 'binary', rows: 1e6, cols: FULL_HESSIAN_MAX + 1, stats: raw(FULL_HESSIAN_MAX + 1), sparse: false })).toBe('lbfgs');
  });
  it('sparse rows: saga for binary and one-vs-rest fits beyond FULL_HESSIAN_MAX features, any penalty; the dense rule otherwise', () => {
    const big = FULL_HESSIAN_MAX + 1;
    for (const penalty of ['l2', 'l1', 'elasticnet'] as const)
      expect(autoSolver(resolveOptions({ penalty }), { kind: 'binary', rows: 10, cols: big, stats: standard(big), sparse: true })).toBe('saga');
    expect(autoSolver(o, { kind: 'ovr', rows: 10, cols: big, stats: standard(big), sparse: true })).toBe('saga');
    expect(autoSolver(o, { kind: 'multinomial', rows: 10, cols: big, stats: standard(big), sparse: true })).toBe('newton');
    expect(autoSolver(o, { kind: 'binary', rows: 1000, cols: 20, stats: standard(20), sparse: true })).toBe('newton-cholesky');
  });
  it('nearly standardised: offsets within half a spread, spreads within 10×, constant columns ignored', () => {
    expect(nearlyStandardised(stats([0.49, -0.49, 7], [1, 1, 0])())).toBe(true);
    expect(nearlyStandardised(stats([0.51, 0], [1, 1])())).toBe(false);
    expect(nearlyStandardised(stats([0, 0], [1, 100])())).toBe(true);
    expect(nearlyStandardised(stats([0, 0], [1, 101])())).toBe(false);
  });
});

describe('fits', () => {
  it('say which solver ran, in the model and its JSON; a named solver still wins', () => {
    const { X, y } = makeProblem(200, 3, 1);
    const auto = new LogisticRegression().fit(X, y);
    expect(auto.options.solver).toBe('auto');
    expect(auto.solverUsed).toBe('newton-cholesky');
    expect(LogisticRegression.fromJSON(auto.toJSON()).solverUsed).toBe('newton-cholesky');
    expect(new LogisticRegression({ solver: 'lbfgs' }).fit(X, y).solverUsed).toBe('lbfgs');
    expect(new LogisticRegression({ penalty: 'l1' }).fit(X, y).solverUsed).toBe('lbfgs');
    expect(new LogisticRegression().partialFit(X, y, { classes: [0, 1] }).solverUsed).toBe('sgd');
  });

  it('reach scikit-learn optimum on raw and standardised breast-cancer (J 1e-8)', () => {
    const fx = JSON.parse(readFileSync(join(root, 'test/fixtures/sklearn-solvers.json'), 'utf8'));
    for (const name of ['breast-cancer unscaled', 'breast-cancer std, l2, C=1', 'breast-cancer std, l1']) {
      const c = fx.cases.find((k: { name: string }) => k.name.startsWith(name));
      const { X, y } = fx.datasets[c.dataset];
      const m = new LogisticRegression({ C: c.C, penalty: c.penalty, l1Ratio: c.l1Ratio, tol: 1e-10, maxIter: 20000 }).fit(X, y);
      expect(Math.abs(m.lossHistory.at(-1)! - c.objective) / c.objective, name).toBeLessThan(1e-8);
    }
  });
});
