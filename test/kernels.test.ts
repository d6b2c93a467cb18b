// The fused pass of both backends: extreme margins against 60-digit references, wasm vs js
// agreement on every shape of the unrolled loops' tails, and row subsets.
import { describe, expect, it } from 'vitest';
import { jsKernels } from '../src/engine/js.js';
import { kernelsFor } from '../src/engine/select.js';
import { matrixSource } from '../src/data/matrix.js';
import { testingRuntime } from './testing-kernels.js';
import type { Kernels, LossKind } from '../src/engine/types.js';
import { flat, gauss, lossFixture, prng, relErr } from './helpers.js';

const wasm = kernelsFor('wasm');
const backends: [string, Kernels][] = [
  ['wasm', wasm],
  ['js', jsKernels],
];

function dense(data: Float64Array, rows: number, cols: number) {
  return matrixSource({ data, rows, cols });
}

describe('loss and dℓ/dz at extreme margins (references: mpmath, 60 digits)', () => {
  for (const [name, k] of backends) {
    it(`${name}: matches to 2 ulp for z in {0, ±1e-300, ±1, ±30, ±40, ±800, ±1e300}`, () => {
      expect(wasm.name).toBe('wasm');
      for (const ref of lossFixture()) {
        // one row, one feature x = 1, w = z: the pass computes exactly this z
        const ds = k.dataset(dense(Float64Array.of(1), 1, 1), Float64Array.of(ref.y), null);
        const g = new Float64Array(2);
        const loss = ds.fusedGrad(Float64Array.of(ref.z), 0, g, 'log', true);
        ds.dispose();
        expect(Number.isFinite(loss)).toBe(true);
        const tol = (v: number) => 2 * 2 ** -52 * Math.abs(v) + 1e-320;
        expect(Math.abs(loss - ref.loss), `loss z=${ref.z} y=${ref.y}`).toBeLessThanOrEqual(tol(ref.loss));
        expect(Math.abs(g[0] - ref.dz), `dz z=${ref.z} y=${ref.y}`).toBeLessThanOrEqual(tol(ref.dz));
        expect(g[1]).toBe(g[0]);
      }
    });
  }
});

describe('the loss of unit-weight rows sharing one log1p (blocks of 8 and 4 rows)', () => {
  for (const [name, k] of backends) {
    it(`${name}: 13 copies of each extreme-margin row sum to 13·ℓ within 4 ulp`, () => {
      // 13 rows = one block of 8, one of 4 and a leftover row: every path of the pass
      const n = 13;
      for (const ref of lossFixture()) {
        const y = new Float64Array(n).fill(ref.y);
        const ds = k.dataset(dense(new Float64Array(n).fill(1), n, 1), y, null);
        const g = new Float64Array(2);
        const loss = ds.fusedGrad(Float64Array.of(ref.z), 0, g, 'log', true);
        ds.dispose();
        const want = n * ref.loss;
        expect(Math.abs(loss - want), `loss z=${ref.z} y=${ref.y}`).toBeLessThanOrEqual(4 * 2 ** -52 * Math.abs(want) + 1e-320);
      }
    });
  }
});

describe('the loss of many unit-weight rows (log1p terms joined across blocks)', () => {
  // Σ ℓ over 1000 rows against a compensated sum of per-row ℓ from Math.exp/Math.log1p: tiny
  // losses (right side, margins 20–40), mixed margins, and large wrong-side margins.
  const regimes: [string, (r: () => number, y: number) => number][] = [
    ['tiny', (r, y) => (y ? 1 : -1) * (20 + 20 * r())],
    ['mixed', (r) => gauss(r) * 4],
    ['wrong side', (r, y) => (y ? -1 : 1) * (5 + 50 * r())],
  ];
  for (const [name, k] of backends)
    for (const [regime, zOf] of regimes)
      it(`${name}, ${regime}: within 1e-15 relative`, () => {
        const n = 1000;
        const r = prng(regime.length);
        const y = Float64Array.from({ length: n }, () => (r() < 0.5 ? 0 : 1));
        const z = Float64Array.from(y, (yi) => zOf(r, yi));
        let sum = 0;
        let comp = 0; // Neumaier
        for (let i = 0; i < n; i++) {
          const l = Math.log1p(Math.exp(-Math.abs(z[i]))) + (Math.max(z[i], 0) - y[i] * z[i]);
          const t = sum + l;
          comp += Math.abs(sum) >= Math.abs(l) ? sum - t + l : l - t + sum;
          sum = t;
        }
        const want = sum + comp;
        const ds = k.dataset(dense(z, n, 1), y, null); // x = z, w = 1, b = 0: the margins exactly
        const loss = ds.fusedGrad(Float64Array.of(1), 0, new Float64Array(2), 'log', true);
        ds.dispose();
        expect(Math.abs(loss - want) / want).toBeLessThan(1e-15);
      });
});

function randomCase(n: number, d: number, seed: number, weights: boolean) {
  const r = prng(seed);
  const X = new Float64Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = gauss(r) * (1 + (i % 3));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = r() < 0.5 ? 0 : 1;
  const s = weights ? Float64Array.from({ length: n }, () => 0.1 + 2 * r()) : null;
  const w = Float64Array.from({ length: d }, () => gauss(r) * 0.7);
  return { X, y, s, w, b: gauss(r) };
}

describe('wasm and js backends agree to 1e-12 relative', () => {
  const sizes = [1, 2, 3, 4, 5, 7, 9, 13, 33];
  for (const loss of ['log', 'squared'] as LossKind[]) {
    it(`${loss} loss, d = 1..17, n not a multiple of 4, with and without weights`, () => {
      let worst = 0;
      for (let d = 1; d <= 17; d++) {
        for (const n of sizes) {
          for (const weights of [false, true]) {
            const c = randomCase(n, d, 1000 * d + n, weights);
            const out: Float64Array[] = [];
            const losses: number[] = [];
            for (const [, k] of backends) {
              const ds = k.dataset(dense(c.X, n, d), c.y, c.s);
              const g = new Float64Array(d + 1);
              losses.push(ds.fusedGrad(c.w, c.b, g, loss, true));
              out.push(g);
              ds.dispose();
            }
            worst = Math.max(worst, relErr(out[0], out[1]), Math.abs(losses[0] - losses[1]) / Math.abs(losses[1]));
          }
        }
      }
      expect(worst).toBeLessThan(1e-12);
    });
  }

  it('SAGA batches: both backends give the same g and keep the same table (blocks of 4 and leftovers)', () => {
    const n = 37;
    const r = prng(77);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const cuts = [0, 5, 13, 26, 37]; // batches of 5, 8, 13 and 11 rows
    let worst = 0;
    for (const d of [1, 3, 8, 17]) {
      for (const loss of ['log', 'squared'] as LossKind[]) {
        for (const weights of [false, true]) {
          const c = randomCase(n, d, 31 * d + (weights ? 1 : 0), weights);
          const sets = backends.map(([, k]) => k.dataset(dense(c.X, n, d), c.y, c.s));
          // two sweeps: the second one's deltas depend on the table the first one left
          for (let sweep = 0; sweep < 2; sweep++) {
            const w = c.w.map((v) => v * (1 + 0.3 * sweep));
            for (let t = 0; t + 1 < cuts.length; t++) {
              const idx = order.subarray(cuts[t], cuts[t + 1]);
              const gs = sets.map((ds) => {
                const g = new Float64Array(d + 1);
                ds.sagaBatch(w, c.b, idx, 1.7, loss, g);
                return g;
              });
              worst = Math.max(worst, relErr(gs[0], gs[1]));
            }
          }
          sets.forEach((ds) => ds.dispose());
        }
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('row subsets (index lists) equal the pass over the same rows copied out (blocks of 8, 4 and leftovers; unit and given weights)', () => {
    const n = 57;
    const d = 11;
    // 23 rows, out of order and with a repeat: two eight-row blocks, a four-row block, 3 leftovers
    const idx = Int32Array.from([3, 56, 0, 17, 17, 42, 8, 30, 29, 1, 55, 12, 40, 41, 7, 23, 50, 2, 33, 19, 44, 5, 36]);
    for (const weighted of [false, true]) {
      const c = randomCase(n, d, 5, weighted);
      const sub = new Float64Array(idx.length * d);
      idx.forEach((row, k) => sub.set(c.X.subarray(row * d, row * d + d), k * d));
      for (const [, k] of backends) {
        const full = k.dataset(dense(c.X, n, d), c.y, c.s);
        const part = k.dataset(
          dense(sub, idx.length, d),
          Float64Array.from(idx, (i) => c.y[i]),
          c.s ? Float64Array.from(idx, (i) => c.s![i]) : null,
        );
        const g1 = new Float64Array(d + 1);
        const g2 = new Float64Array(d + 1);
        const l1 = full.fusedGrad(c.w, c.b, g1, 'log', true, idx);
        const l2 = part.fusedGrad(c.w, c.b, g2, 'log', true);
        expect(l1).toBe(l2);
        expect(Array.from(g1)).toEqual(Array.from(g2));
        full.dispose();
        part.dispose();
      }
    }
  });

  it('skipping the loss value leaves the gradient unchanged', () => {
    const c = randomCase(23, 6, 9, false);
    const ds = wasm.dataset(dense(c.X, 23, 6), c.y, null);
    const g1 = new Float64Array(7);
    const g2 = new Float64Array(7);
    ds.fusedGrad(c.w, c.b, g1, 'log', true);
    expect(ds.fusedGrad(c.w, c.b, g2, 'log', false)).toBe(0);
    expect(Array.from(g2)).toEqual(Array.from(g1));
    ds.dispose();
  });

  it('curvature and Hessian-vector products agree between backends (n = 1..19: the blocks of eight and their tails)', () => {
    let worst = 0;
    for (const loss of ['log', 'squared'] as LossKind[]) {
      for (const weights of [false, true]) {
        for (let n = 1; n <= 19; n++) {
          const d = 3;
          const c = randomCase(n, d, 40 + n, weights);
          const v = Float64Array.of(0.3, -1.1, 0.7);
          const outs = [wasm, jsKernels].map((k) => {
            const ds = k.dataset(dense(c.X, n, d), c.y, c.s);
            ds.fusedGrad(c.w, c.b, new Float64Array(d + 1), loss, false, undefined, true);
            ds.curvature(loss);
            const out = new Float64Array(d + 1);
            ds.hessVec(v, 0.2, out);
            ds.dispose();
            return out;
          });
          worst = Math.max(worst, relErr(outs[0], outs[1]));
        }
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('the full Hessian: symmetric, each column the Hessian-vector product of a unit vector, both backends (d = 1..9; one panel, several, odd tails)', () => {
    let worst = 0;
    for (const loss of ['log', 'squared'] as LossKind[])
      for (let d = 1; d <= 9; d++)
        for (const n of [1, 3, 4, 5, 8, 13, 16, 17, 33, 40]) {
          const c = randomCase(n, d, 100 * d + n, n % 2 === 1);
          const m = d + 1;
          const mats = [wasm, jsKernels].map((k) => {
            const ds = k.dataset(dense(c.X, n, d), c.y, c.s);
            ds.fusedGrad(c.w, c.b, new Float64Array(m), loss, false, undefined, true);
            ds.curvature(loss);
            const H = new Float64Array(m * m);
            ds.hessian(H);
            // column j from hessVec(e_j, 0); the intercept's column from hessVec(0, 1)
            const col = new Float64Array(m);
            for (let j = 0; j < m; j++) {
              const v = new Float64Array(d);
              if (j < d) v[j] = 1;
              ds.hessVec(v, j < d ? 0 : 1, col);
              worst = Math.max(worst, relErr(Array.from({ length: m }, (_, i) => H[i * m + j]), col));
            }
            ds.dispose();
            for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) expect(H[i * m + j]).toBe(H[j * m + i]);
            return H;
          });
          worst = Math.max(worst, relErr(mats[0], mats[1]));
        }
    expect(worst).toBeLessThan(1e-12);
  });

  it('decision function and sigmoid agree between backends', () => {
    const c = randomCase(19, 5, 77, false);
    const z1 = new Float64Array(19);
    const z2 = new Float64Array(19);
    wasm.decision(dense(c.X, 19, 5), c.w, c.b, z1);
    jsKernels.decision(dense(c.X, 19, 5), c.w, c.b, z2);
    expect(Array.from(z1)).toEqual(Array.from(z2));
    const big = Float64Array.of(...z1, 0, 40, -40, 800, -800, 1e300, -1e300);
    const p1 = big.slice();
    const p2 = big.slice();
    wasm.sigmoid(p1);
    jsKernels.sigmoid(p2);
    expect(relErr(p1, p2)).toBeLessThan(1e-15);
    expect(p1[p1.length - 2]).toBe(1);
    expect(p1[p1.length - 1]).toBe(0);
  });
});

describe('the read floor kernel (sumAll, timed by the bench as the cost of reading X once)', () => {
  it('sums n values exactly when every partial sum is exact, for n = 0 … 40 (every tail of its 8-value steps)', () => {
    const { exports: ex, heap } = testingRuntime();
    const p = heap.alloc(8 * 40);
    // integers (some negative): every sum in any order is exact, so each tail must add every value once
    const xs = Float64Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? -1 : 1) * (i * i + 1));
    heap.f64(p, 40).set(xs);
    for (let n = 0; n <= 40; n++) expect(ex.sumAll(p, n), `n = ${n}`).toBe(xs.subarray(0, n).reduce((a, b) => a + b, 0));
    heap.release(p);
  });
});

export { flat };

describe('column stats (the standardised coordinates of the convergence test)', () => {
  it('wasm (f64 and f32 storage, binary and softmax datasets) and js give the two-pass mean and variance, offsets included', () => {
    const r = prng(41);
    for (const [n, d] of [[1, 1], [2, 3], [19, 5], [40, 8]]) {
      const X = new Float64Array(n * d);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) X[i * d + j] = (j % 2 ? 1e6 : 1) * gauss(r) + (j === 2 ? 1e9 : 0);
      const mean = new Float64Array(d);
      const variance = new Float64Array(d);
      for (let j = 0; j < d; j++) {
        for (let i = 0; i < n; i++) mean[j] += X[i * d + j] / n;
        for (let i = 0; i < n; i++) variance[j] += (X[i * d + j] - mean[j]) ** 2 / n;
      }
      const y = Float64Array.from({ length: n }, (_, i) => i % 2);
      const codes = Int32Array.from({ length: n }, (_, i) => i % 3);
      for (const [name, k] of backends)
        for (const storage of ['float64', 'float32'] as const) {
          if (name === 'js' && storage === 'float32') continue;
          const X32 = storage === 'float32' ? Float64Array.from(Float32Array.from(X)) : X;
          const want = { mean: new Float64Array(d), variance: new Float64Array(d) };
          for (let j = 0; j < d; j++) {
            for (let i = 0; i < n; i++) want.mean[j] += X32[i * d + j] / n;
            for (let i = 0; i < n; i++) want.variance[j] += (X32[i * d + j] - want.mean[j]) ** 2 / n;
          }
          const sets = [k.dataset(dense(X, n, d), y, null, storage), k.softmaxDataset(dense(X, n, d), codes, 3, null, storage)];
          for (const ds of sets) {
            const got = ds.columnStats();
            ds.dispose();
            for (let j = 0; j < d; j++) {
              const m = want.mean[j];
              expect(Math.abs(got.mean[j] - m), `${name} ${storage} n=${n} mean ${j}`).toBeLessThanOrEqual(1e-14 * Math.abs(m));
              // the two-pass reference itself carries about ε·mean² of rounding
              const err = Math.abs(got.variance[j] - want.variance[j]);
              expect(err, `${name} ${storage} n=${n} variance ${j}`).toBeLessThanOrEqual(1e-9 * want.variance[j] + 1e-14 * m * m);
            }
          }
        }
    }
  });
});
