// float32 storage: X rounded to float32 once, the same float64 arithmetic in the same order —
// so the gradient equals the float64 computation on the same rounded values exactly.
import { describe, expect, it } from 'vitest';
import { LogisticRegression } from '../src/index.js';
import { kernelsFor } from '../src/backend/select.js';
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
      a.sagaBatch(w, 0.1, undefined, 2, 'log', ga);
      b.sagaBatch(w, 0.1, undefined, 2, 'log', gb);
      expect(Array.from(ga)).toEqual(Array.from(gb));
      expect(Array.from(a.rowSqNorms())).toEqual(Array.from(b.rowSqNorms()));
      a.dispose();
      b.dispose();
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
});
