// Property-based tests (fast-check, fixed seeds): gradients, backend agreement, invariances,
// finiteness at extreme magnitudes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LogisticRegression, setWarningHandler } from '../src/index.js';
import { kernelsFor } from '../src/engine/select.js';
import { matrixSource } from '../src/data/matrix.js';
import { LogisticObjective } from '../src/loss/logistic-objective.js';
import type { BackendName, LossKind } from '../src/engine/types.js';
import { relErr } from './helpers.js';

setWarningHandler(null);
const SEED = 20261129;

/** A random problem: n rows, d features, values in [-2, 2], both labels present, weights. */
const problem = (maxN = 40, maxD = 9) =>
  fc
    .record({ n: fc.integer({ min: 2, max: maxN }), d: fc.integer({ min: 1, max: maxD }) })
    .chain(({ n, d }) =>
      fc.record({
        n: fc.constant(n),
        d: fc.constant(d),
        X: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n * d, maxLength: n * d }),
        y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }).map((y) => [0, 1, ...y.slice(2)]),
        s: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
        w: fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), { minLength: d + 1, maxLength: d + 1 }),
        C: fc.double({ min: 0.05, max: 20, noNaN: true }),
      }),
    );

function objective(p: { n: number; d: number; X: number[]; y: number[]; s: number[]; C: number }, backend: BackendName, loss: LossKind, penalty: 'l2' | 'none', weights: boolean) {
  const sw = weights ? Float64Array.from(p.s) : null;
  const data = kernelsFor(backend).dataset(matrixSource({ data: Float64Array.from(p.X), rows: p.n, cols: p.d }), Float64Array.from(p.y), sw);
  return { obj: new LogisticObjective(data, { C: p.C, penalty, l1Ratio: 0.5, fitIntercept: true, loss, sampleWeight: sw }), data };
}

describe('properties', () => {
  it('analytic gradient = central finite differences (random data, weights, C, penalty, loss)', () => {
    fc.assert(
      fc.property(problem(), fc.constantFrom<LossKind>('log', 'squared'), fc.constantFrom<'l2' | 'none'>('l2', 'none'), fc.boolean(), (p, loss, penalty, weights) => {
        const { obj, data } = objective(p, 'wasm', loss, penalty, weights);
        const x = Float64Array.from(p.w);
        const g = new Float64Array(obj.dim);
        obj.valueAndGradient(x, g);
        const tmp = new Float64Array(obj.dim);
        for (let j = 0; j < obj.dim; j++) {
          const h = 1e-6;
          const xp = x.slice();
          const xm = x.slice();
          xp[j] += h;
          xm[j] -= h;
          const fd = (obj.valueAndGradient(xp, tmp) - obj.valueAndGradient(xm, tmp)) / (2 * h);
          expect(Math.abs(fd - g[j])).toBeLessThan(2e-7 * Math.max(1, Math.abs(g[j])));
        }
        data.dispose();
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('wasm and js backends agree to 1e-12 (shapes down to n = 1, d = 1)', () => {
    fc.assert(
      fc.property(problem(60, 20), fc.integer({ min: 1, max: 60 }), fc.constantFrom<LossKind>('log', 'squared'), (p, n1, loss) => {
        const n = Math.min(n1, p.n);
        const q = { ...p, n, X: p.X.slice(0, n * p.d), y: p.y.slice(0, n), s: p.s.slice(0, n) };
        const out = (['wasm', 'js'] as const).map((b) => {
          const { obj, data } = objective(q, b, loss, 'l2', true);
          const g = new Float64Array(obj.dim);
          const f = obj.valueAndGradient(Float64Array.from(p.w), g);
          data.dispose();
          return { f, g };
        });
        expect(Math.abs(out[0].f - out[1].f)).toBeLessThanOrEqual(1e-12 * Math.abs(out[1].f));
        expect(relErr(out[0].g, out[1].g)).toBeLessThan(1e-12);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  const fitOf = (X: number[][], y: number[], opts: object = {}, sampleWeight?: number[]) =>
    new LogisticRegression({ solver: 'newton', tol: 1e-12, C: 0.7, ...opts }).fit(X, y, { sampleWeight });
  const rowsOf = (p: { n: number; d: number; X: number[] }) => Array.from({ length: p.n }, (_, i) => p.X.slice(i * p.d, i * p.d + p.d));

  it('invariances: feature permutation, label flip, row duplication = weight 2, C·weights scaling', () => {
    fc.assert(
      fc.property(problem(30, 6), fc.double({ min: 0.2, max: 5, noNaN: true }), (p, a) => {
        const X = rowsOf(p);
        const base = fitOf(X, p.y);
        // permuting features permutes the coefficients
        const perm = Array.from({ length: p.d }, (_, j) => p.d - 1 - j);
        const permuted = fitOf(X.map((r) => perm.map((j) => r[j])), p.y);
        perm.forEach((j, k) => expect(permuted.coef[k]).toBeCloseTo(base.coef[j], 7));
        // flipping the labels negates coef and intercept
        const flipped = fitOf(X, p.y.map((v) => 1 - v));
        for (let j = 0; j < p.d; j++) expect(flipped.coef[j]).toBeCloseTo(-base.coef[j], 7);
        expect(flipped.intercept as number).toBeCloseTo(-(base.intercept as number), 7);
        // duplicating every row equals sample weight 2
        const dup = fitOf([...X, ...X], [...p.y, ...p.y]);
        const w2 = fitOf(X, p.y, {}, X.map(() => 2));
        for (let j = 0; j < p.d; j++) expect(dup.coef[j]).toBeCloseTo(w2.coef[j], 7);
        // sklearn's objective C·Σ s ℓ + ½‖w‖²: s → a·s with C → C/a changes nothing
        const scaled = fitOf(X, p.y, { C: 0.7 / a }, p.s.map((v) => a * v));
        const ref = fitOf(X, p.y, {}, p.s);
        for (let j = 0; j < p.d; j++) expect(scaled.coef[j]).toBeCloseTo(ref.coef[j], 6);
      }),
      { seed: SEED + 2, numRuns: 40 },
    );
  });

  it('loss and gradient are finite for finite X, w up to 1e150 in magnitude and subnormal values', () => {
    const extreme = fc.oneof(
      fc.double({ min: -1e150, max: 1e150, noNaN: true }),
      fc.constantFrom(0, -0, 5e-324, -5e-324, 2.2e-308, 1e150, -1e150, 1e-300),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), fc.context(), (n, d, ctx) => {
        const X = fc.sample(fc.array(extreme, { minLength: n * d, maxLength: n * d }), { numRuns: 1, seed: n * 31 + d })[0];
        const w = fc.sample(fc.array(extreme, { minLength: d + 1, maxLength: d + 1 }), { numRuns: 1, seed: n * 17 + d })[0];
        ctx.log(`n=${n} d=${d}`);
        for (const loss of ['log', 'squared'] as const)
          for (const backend of ['wasm', 'js'] as const) {
            const p = { n, d, X, y: Array.from({ length: n }, (_, i) => i % 2), s: new Array(n).fill(1), C: 1 };
            const { obj, data } = objective(p, backend, loss, 'none', false);
            const g = new Float64Array(obj.dim);
            const f = obj.valueAndGradient(Float64Array.from(w), g);
            data.dispose();
            expect(Number.isFinite(f), `${backend} ${loss} J`).toBe(true);
            expect(g.every(Number.isFinite), `${backend} ${loss} ∇J`).toBe(true);
          }
      }),
      { seed: SEED + 3, numRuns: 200 },
    );
  });
});
