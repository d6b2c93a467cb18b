// The objective's analytic gradient against central finite differences, for both losses,
// with and without intercept, weights and penalty, on both backends.
import { describe, expect, it } from 'vitest';
import { kernelsFor } from '../src/engine/select.js';
import { matrixSource } from '../src/data/matrix.js';
import { LogisticObjective } from '../src/loss/logistic-objective.js';
import type { BackendName, LossKind } from '../src/engine/types.js';
import { gauss, makeProblem, prng } from './helpers.js';

function objective(backend: BackendName, loss: LossKind, fitIntercept: boolean, weights: boolean, penalty: 'l2' | 'none') {
  const { X, y } = makeProblem(41, 7, 3);
  const r = prng(8);
  const s = weights ? Float64Array.from(y, () => 0.2 + r() * 2) : null;
  const data = kernelsFor(backend).dataset(matrixSource(X), Float64Array.from(y), s);
  return new LogisticObjective(data, { C: 0.7, penalty, l1Ratio: 0.5, fitIntercept, loss, sampleWeight: s });
}

describe('gradient vs central finite differences', () => {
  for (const backend of ['wasm', 'js'] as BackendName[])
    for (const loss of ['log', 'squared'] as LossKind[])
      for (const fitIntercept of [true, false])
        for (const weights of [false, true])
          for (const penalty of ['l2', 'none'] as const)
            it(`${backend} ${loss} intercept=${fitIntercept} weights=${weights} penalty=${penalty}`, () => {
              const obj = objective(backend, loss, fitIntercept, weights, penalty);
              const r = prng(21);
              const x = Float64Array.from({ length: obj.dim }, () => gauss(r) * 0.5);
              const g = new Float64Array(obj.dim);
              obj.valueAndGradient(x, g);
              const gp = new Float64Array(obj.dim);
              for (let j = 0; j < obj.dim; j++) {
                const h = 1e-5;
                const xp = x.slice();
                const xm = x.slice();
                xp[j] += h;
                xm[j] -= h;
                const fd = (obj.valueAndGradient(xp, gp) - obj.valueAndGradient(xm, gp)) / (2 * h);
                expect(Math.abs(fd - g[j])).toBeLessThan(1e-8 * Math.max(1, Math.abs(g[j])));
              }
            });
});

describe('minibatch estimate', () => {
  it('the batch objective over all rows equals the full objective', () => {
    const obj = objective('wasm', 'log', true, true, 'l2');
    const x = Float64Array.from({ length: obj.dim }, (_, j) => 0.1 * j - 0.3);
    const g1 = new Float64Array(obj.dim);
    const g2 = new Float64Array(obj.dim);
    const all = Int32Array.from({ length: obj.nSamples }, (_, i) => i);
    const f1 = obj.valueAndGradient(x, g1);
    const f2 = obj.batchValueAndGradient(x, g2, all);
    expect(f2).toBeCloseTo(f1, 14);
    for (let j = 0; j < obj.dim; j++) expect(g2[j]).toBeCloseTo(g1[j], 14);
  });
});

describe('the Hessian-vector product handed out with the gradient', () => {
  for (const backend of ['wasm', 'js'] as BackendName[])
    it(`${backend}: stays at its point whatever is evaluated in between, and matches finite differences of the gradient`, () => {
      const obj = objective(backend, 'log', true, true, 'l2');
      const r = prng(4);
      const x1 = Float64Array.from({ length: obj.dim }, () => gauss(r) * 0.5);
      const x2 = Float64Array.from({ length: obj.dim }, () => gauss(r) * 0.5);
      const v = Float64Array.from({ length: obj.dim }, () => gauss(r));
      const g = new Float64Array(obj.dim);
      const at1 = obj.gradientHessian(x1, g);
      const direct = new Float64Array(obj.dim);
      at1.hvp(v, direct);
      obj.valueAndGradient(x2, new Float64Array(obj.dim)); // the engine now holds x2's margins
      const later = new Float64Array(obj.dim);
      at1.hvp(v, later);
      expect(Array.from(later)).toEqual(Array.from(direct));
      // ∇²J·v ≈ (∇J(x + hv) − ∇J(x − hv)) / 2h
      const h = 1e-6;
      const gp = new Float64Array(obj.dim);
      const gm = new Float64Array(obj.dim);
      obj.valueAndGradient(x1.map((xi, j) => xi + h * v[j]), gp);
      obj.valueAndGradient(x1.map((xi, j) => xi - h * v[j]), gm);
      for (let j = 0; j < obj.dim; j++) expect(Math.abs((gp[j] - gm[j]) / (2 * h) - direct[j])).toBeLessThan(1e-6 * Math.max(1, Math.abs(direct[j])));
    });
});

describe('the full Hessian handed out with the gradient', () => {
  for (const backend of ['wasm', 'js'] as BackendName[])
    for (const fitIntercept of [true, false])
      it(`${backend}, intercept ${fitIntercept}: stays at its point, symmetric, with the penalty on the diagonal, and its columns match finite differences of the gradient`, () => {
        const obj = objective(backend, 'log', fitIntercept, true, 'l2');
        const n = obj.dim;
        const r = prng(8);
        const x1 = Float64Array.from({ length: n }, () => gauss(r) * 0.5);
        const at = obj.gradientHessian(x1, new Float64Array(n));
        const H = new Float64Array(n * n);
        at.matrix!(H);
        obj.valueAndGradient(x1.map((v) => -v), new Float64Array(n)); // another point in between
        const later = new Float64Array(n * n);
        at.matrix!(later);
        expect(Array.from(later)).toEqual(Array.from(H));
        const h = 1e-6;
        const gp = new Float64Array(n);
        const gm = new Float64Array(n);
        for (let j = 0; j < n; j++) {
          obj.valueAndGradient(x1.map((v, i) => (i === j ? v + h : v)), gp);
          obj.valueAndGradient(x1.map((v, i) => (i === j ? v - h : v)), gm);
          for (let i = 0; i < n; i++) {
            expect(H[i * n + j]).toBe(H[j * n + i]);
            expect(Math.abs((gp[i] - gm[i]) / (2 * h) - H[i * n + j])).toBeLessThan(1e-6 * Math.max(1, Math.abs(H[i * n + j])));
          }
        }
      });
});
