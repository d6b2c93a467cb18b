// The generic solver API (minimize) and the kernel-backed objective for other libraries.
import { describe, expect, it } from 'vitest';
import { LogisticRegression, logisticObjective, minimize, type Objective } from '../src/index.js';
import { wasmRuntime } from '../src/wasm/load.js';
import { makeProblem, relErr } from './helpers.js';

/** Rosenbrock in n dimensions, with an exact Hessian-vector product. */
function rosenbrock(n: number): Objective {
  return {
    dim: n,
    valueAndGradient(x, g) {
      let f = 0;
      g.fill(0);
      for (let i = 0; i < n - 1; i++) {
        const a = x[i + 1] - x[i] * x[i];
        const b = 1 - x[i];
        f += 100 * a * a + b * b;
        g[i] += -400 * x[i] * a - 2 * b;
        g[i + 1] += 200 * a;
      }
      return f;
    },
    hessianVectorProduct(x, v, out) {
      out.fill(0);
      for (let i = 0; i < n - 1; i++) {
        const hii = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
        const hij = -400 * x[i];
        out[i] += hii * v[i] + hij * v[i + 1];
        out[i + 1] += hij * v[i] + 200 * v[i + 1];
      }
    },
  };
}

describe('minimize', () => {
  for (const method of ['lbfgs', 'newton'] as const)
    it(`${method} solves Rosenbrock (n = 6) to 1e-6`, () => {
      const r = minimize(rosenbrock(6), new Float64Array(6).fill(-1.2), { method, tol: 1e-10, maxIter: 5000 });
      expect(r.converged).toBe(true);
      expect(r.reason).toBe('converged');
      for (const v of r.x) expect(v).toBeCloseTo(1, 6);
      expect(r.value).toBeLessThan(1e-12);
    });

  it('every method minimises a convex quadratic; the result has the documented fields', () => {
    const diag = [1, 3, 10];
    const q: Objective = {
      dim: 3,
      valueAndGradient(x, g) {
        let f = 0;
        for (let i = 0; i < 3; i++) {
          g[i] = diag[i] * (x[i] - i);
          f += 0.5 * diag[i] * (x[i] - i) ** 2;
        }
        return f;
      },
    };
    for (const method of ['gd', 'momentum', 'nesterov', 'adam', 'lbfgs'] as const) {
      const r = minimize(q, [5, 5, 5], { method, tol: 1e-9, maxIter: 100000, learningRate: method === 'adam' ? 0.05 : undefined });
      expect(Object.keys(r).sort()).toEqual(['converged', 'gradientNorm', 'lossHistory', 'nIter', 'reason', 'value', 'x']);
      expect(r.converged, method).toBe(true);
      for (let i = 0; i < 3; i++) expect(r.x[i]).toBeCloseTo(i, 6);
    }
  });

  it('rejects bad objectives, bad x0 and minibatches without batch support', () => {
    expect(() => minimize({} as Objective, [0])).toThrow(/valueAndGradient/);
    expect(() => minimize(rosenbrock(2), [0])).toThrow(/dim = 2/);
    expect(() => minimize(rosenbrock(2), [0, NaN])).toThrow(/NaN/);
    expect(() => minimize(rosenbrock(2), [0, 0], { method: 'sgd' })).toThrow(/batchValueAndGradient/);
    expect(() => minimize({ dim: 2, valueAndGradient: () => 0 }, [0, 0], { method: 'newton' })).toThrow(/hessianVectorProduct/);
    expect(() => minimize({ dim: 2, valueAndGradient: () => 0 }, [0, 0], { method: 'newton-cholesky' })).toThrow(/hessianVectorProduct/);
  });

  it('newton-cholesky on an objective with only Hessian-vector products: one Newton step on a quadratic', () => {
    // J = ½(x − c)ᵀA(x − c) with A symmetric positive definite, not diagonal
    const A = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2];
    const c = [1, -2, 3];
    const q: Objective = {
      dim: 3,
      valueAndGradient(x, g) {
        let f = 0;
        for (let i = 0; i < 3; i++) {
          g[i] = 0;
          for (let j = 0; j < 3; j++) g[i] += A[i * 3 + j] * (x[j] - c[j]);
          f += 0.5 * (x[i] - c[i]) * g[i];
        }
        return f;
      },
      hessianVectorProduct(_x, v, out) {
        for (let i = 0; i < 3; i++) out[i] = A[i * 3] * v[0] + A[i * 3 + 1] * v[1] + A[i * 3 + 2] * v[2];
      },
    };
    const r = minimize(q, [0, 0, 0], { method: 'newton-cholesky', tol: 1e-12 });
    expect(r.converged).toBe(true);
    expect(r.nIter).toBe(1);
    for (let i = 0; i < 3; i++) expect(r.x[i]).toBeCloseTo(c[i], 12);
  });
});

describe('logisticObjective', () => {
  const { X, y } = makeProblem(300, 6, 12);

  it('minimize over it reproduces LogisticRegression; parameter vector is [w, b]', () => {
    const obj = logisticObjective(X, y, { C: 0.5 });
    expect(obj.dim).toBe(7);
    const r = minimize(obj, new Float64Array(7), { tol: 1e-10 });
    const m = new LogisticRegression({ C: 0.5, tol: 1e-10 }).fit(X, y);
    for (let j = 0; j < 6; j++) expect(r.x[j]).toBeCloseTo(m.coef[j], 8);
    expect(r.x[6]).toBeCloseTo(m.intercept as number, 8);
    obj.dispose();
  });

  it('an external optimiser (plain gradient descent written here) can drive it', () => {
    const obj = logisticObjective(X, y, { C: 1, fitIntercept: false });
    const x = new Float64Array(obj.dim);
    const g = new Float64Array(obj.dim);
    let f = obj.valueAndGradient(x, g);
    for (let k = 0; k < 500; k++) {
      for (let j = 0; j < obj.dim; j++) x[j] -= 1.0 * g[j];
      f = obj.valueAndGradient(x, g);
    }
    const ref = new LogisticRegression({ C: 1, fitIntercept: false, tol: 1e-10 }).fit(X, y);
    expect(f).toBeCloseTo(ref.lossHistory.at(-1)!, 8);
    obj.dispose();
  });

  it('partialValueAndGradient on shards sums to the whole', () => {
    const whole = logisticObjective(X, y);
    const a = logisticObjective(X.slice(0, 120), y.slice(0, 120));
    const b = logisticObjective(X.slice(120), y.slice(120));
    const x = Float64Array.from({ length: 7 }, (_, j) => 0.2 * j - 0.5);
    const g = new Float64Array(7);
    const ga = new Float64Array(7);
    const gb = new Float64Array(7);
    const v = whole.partialValueAndGradient(x, g);
    const va = a.partialValueAndGradient(x, ga);
    const vb = b.partialValueAndGradient(x, gb);
    expect(Math.abs(va + vb - v) / v).toBeLessThan(1e-13);
    expect(relErr(ga.map((t, j) => t + gb[j]), g)).toBeLessThan(1e-13);
    for (const o of [whole, a, b]) o.dispose();
  });

  it('dispose frees the memory; later calls throw DISPOSED; 10,000 cycles stay bounded', () => {
    const heap = wasmRuntime()!.heap;
    const small = makeProblem(50, 4, 3);
    const once = () => logisticObjective(small.X, small.y).dispose();
    for (let i = 0; i < 10; i++) once();
    const bytes = heap.byteLength;
    const used = heap.bytesInUse;
    for (let i = 0; i < 10_000; i++) once();
    expect(heap.byteLength).toBe(bytes);
    expect(heap.bytesInUse).toBe(used);
    const obj = logisticObjective(small.X, small.y);
    obj.dispose();
    expect(() => obj.valueAndGradient(new Float64Array(5), new Float64Array(5))).toThrow(/disposed/);
  });
});
