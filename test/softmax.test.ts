// Multinomial softmax and one-vs-rest: gradients, probabilities, backends, scikit-learn optima.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogisticRegression, setWarningHandler } from '../src/index.js';
import { kernelsFor } from '../src/engine/select.js';
import { matrixSource } from '../src/data/matrix.js';
import { SoftmaxObjective } from '../src/loss/softmax-objective.js';
import type { BackendName } from '../src/engine/types.js';
import { gauss, prng, relErr, root } from './helpers.js';

interface Case {
  name: string;
  dataset: string;
  C: number;
  penalty: 'l2' | 'l1';
  coef: number[];
  coefShape: number[];
  intercept: number[];
  objective: number;
  zeros: number;
}
const fx = JSON.parse(readFileSync(join(root, 'test/fixtures/sklearn-solvers.json'), 'utf8')) as {
  datasets: Record<string, { X: number[][]; y: number[] }>;
  cases: Case[];
};
const multi = fx.cases.filter((c) => c.coefShape.length === 2);

beforeAll(() => setWarningHandler(null));
afterAll(() => setWarningHandler(undefined));

function problem(n: number, d: number, k: number, seed: number) {
  const r = prng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => gauss(r)));
  const y = X.map((row, i) => (i < k ? i : Math.floor(r() * k)));
  return { X, y };
}

function objective(backend: BackendName, fitIntercept: boolean, weights: boolean) {
  const { X, y } = problem(37, 5, 4, 2);
  const r = prng(3);
  const s = weights ? Float64Array.from(y, () => 0.3 + r() * 2) : null;
  const data = kernelsFor(backend).softmaxDataset(matrixSource(X), Int32Array.from(y), 4, s);
  return new SoftmaxObjective(data, { C: 0.8, penalty: 'l2', l1Ratio: 0.5, fitIntercept, sampleWeight: s });
}

describe('softmax objective', () => {
  for (const backend of ['wasm', 'js'] as const)
    for (const fitIntercept of [true, false])
      for (const weights of [false, true])
        it(`${backend} intercept=${fitIntercept} weights=${weights}: gradient and Hessian-vector product vs finite differences`, () => {
          const obj = objective(backend, fitIntercept, weights);
          const r = prng(9);
          const x = Float64Array.from({ length: obj.dim }, () => gauss(r) * 0.4);
          const g = new Float64Array(obj.dim);
          obj.valueAndGradient(x, g);
          const tmp = new Float64Array(obj.dim);
          const h = 1e-5;
          for (let j = 0; j < obj.dim; j++) {
            const xp = x.slice();
            const xm = x.slice();
            xp[j] += h;
            xm[j] -= h;
            const fd = (obj.valueAndGradient(xp, tmp) - obj.valueAndGradient(xm, tmp)) / (2 * h);
            expect(Math.abs(fd - g[j])).toBeLessThan(1e-8 * Math.max(1, Math.abs(g[j])));
          }
          const v = Float64Array.from({ length: obj.dim }, () => gauss(r));
          const hv = new Float64Array(obj.dim);
          obj.hessianVectorProduct(x, v, hv);
          const gp = new Float64Array(obj.dim);
          const gm = new Float64Array(obj.dim);
          const e = 1e-6;
          obj.valueAndGradient(x.map((xi, j) => xi + e * v[j]), gp);
          obj.valueAndGradient(x.map((xi, j) => xi - e * v[j]), gm);
          for (let j = 0; j < obj.dim; j++) expect(Math.abs((gp[j] - gm[j]) / (2 * e) - hv[j])).toBeLessThan(1e-7);
        });

  it('wasm and js agree to 1e-12', () => {
    const a = objective('wasm', true, true);
    const b = objective('js', true, true);
    const x = Float64Array.from({ length: a.dim }, (_, j) => Math.sin(j));
    const ga = new Float64Array(a.dim);
    const gb = new Float64Array(a.dim);
    const fa = a.valueAndGradient(x, ga);
    const fb = b.valueAndGradient(x, gb);
    expect(Math.abs(fa - fb) / fb).toBeLessThan(1e-12);
    expect(relErr(ga, gb)).toBeLessThan(1e-12);
  });

  it('wasm and js passes agree to 1e-12 across shapes: odd and even rows, columns and classes, batches, ties, Hessian products', () => {
    // the wasm passes take rows in pairs (an odd last row paired with itself at weight 0) and
    // classes in any number; the js passes pair rows too, with their own arithmetic order
    const r = prng(21);
    let cases = 0;
    for (const n of [1, 2, 3, 8, 37])
      for (const d of [1, 2, 3, 4, 5, 8, 9, 20])
        for (const k of [2, 3, 5])
          for (const weights of [false, true]) {
            const X = Array.from({ length: n }, () => Array.from({ length: d }, () => gauss(r)));
            const y = Int32Array.from({ length: n }, () => Math.floor(r() * k));
            const s = weights ? Float64Array.from({ length: n }, () => r() * 2) : null;
            const [a, b] = (['wasm', 'js'] as const).map((name) => kernelsFor(name).softmaxDataset(matrixSource(X), y, k, s));
            // W = 0 and equal intercepts in the first case: every margin ties
            const tie = cases === 0;
            const W = Float64Array.from({ length: k * d }, () => (tie ? 0 : gauss(r)));
            const bias = Float64Array.from({ length: k }, () => (tie ? 0.5 : gauss(r)));
            const [ga, gb] = [new Float64Array(k * d + k), new Float64Array(k * d + k)];
            const fa = a.grad(W, bias, ga, undefined, true);
            const fb = b.grad(W, bias, gb, undefined, true);
            expect(Math.abs(fa - fb)).toBeLessThanOrEqual(1e-12 * Math.abs(fb));
            expect(relErr(ga, gb)).toBeLessThan(1e-12);
            const V = Float64Array.from({ length: k * d }, () => gauss(r));
            const vb = Float64Array.from({ length: k }, () => gauss(r));
            const [ha, hb] = [new Float64Array(k * d + k), new Float64Array(k * d + k)];
            a.hessVec(V, vb, ha);
            b.hessVec(V, vb, hb);
            expect(relErr(ha, hb)).toBeLessThan(1e-12);
            // a batch: rows repeated and out of order, odd length
            const idx = Int32Array.from({ length: 2 * n + 1 }, () => Math.floor(r() * n));
            const fa2 = a.grad(W, bias, ga, idx);
            const fb2 = b.grad(W, bias, gb, idx);
            expect(Math.abs(fa2 - fb2)).toBeLessThanOrEqual(1e-12 * Math.abs(fb2));
            expect(relErr(ga, gb)).toBeLessThan(1e-12);
            a.dispose();
            b.dispose();
            cases++;
          }
    expect(cases).toBe(240);
  });

  it('unit-weight passes over many rows (log1p terms joined across pairs) agree with js; k = 1000 ties stay finite', () => {
    const r = prng(5);
    for (const k of [3, 1000]) {
      const n = 601;
      const d = 3;
      const X = Array.from({ length: n }, () => Array.from({ length: d }, () => gauss(r)));
      const y = Int32Array.from({ length: n }, () => Math.floor(r() * k));
      const [a, b] = (['wasm', 'js'] as const).map((name) => kernelsFor(name).softmaxDataset(matrixSource(X), y, k, null));
      const W = Float64Array.from({ length: k * d }, () => gauss(r));
      const bias = Float64Array.from({ length: k }, () => gauss(r));
      const [ga, gb] = [new Float64Array(k * d + k), new Float64Array(k * d + k)];
      const fa = a.grad(W, bias, ga);
      const fb = b.grad(W, bias, gb);
      expect(Math.abs(fa - fb)).toBeLessThanOrEqual(1e-12 * Math.abs(fb));
      expect(relErr(ga, gb)).toBeLessThan(1e-12);
      // every margin equal: each row's loss is log k, the largest joined factor (1 + rest = k)
      const tied = a.grad(new Float64Array(k * d), new Float64Array(k), ga);
      expect(Math.abs(tied - n * Math.log(k))).toBeLessThanOrEqual(1e-12 * n * Math.log(k));
      a.dispose();
      b.dispose();
    }
  });

  it('is finite at huge margins', () => {
    const obj = objective('wasm', true, false);
    const x = new Float64Array(obj.dim).fill(1e150); // margins ~1e150, ‖W‖² still finite
    x[0] = -1e150;
    const g = new Float64Array(obj.dim);
    expect(Number.isFinite(obj.valueAndGradient(x, g))).toBe(true);
    expect(g.every(Number.isFinite)).toBe(true);
  });
});

describe('multinomial models against scikit-learn', () => {
  for (const c of multi)
    for (const solver of c.penalty === 'l1' ? (['lbfgs'] as const) : (['lbfgs', 'newton', 'newton-cholesky', 'auto'] as const))
      it(`${solver}: ${c.name}`, () => {
        const { X, y } = fx.datasets[c.dataset];
        const m = new LogisticRegression({ solver, C: c.C, penalty: c.penalty, tol: 1e-10, maxIter: 5000 }).fit(X, y);
        expect(m.kind).toBe('multinomial');
        expect(m.coefShape).toEqual(c.coefShape);
        expect(m.classes).toEqual([0, 1, 2]);
        const J = m.lossHistory.at(-1)!;
        expect(Math.abs(J - c.objective) / c.objective).toBeLessThan(1e-8);
        const scale = Math.max(1, ...c.coef.map(Math.abs));
        for (let j = 0; j < c.coef.length; j++) expect(Math.abs(m.coef[j] - c.coef[j]) / scale).toBeLessThan(1e-5);
        const b = m.intercept as Float64Array;
        expect(Math.abs(b.reduce((s, v) => s + v, 0))).toBeLessThan(1e-12);
        for (let c2 = 0; c2 < 3; c2++) expect(Math.abs(b[c2] - c.intercept[c2]) / scale).toBeLessThan(1e-5);
        if (c.zeros > 0) c.coef.forEach((v, j) => v === 0 && expect(m.coef[j]).toBe(0));
        const P = m.predictProba(X);
        for (let i = 0; i < X.length; i++) {
          const row = P.subarray(3 * i, 3 * i + 3);
          expect(Math.abs(row[0] + row[1] + row[2] - 1)).toBeLessThan(1e-14);
        }
      });

  it('predict is the most probable class; JSON round trip is bit-identical', () => {
    const { X, y } = fx.datasets['iris'];
    const m = new LogisticRegression({ C: 10 }).fit(X, y.map((v) => ['setosa', 'versicolor', 'virginica'][v]));
    const P = m.predictProba(X);
    const pred = m.predict(X);
    pred.forEach((label, i) => {
      const row = Array.from(P.subarray(3 * i, 3 * i + 3));
      expect(label).toBe(m.classes[row.indexOf(Math.max(...row))]);
    });
    expect(m.score(X, y.map((v) => ['setosa', 'versicolor', 'virginica'][v]))).toBeGreaterThan(0.95);
    const back = LogisticRegression.fromJSON(JSON.stringify(m.toJSON()));
    expect(Array.from(back.predictProba(X))).toEqual(Array.from(P));
    expect(back.kind).toBe('multinomial');
  });

  it("multiClass: 'multinomial' on two classes is a 2-row softmax with the binary model's decision", () => {
    const { X, y } = fx.datasets['breast-cancer-std'];
    const soft = new LogisticRegression({ multiClass: 'multinomial', C: 1, tol: 1e-10 }).fit(X, y);
    const bin = new LogisticRegression({ C: 2, tol: 1e-10 }).fit(X, y);
    expect(soft.coefShape).toEqual([2, 30]);
    // symmetric softmax with C equals the binary model with 2C: w = W₁ − W₀
    for (let j = 0; j < 30; j++) expect(soft.coef[30 + j] - soft.coef[j]).toBeCloseTo(bin.coef[j], 5);
  });
});

describe('one-vs-rest', () => {
  it('fits k binary models whose rows equal separate binary fits', () => {
    const { X, y } = fx.datasets['wine-std'];
    const m = new LogisticRegression({ multiClass: 'ovr', C: 1, tol: 1e-10 }).fit(X, y);
    expect(m.kind).toBe('ovr');
    expect(m.coefShape).toEqual([3, 13]);
    for (let c = 0; c < 3; c++) {
      const b = new LogisticRegression({ C: 1, tol: 1e-10 }).fit(X, y.map((v) => (v === c ? 1 : 0)));
      for (let j = 0; j < 13; j++) expect(m.coef[13 * c + j]).toBeCloseTo(b.coef[j], 8);
      expect((m.intercept as Float64Array)[c]).toBeCloseTo(b.intercept as number, 8);
    }
    const P = m.predictProba(X);
    for (let i = 0; i < X.length; i++) expect(P[3 * i] + P[3 * i + 1] + P[3 * i + 2]).toBeCloseTo(1, 14);
    expect(m.score(X, y)).toBeGreaterThan(0.95);
  });

  it('saga works for one-vs-rest with L1 and is refused for multinomial', () => {
    const { X, y } = fx.datasets['wine-std'];
    const m = new LogisticRegression({ multiClass: 'ovr', solver: 'saga', penalty: 'l1', C: 0.5, maxIter: 300 }).fit(X, y);
    expect(m.coef.some((v) => v === 0)).toBe(true);
    expect(() => new LogisticRegression({ solver: 'saga' }).fit(X, y)).toThrow(/use 'lbfgs' for multinomial/);
  });
});
