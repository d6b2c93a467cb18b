// Fitted models against scikit-learn's optimum (fixtures from test/fixtures/generate.py).
import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../src/index.js';
import { sklearnFixture } from './helpers.js';

const fx = sklearnFixture();

/** J in the package's convention, computed here independently of the kernels. */
function objective(X: number[][], y: number[], s: number[] | null, w: ArrayLike<number>, b: number, C: number, penalty: string): number {
  let S = 0;
  let sum = 0;
  for (let i = 0; i < X.length; i++) {
    let z = b;
    for (let j = 0; j < w.length; j++) z += X[i][j] * w[j];
    const si = s ? s[i] : 1;
    const l = Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - y[i] * z;
    S += si;
    sum += si * l;
  }
  let ww = 0;
  for (let j = 0; j < w.length; j++) ww += w[j] * w[j];
  return sum / S + (penalty === 'none' ? 0 : ww / (2 * C * S));
}

const solvers = [
  { solver: 'gd' as const, maxIter: 20000 },
  { solver: 'momentum' as const, maxIter: 20000 },
  { solver: 'nesterov' as const, maxIter: 20000 },
];

describe('reaches scikit-learn optimum objective within 1e-6 relative', () => {
  for (const c of fx.cases)
    for (const s of solvers)
      for (const backend of ['wasm', 'js'] as const)
        it(`${s.solver} ${backend}: ${c.name}`, () => {
          const { X, y } = fx.datasets[c.dataset];
          const m = new LogisticRegression({
            ...s,
            backend,
            C: c.C,
            penalty: c.penalty,
            fitIntercept: c.fitIntercept,
            tol: 1e-7,
          }).fit(X, y, { sampleWeight: c.sampleWeight ?? undefined });
          expect(m.converged).toBe(true);
          const J = objective(X, y, c.sampleWeight, m.coef, m.intercepts[0], c.C, c.penalty);
          expect(Math.abs(J - c.objective) / c.objective).toBeLessThan(1e-6);
          // the objective is strongly convex here, so the coefficients are close too
          for (let j = 0; j < c.coef.length; j++) expect(Math.abs(m.coef[j] - c.coef[j])).toBeLessThan(1e-3 * Math.max(1, Math.abs(c.coef[j])));
          expect(Math.abs(m.intercepts[0] - c.intercept)).toBeLessThan(1e-3 * Math.max(1, Math.abs(c.intercept)));
          expect(m.lossHistory.at(-1)).toBeCloseTo(J, 12);
        });
});

describe('stochastic solvers approach the optimum (looser: SGD noise)', () => {
  const cases = [
    { c: fx.cases[0], bound: 2e-3, schedule: 'constant' as const },
    { c: fx.cases[1], bound: 1e-4, schedule: 'invscaling' as const },
  ];
  for (const { c, bound, schedule } of cases)
    for (const solver of ['sgd', 'momentum', 'nesterov'] as const)
      it(`${solver} batch 32 ${schedule}, 200 epochs: J within ${bound} relative (${c.name})`, () => {
        const { X, y } = fx.datasets[c.dataset];
        const m = new LogisticRegression({
          solver,
          batchSize: 32,
          learningRateSchedule: schedule,
          momentum: 0.5,
          C: c.C,
          maxIter: 200,
          seed: 42,
        }).fit(X, y);
        const J = objective(X, y, null, m.coef, m.intercepts[0], c.C, c.penalty);
        expect((J - c.objective) / c.objective).toBeLessThan(bound);
        expect(J).toBeGreaterThanOrEqual(c.objective * (1 - 1e-12));
      });
});
