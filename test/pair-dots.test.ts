// The fused pass's eight-row blocks compute two rows' dot products in one step (assembly/dot.ts:
// dot2Short, straight-line, for d <= 8; dot2X, dotX's loop for two rows, above). Each margin must
// carry the same bits as the one-row dot product (the decision kernel) — up to the sign of a
// zero, which dot2Short's skipped additions of zero can leave — in f64 and f32 storage, for every
// d that takes a different branch (and past the eight-row blocks' 800-byte limit), whatever the
// row order.
import { describe, expect, it } from 'vitest';
import { wasmRuntime } from '../src/wasm/load.js';
import { prng } from './helpers.js';

describe('margins of the eight-row blocks (two rows per dot step)', () => {
  for (const f32 of [false, true])
    it(`equal the one-row dot product bit for bit, d = 1 … 20, 33, 50, 100, 101, 201 (${f32 ? 'f32' : 'f64'} storage)`, () => {
      const rt = wasmRuntime()!;
      const { exports: ex, heap } = rt;
      const rand = prng(41);
      const n = 8 * 5 + 3; // five blocks of eight, then leftovers
      for (const d of [...Array.from({ length: 20 }, (_, i) => i + 1), 33, 50, 100, 101, 201]) {
        const X = Float64Array.from({ length: n * d }, () => (rand() - 0.5) * 6);
        const xs = f32 ? Float32Array.from(X) : X;
        const Xw = Float64Array.from(xs); // the values as stored, widened
        const y = Float64Array.from({ length: n }, () => (rand() < 0.5 ? 1 : 0));
        const w = Float64Array.from({ length: d }, () => rand() - 0.5);
        const b = 0.3;
        const order = Int32Array.from({ length: n }, (_, i) => (i * 17) % n); // a permutation
        const pX = heap.alloc(8 * n * d);
        const pXw = heap.alloc(8 * n * d);
        const py = heap.alloc(8 * n);
        const pw = heap.alloc(8 * d);
        const pg = heap.alloc(8 * (d + 1));
        const pz = heap.alloc(8 * n);
        const pRef = heap.alloc(8 * n);
        const pIdx = heap.alloc(4 * n);
        if (f32) heap.f32(pX, n * d).set(xs);
        else heap.f64(pX, n * d).set(xs);
        heap.f64(pXw, n * d).set(Xw);
        heap.f64(py, n).set(y);
        heap.f64(pw, d).set(w);
        heap.i32(pIdx, n).set(order);
        ex.decision(pXw, d, n, pw, b, pRef);
        const ref = heap.f64(pRef, n).slice();
        const pass = f32 ? ex.fusedGradF32 : ex.fusedGrad;
        for (const idx of [0, pIdx]) {
          pass(pX, d, py, 0, idx, 0, n, pw, b, pg, pz, 0);
          const z = heap.f64(pz, n);
          for (let k = 0; k < n; k++) {
            const row = idx ? order[k] : k;
            if (!Object.is(z[k] + 0, ref[row] + 0)) throw new Error(`d = ${d}, row ${row}: z ${z[k]} ≠ ${ref[row]}`);
          }
        }
        expect(heap.f64(pz, n).every(Number.isFinite)).toBe(true);
        for (const p of [pX, pXw, py, pw, pg, pz, pRef, pIdx]) heap.release(p);
      }
    });
});
