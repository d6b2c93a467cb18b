// float32 storage: X rounded to float32 once, the same float64 arithmetic in the same order —
// so the gradient equals the float64 computation on the same rounded values exactly.
import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../src/index.js';
import { kernelsFor } from '../src/engine/select.js';
import { matrixSource } from '../src/data/matrix.js';
import { wasmRuntime } from '../src/wasm/load.js';
import { flat, gauss, makeProblem, prng } from './helpers.js';

describe('float32 storage', () => {
  it('fused pass, Hessian-vector product, SAGA and row norms equal float64 storage of the rounded values, bit for bit', () => {
    const wasm = kernelsFor('wasm');
    const r = prng(4);
    for (const [n, d] of [[1, 1], [5, 3], [17, 7], [64, 16], [101, 33]]) {
      const X32 = Float32Array.from({ length: n * d }, () => gauss(r) * 3);
      const y = Float64Array.from({ length: n }, (_, i) => i % 2);
      const s = Float64Array.from({ length: n }, () => 0.5 + r());
      const w = Float64Array.from({ length: d }, () => gauss(r));
      const a = wasm.dataset(matrixSource({ data: X32, rows: n, cols: d }), y, s, 'float32');
      const b = wasm.dataset(matrixSource({ data: Float64Array.from(X32), rows: n, cols: d }), y, s, 'float64');
      const ga = new Float64Array(d + 1);
      const gb = new Float64Array(d + 1);
      for (const loss of ['log', 'squared'] as const) {
        expect(a.fusedGrad(w, 0.3, ga, loss, true, undefined, true)).toBe(b.fusedGrad(w, 0.3, gb, loss, true, undefined, true));
        expect(Array.from(ga)).toEqual(Array.from(gb));
      }
      const idx = Int32Array.from({ length: Math.min(n, 9) }, (_, k) => (k * 5) % n);
      a.fusedGrad(w, 0.3, ga, 'log', false, idx);
      b.fusedGrad(w, 0.3, gb, 'log', false, idx);
      expect(Array.from(ga)).toEqual(Array.from(gb));
      a.curvature('log');
      b.curvature('log');
      a.hessVec(w, 1, ga);
      b.hessVec(w, 1, gb);
      expect(Array.from(ga)).toEqual(Array.from(gb));
      const Ha = new Float64Array((d + 1) ** 2);
      const Hb = new Float64Array((d + 1) ** 2);
      a.hessian(Ha);
      b.hessian(Hb);
      expect(Array.from(Ha)).toEqual(Array.from(Hb));
      a.sagaBatch(w, 0.1, undefined, 2, 'log', ga);
      b.sagaBatch(w, 0.1, undefined, 2, 'log', gb);
      expect(Array.from(ga)).toEqual(Array.from(gb));
      expect(Array.from(a.rowSqNorms())).toEqual(Array.from(b.rowSqNorms()));
      a.dispose();
      b.dispose();
    }
  });

  it('softmax passes (gradient, batches, Hessian products) equal float64 storage of the rounded values, bit for bit', () => {
    const wasm = kernelsFor('wasm');
    const r = prng(9);
    for (const [n, d, k] of [[1, 1, 2], [6, 3, 3], [17, 7, 5], [40, 16, 3], [33, 33, 4]]) {
      const X32 = Float32Array.from({ length: n * d }, () => gauss(r) * 3);
      const codes = Int32Array.from({ length: n }, () => Math.floor(r() * k));
      const W = Float64Array.from({ length: k * d }, () => gauss(r) * 0.5);
      const b = Float64Array.from({ length: k }, () => gauss(r));
      for (const s of [null, Float64Array.from({ length: n }, () => 0.5 + r())]) {
        const a32 = wasm.softmaxDataset(matrixSource({ data: X32, rows: n, cols: d }), codes, k, s, 'float32');
        const a64 = wasm.softmaxDataset(matrixSource({ data: Float64Array.from(X32), rows: n, cols: d }), codes, k, s, 'float64');
        const g32 = new Float64Array(k * (d + 1));
        const g64 = new Float64Array(k * (d + 1));
        expect(a32.grad(W, b, g32, undefined, true)).toBe(a64.grad(W, b, g64, undefined, true));
        expect(Array.from(g32)).toEqual(Array.from(g64));
        a32.hessVec(W, b, g32);
        a64.hessVec(W, b, g64);
        expect(Array.from(g32)).toEqual(Array.from(g64));
        const idx = Int32Array.from({ length: Math.min(n, 9) }, (_, t) => (t * 5) % n);
        expect(a32.grad(W, b, g32, idx)).toBe(a64.grad(W, b, g64, idx));
        expect(Array.from(g32)).toEqual(Array.from(g64));
        a32.dispose();
        a64.dispose();
      }
    }
  });

  it("dtype 'float32' halves the memory of X and fits the same model as float64 storage of the rounded data", () => {
    const heap = wasmRuntime()!.heap;
    const { X, y } = makeProblem(4000, 25, 3);
    const X32 = Float32Array.from(flat(X));
    const rounded = { data: Float64Array.from(X32), rows: 4000, cols: 25 };
    let peak32 = 0;
    let peak64 = 0;
    const probe = (set: (v: number) => void) => () => set(heap.bytesInUse);
    const m32 = new LogisticRegression({ dtype: 'float32', tol: 1e-10, onIteration: probe((v) => (peak32 = Math.max(peak32, v))) }).fit(rounded, y);
    const m64 = new LogisticRegression({ dtype: 'float64', tol: 1e-10, onIteration: probe((v) => (peak64 = Math.max(peak64, v))) }).fit(rounded, y);
    expect(Array.from(m32.coef)).toEqual(Array.from(m64.coef));
    expect(m32.intercept).toBe(m64.intercept);
    expect(peak64 - peak32).toBe(4 * 4000 * 25); // 4 bytes saved per element
    // 'auto' keeps a Float32Array input as float32
    const auto = new LogisticRegression({ tol: 1e-10 }).fit({ data: X32, rows: 4000, cols: 25 }, y);
    expect(Array.from(auto.coef)).toEqual(Array.from(m32.coef));
    for (const solver of ['newton', 'saga', 'sgd'] as const) {
      const a = new LogisticRegression({ solver, dtype: 'float32', maxIter: 30, seed: 1 }).fit(rounded, y);
      const b = new LogisticRegression({ solver, dtype: 'float64', maxIter: 30, seed: 1 }).fit(rounded, y);
      expect(Array.from(a.coef), solver).toEqual(Array.from(b.coef));
    }
  });

  it('multinomial fits store float32 too: half the memory of X, the same model as float64 storage of the rounded data', () => {
    const heap = wasmRuntime()!.heap;
    const r = prng(12);
    const n = 3000;
    const d = 20;
    const X32 = Float32Array.from({ length: n * d }, () => gauss(r));
    const y = Array.from({ length: n }, (_, i) => {
      const a = X32[i * d] + 0.5 * X32[i * d + 1];
      return a > 0.5 ? 'a' : a < -0.5 ? 'b' : 'c';
    });
    const rounded = { data: Float64Array.from(X32), rows: n, cols: d };
    let peak32 = 0;
    let peak64 = 0;
    const probe = (set: (v: number) => void) => () => set(heap.bytesInUse);
    for (const solver of ['lbfgs', 'newton'] as const) {
      const m32 = new LogisticRegression({ solver, dtype: 'float32', tol: 1e-10, onIteration: probe((v) => (peak32 = Math.max(peak32, v))) }).fit(rounded, y);
      const m64 = new LogisticRegression({ solver, dtype: 'float64', tol: 1e-10, onIteration: probe((v) => (peak64 = Math.max(peak64, v))) }).fit(rounded, y);
      expect(m32.kind).toBe('multinomial');
      expect(Array.from(m32.coef), solver).toEqual(Array.from(m64.coef));
      expect(Array.from(m32.intercept as Float64Array)).toEqual(Array.from(m64.intercept as Float64Array));
      expect(m32.converged).toBe(true);
      // 'auto' keeps a Float32Array input as float32
      const auto = new LogisticRegression({ solver, tol: 1e-10 }).fit({ data: X32, rows: n, cols: d }, y);
      expect(Array.from(auto.coef)).toEqual(Array.from(m32.coef));
    }
    expect(peak64 - peak32).toBe(4 * n * d);
  });
});
