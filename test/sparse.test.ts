// Sparse (CSR) X: every kernel against the same data densified and between backends, every
// solver and entry point, threads, and the typed errors of bad CSR input.
import { beforeAll, describe, expect, it } from 'vitest';
import { LogisticRegression, LogisticRegressionCV, LogRegError, inference, init, logLoss, logisticObjective } from '../src/index.js';
import { kernelsFor } from '../src/engine/select.js';
import { matrixSource } from '../src/data/matrix.js';
import { startThreadsSync } from '../src/engine/threads/runtime.js';
import { wasmKernels } from '../src/engine/wasm.js';
import { csrShardStarts } from '../src/engine/threads/shards.js';
import { METHODS } from '../src/optim/dispatch.js';
import type { Kernels, KernelDataset } from '../src/engine/types.js';
import { makeSparseProblem, prng } from './problem.js';
import { relErr } from './helpers.js';

beforeAll(() => init());

const P = makeSparseProblem(300, 37, 6, 11);

function weights(n: number, seed: number): Float64Array {
  const r = prng(seed);
  return Float64Array.from({ length: n }, () => 0.2 + 2 * r());
}

/** Every pass of a binary dataset at one point: loss, gradient (full and a row list), H·v, H. */
function passes(data: KernelDataset, seed: number) {
  const d = data.d;
  const r = prng(seed);
  const w = Float64Array.from({ length: d }, () => r() - 0.5);
  const v = Float64Array.from({ length: d }, () => r() - 0.5);
  const g = new Float64Array(d + 1);
  const loss = data.fusedGrad(w, 0.3, g, 'log', true, undefined, true);
  const gi = new Float64Array(d + 1);
  const lossIdx = data.fusedGrad(w, -0.1, gi, 'squared', true, Int32Array.from([5, 3, 250, 3, 17]));
  data.curvature('log');
  const hv = new Float64Array(d + 1);
  data.hessVec(v, 0.7, hv);
  const H = new Float64Array((d + 1) ** 2);
  data.hessian(H);
  return { loss, g, lossIdx, gi, hv, H, norms: data.rowSqNorms(), stats: data.columnStats() };
}

function expectClose(a: ReturnType<typeof passes>, b: ReturnType<typeof passes>, tol: number) {
  expect(Math.abs(a.loss - b.loss) / b.loss).toBeLessThan(tol);
  expect(Math.abs(a.lossIdx - b.lossIdx) / b.lossIdx).toBeLessThan(tol);
  for (const k of ['g', 'gi', 'hv', 'H', 'norms'] as const) expect(relErr(a[k], b[k]), k).toBeLessThan(tol);
  expect(relErr(a.stats.mean, b.stats.mean)).toBeLessThan(tol);
  expect(relErr(a.stats.variance, b.stats.variance)).toBeLessThan(tol);
}

describe('CSR kernels', () => {
  const backends: [string, () => Kernels][] = [['wasm', () => kernelsFor('wasm')], ['js', () => kernelsFor('js')]];
  const y = Float64Array.from(P.y);
  for (const [name, k] of backends)
    for (const s of [null, weights(300, 3)])
      it(`${name}${s ? ', weighted' : ''}: every pass equals the densified data's to 1e-12`, () => {
        const sparse = k().dataset(matrixSource(P.csr), y, s);
        const dense = k().dataset(matrixSource(P.dense), y, s);
        expectClose(passes(sparse, 5), passes(dense, 5), 1e-12);
        sparse.dispose();
        dense.dispose();
      });

  it('wasm and js agree to 1e-12; float32 storage reads the values rounded to float32', () => {
    const w = passes(kernelsFor('wasm').dataset(matrixSource(P.csr), y, null), 9);
    const j = passes(kernelsFor('js').dataset(matrixSource(P.csr), y, null), 9);
    expectClose(w, j, 1e-12);
    const f32 = { ...P.csr, data: Float32Array.from(P.csr.data) };
    const a = passes(kernelsFor('wasm').dataset(matrixSource(P.csr), y, null, 'float32'), 9);
    const b = passes(kernelsFor('wasm').dataset(matrixSource({ ...f32, data: Float64Array.from(f32.data) }), y, null), 9);
    expectClose(a, b, 1e-14);
  });

  it('softmax passes equal the densified data and agree between backends', () => {
    const k = 3;
    const codes = Int32Array.from(P.y, (v, i) => (i % 4 === 0 ? 2 : v));
    const r = prng(4);
    const W = Float64Array.from({ length: k * 37 }, () => r() - 0.5);
    const b = Float64Array.from([0.1, -0.2, 0.05]);
    const V = Float64Array.from({ length: k * 37 }, () => r() - 0.5);
    const run = (kern: Kernels, X: unknown) => {
      const data = kern.softmaxDataset(matrixSource(X), codes, k, weights(300, 8));
      const g = new Float64Array(k * 37 + k);
      const loss = data.grad(W, b, g, undefined, true);
      const gi = new Float64Array(k * 37 + k);
      const lossIdx = data.grad(W, b, gi, Int32Array.from([1, 2, 200, 2]));
      const hv = new Float64Array(k * 37 + k);
      data.hessVec(V, b, hv);
      data.dispose();
      return { loss, g, lossIdx, gi, hv };
    };
    const ref = run(kernelsFor('js'), P.dense);
    for (const out of [run(kernelsFor('wasm'), P.csr), run(kernelsFor('js'), P.csr), run(kernelsFor('wasm'), P.dense)]) {
      expect(Math.abs(out.loss - ref.loss) / ref.loss).toBeLessThan(1e-12);
      expect(Math.abs(out.lossIdx - ref.lossIdx) / ref.lossIdx).toBeLessThan(1e-12);
      for (const key of ['g', 'gi', 'hv'] as const) expect(relErr(out[key], ref[key]), key).toBeLessThan(1e-12);
    }
  });

  it('predictions over CSR rows equal the dense ones (binary and multinomial)', () => {
    const d = 37;
    const r = prng(12);
    const w = Float64Array.from({ length: d }, () => r() - 0.5);
    const W = Float64Array.from({ length: 3 * d }, () => r() - 0.5);
    const b = Float64Array.from([0.3, -0.1, 0.2]);
    for (const kern of [kernelsFor('wasm'), kernelsFor('js')]) {
      for (const sig of [false, true]) {
        const a = new Float64Array(300);
        const e = new Float64Array(300);
        kern.decision(matrixSource(P.csr), w, 0.4, a, sig);
        kern.decision(matrixSource(P.dense), w, 0.4, e, sig);
        expect(relErr(a, e)).toBeLessThan(1e-14);
      }
      const a = new Float64Array(900);
      const e = new Float64Array(900);
      kern.decisionMulti(matrixSource(P.csr), W, b, 3, a);
      kern.decisionMulti(matrixSource(P.dense), W, b, 3, e);
      expect(relErr(a, e)).toBeLessThan(1e-14);
    }
  });
});

describe('CSR threads', () => {
  it('shards balance non-zeros, cover every row once, in multiples of 8 rows', () => {
    // rows 0 .. 9999 hold 1 non-zero, rows 10000 .. 19999 hold 20
    const indptr = new Int32Array(20001);
    for (let i = 0; i < 20000; i++) indptr[i + 1] = indptr[i] + (i < 10000 ? 1 : 20);
    const s = csrShardStarts(indptr, 2);
    expect(s).toHaveLength(3);
    expect(s[1] % 8).toBe(0);
    const work = (a: number, b: number) => indptr[b] - indptr[a] + 8 * (b - a);
    expect(work(0, s[1]) / work(s[1], 20000)).toBeGreaterThan(0.95);
    expect(work(0, s[1]) / work(s[1], 20000)).toBeLessThan(1.05);
    expect(csrShardStarts(Int32Array.from([0, 3, 5]), 4)).toEqual([0, 2]);
  });

  it('a threaded pass equals the one-thread pass to 1e-12, the same bits every run', () => {
    const s = startThreadsSync(2);
    if (!('runtime' in s)) throw new Error(s.reason);
    const big = makeSparseProblem(20000, 3000, 30, 21);
    const y = Float64Array.from(big.y);
    try {
      const threaded = wasmKernels(s.runtime);
      const one = passesNoHessian(kernelsFor('wasm').dataset(matrixSource(big.csr), y, null));
      const a = passesNoHessian(threaded.dataset(matrixSource(big.csr), y, null));
      const b = passesNoHessian(threaded.dataset(matrixSource(big.csr), y, null));
      expect(relErr(a.g, one.g)).toBeLessThan(1e-12);
      expect(relErr(a.hv, one.hv)).toBeLessThan(1e-12);
      expect(Math.abs(a.loss - one.loss) / one.loss).toBeLessThan(1e-12);
      expect(Array.from(a.g)).toEqual(Array.from(b.g));
      expect(Array.from(a.hv)).toEqual(Array.from(b.hv));
    } finally {
      s.runtime.pool.end();
    }
  });
});

function passesNoHessian(data: KernelDataset) {
  const r = prng(2);
  const w = Float64Array.from({ length: data.d }, () => 0.1 * (r() - 0.5));
  const g = new Float64Array(data.d + 1);
  const loss = data.fusedGrad(w, 0.1, g, 'log', true, undefined, true);
  data.curvature('log');
  const hv = new Float64Array(data.d + 1);
  data.hessVec(w, 0.2, hv);
  data.dispose();
  return { loss, g, hv };
}

describe('every solver on CSR input', () => {
  for (const backend of ['wasm', 'js'] as const)
    for (const solver of METHODS)
      it(`${backend} ${solver}: the same fit as on the densified data (J to 1e-10)`, () => {
        // saga's default batch differs (sparse: 1 row, dense: 32): the same one on both sides
        const opts = { solver, backend, maxIter: 200, tol: 1e-6, seed: 3, ...(solver === 'saga' ? { batchSize: 4 } : {}) } as const;
        const a = new LogisticRegression(opts).fit(P.csr, P.y, { sampleWeight: weights(300, 1) });
        const b = new LogisticRegression(opts).fit(P.dense, P.y, { sampleWeight: weights(300, 1) });
        expect(a.nIter).toBe(b.nIter);
        const ja = a.lossHistory.at(-1)!;
        const jb = b.lossHistory.at(-1)!;
        expect(Math.abs(ja - jb) / jb).toBeLessThan(1e-10);
        expect(relErr(a.predictProba(P.csr), b.predictProba(P.dense))).toBeLessThan(1e-8);
      });

  it("saga on sparse rows steps one row at a time unless batchSize says otherwise", () => {
    const a = new LogisticRegression({ solver: 'saga', seed: 2 }).fit(P.csr, P.y);
    const b = new LogisticRegression({ solver: 'saga', seed: 2, batchSize: 1 }).fit(P.csr, P.y);
    const c = new LogisticRegression({ solver: 'saga', seed: 2, batchSize: 32 }).fit(P.csr, P.y);
    expect(Array.from(a.coef)).toEqual(Array.from(b.coef));
    expect(a.nIter).toBe(b.nIter);
    expect(Array.from(a.coef)).not.toEqual(Array.from(c.coef));
  });

  it('multinomial, one-vs-rest, L1 and elastic net fit CSR as they fit the dense copy', () => {
    const y3 = P.y.map((v, i) => (i % 3 === 0 ? 2 : v));
    const cases = [
      { multiClass: 'multinomial' },
      { multiClass: 'ovr' },
      { penalty: 'l1', solver: 'saga', C: 0.5, maxIter: 500, batchSize: 1 },
      { penalty: 'elasticnet', l1Ratio: 0.5, solver: 'saga', C: 0.5, maxIter: 500, batchSize: 1 },
    ] as const;
    for (const c of cases) {
      const y = 'multiClass' in c ? y3 : P.y;
      const a = new LogisticRegression({ ...c, tol: 1e-8 }).fit(P.csr, y);
      const b = new LogisticRegression({ ...c, tol: 1e-8 }).fit(P.dense, y);
      expect(relErr(a.coef, b.coef), JSON.stringify(c)).toBeLessThan(1e-8);
      expect(a.predict(P.csr)).toEqual(b.predict(P.dense));
    }
  });
});

describe('CSR entry points', () => {
  it('partialFit, fitStream and fitAsync take CSR batches', async () => {
    const half = (lo: number, hi: number) => {
      const { indptr, indices, data } = P.csr;
      const p = indptr.slice(lo, hi + 1).map((v) => v - indptr[lo]);
      return { indptr: p, indices: indices.slice(indptr[lo], indptr[hi]), data: data.slice(indptr[lo], indptr[hi]), shape: [hi - lo, 37] as [number, number] };
    };
    const denseHalf = (lo: number, hi: number) => ({ data: P.dense.data.slice(lo * 37, hi * 37), rows: hi - lo, cols: 37 });
    const opts = { solver: 'sgd', seed: 1 } as const;
    const a = new LogisticRegression(opts).partialFit(half(0, 150), P.y.slice(0, 150), { classes: [0, 1] }).partialFit(half(150, 300), P.y.slice(150));
    const b = new LogisticRegression(opts).partialFit(denseHalf(0, 150), P.y.slice(0, 150), { classes: [0, 1] }).partialFit(denseHalf(150, 300), P.y.slice(150));
    expect(relErr(a.coef, b.coef)).toBeLessThan(1e-10);
    const batches = () => [{ X: half(0, 150), y: P.y.slice(0, 150) }, { X: half(150, 300), y: P.y.slice(150) }];
    const s = await new LogisticRegression(opts).fitStream(batches, { classes: [0, 1], epochs: 3 });
    const t = await new LogisticRegression(opts).fitStream(() => [{ X: denseHalf(0, 150), y: P.y.slice(0, 150) }, { X: denseHalf(150, 300), y: P.y.slice(150) }], { classes: [0, 1], epochs: 3 });
    expect(relErr(s.coef, t.coef)).toBeLessThan(1e-10);
    const u = await new LogisticRegression().fitAsync(P.csr, P.y);
    const v = new LogisticRegression().fit(P.dense, P.y);
    expect(relErr(u.coef, v.coef)).toBeLessThan(1e-8);
  });

  it('logisticObjective on CSR: the same J and gradient as on the dense copy', () => {
    const a = logisticObjective(P.csr, P.y, { C: 2 });
    const b = logisticObjective(P.dense, P.y, { C: 2 });
    const x = Float64Array.from({ length: 38 }, (_, j) => Math.sin(j));
    const ga = new Float64Array(38);
    const gb = new Float64Array(38);
    expect(Math.abs(a.valueAndGradient(x, ga) - b.valueAndGradient(x, gb))).toBeLessThan(1e-14);
    expect(relErr(ga, gb)).toBeLessThan(1e-12);
    a.dispose();
    b.dispose();
  });

  it('ml-sparse-matrix objects and term rows with a vocabulary read as the same CSR', () => {
    const { indptr, indices, data, shape } = P.csr;
    const like = {
      rows: shape[0],
      columns: shape[1],
      getNonZeros: () => ({ rows: Float64Array.from(indptr), columns: Float64Array.from(indices), values: data }),
    };
    const vocab = Array.from({ length: 37 }, (_, j) => `t${j}`);
    const terms = Array.from({ length: 300 }, (_, i) => {
      const m = new Map<string, number>();
      for (let k = indptr[i]; k < indptr[i + 1]; k++) m.set(`t${indices[k]}`, data[k]);
      if (i % 2) m.set('unknown-term', 5); // outside the vocabulary: left out
      return i % 3 ? m : Object.fromEntries(m);
    });
    const ref = new LogisticRegression().fit(P.csr, P.y);
    for (const X of [like, { terms, vocabulary: vocab }, { terms, vocabulary: new Map(vocab.map((t, j) => [t, j])) }]) {
      const m = new LogisticRegression().fit(X, P.y);
      expect(relErr(m.coef, ref.coef)).toBeLessThan(1e-12);
    }
  });

  it('steps that need dense rows refuse sparse X by name', () => {
    expect(() => new LogisticRegression({ standardize: true }).fit(P.csr, P.y)).toThrow(/sparse .* needs dense rows/);
  });
});

describe('bad CSR input', () => {
  const base = () => ({ indptr: Int32Array.from([0, 2, 3]), indices: Int32Array.from([0, 2, 1]), data: Float64Array.from([1, 2, 3]), shape: [2, 3] as [number, number] });
  const cases: [string, Record<string, unknown>, RegExp, object?][] = [
    ['shape', { shape: [2] }, /shape must be \[rows, columns\]/],
    ['negative rows', { shape: [-1, 3] }, /shape rows must be a non-negative integer/],
    ['no columns', { shape: [2, 0] }, /no columns/],
    ['indptr length', { indptr: Int32Array.from([0, 2]) }, /indptr has 2 entries; shape\[0\] = 2 rows need 3/],
    ['indptr start', { indptr: Int32Array.from([1, 2, 3]) }, /indptr\[0\] is 1/],
    ['indptr decreasing', { indptr: Int32Array.from([0, 3, 2]) }, /decreases at row 1/, { row: 1 }],
    ['short arrays', { indptr: Int32Array.from([0, 2, 4]) }, /ends at 4 non-zeros but indices has 3/],
    ['index out of range', { indices: Int32Array.from([0, 3, 1]) }, /row 0 has column index 3 \(position 1\), outside 0 .. 2/, { row: 0 }],
    ['negative index', { indices: [0, -1, 1] }, /indices\[1\] is -1/],
    ['huge Uint32 index', { indices: Uint32Array.from([0, 2 ** 31, 1]) }, /column index 2147483648/],
    ['NaN', { data: Float64Array.from([1, NaN, 3]) }, /NaN at row 0, column 2 \(position 1\)/, { row: 0, column: 2 }],
    ['Infinity', { data: [1, 2, -Infinity] }, /-Infinity at row 1, column 1/, { row: 1, column: 1 }],
    ['a string value', { data: [1, '2', 3] }, /data\[1\] is "2", not a number/],
    ['duplicate column', { indices: Int32Array.from([2, 2, 1]) }, /row 0 has column 2 twice/, { row: 0, column: 2 }],
  ];
  for (const [name, patch, message, details] of cases)
    it(`${name}: a typed error naming it`, () => {
      let err: unknown;
      try {
        new LogisticRegression().fit({ ...base(), ...patch }, [0, 1]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LogRegError);
      expect((err as Error).message).toMatch(message);
      if (details) expect((err as LogRegError).details).toMatchObject(details);
    });

  it('a bad value in prediction input is named too, and the model is unchanged', () => {
    const m = new LogisticRegression().fit(P.csr, P.y);
    const coef = m.coef.slice();
    expect(() => m.predict({ ...base(), shape: [2, 37], data: [1, 2, NaN] })).toThrow(/NaN at row 1, column 1/);
    expect(() => m.predict(base())).toThrow(/3 features but the model was fitted with 37/);
    expect(() => new LogisticRegression().fit({ ...base(), data: [1, 2, 3] }, [0, 1, 1])).toThrow(LogRegError);
    expect(m.coef).toEqual(coef);
  });
});

describe('SAGA epoch with lagged updates', () => {
  const y = Float64Array.from(P.y);
  for (const [batch, thresh, label] of [[1, 0, 'L2'], [3, 0, 'L2, batches of 3'], [1, 2e-3, 'L1'], [4, 5e-3, 'elastic net, batches of 4']] as const)
    it(`${label}: one epoch equals the dense epoch's step-by-step updates (both backends)`, () => {
      const c = { scale: 1, rows: 300, penalized: 37, fitIntercept: true, loss: 'log' as const };
      const run = (data: KernelDataset) => {
        const r = prng(6);
        const x = Float64Array.from({ length: 38 }, () => 0.2 * (r() - 0.5));
        const avg = Float64Array.from({ length: 38 }, () => 0.01 * (r() - 0.5));
        const order = Int32Array.from({ length: 300 }, (_, i) => (i * 7) % 300);
        for (let e = 0; e < 2; e++) data.sagaEpoch!({ x, avg, order, batch, eta: 0.3, thresh, shrink: 1 / (1 + 0.3 * 0.01) }, c);
        data.dispose();
        return { x, avg };
      };
      const ref = run(kernelsFor('wasm').dataset(matrixSource(P.dense), y, null));
      for (const k of [kernelsFor('wasm'), kernelsFor('js')]) {
        const out = run(k.dataset(matrixSource(P.csr), y, null));
        expect(relErr(out.x, ref.x)).toBeLessThan(1e-12);
        expect(relErr(out.avg, ref.avg)).toBeLessThan(1e-12);
      }
    });
});

describe('SGD epoch with the lazy L2 scale', () => {
  const y = Float64Array.from(P.y);
  for (const [batch, l2] of [[1, 0.01], [7, 0.01], [32, 0], [5, 0.3]] as const)
    it(`batches of ${batch}, l2 ${l2}: x and v equal the dense epoch's (both backends)`, () => {
      const c = { nS: 300, S: 300, l2, fitIntercept: true, loss: 'log' as const };
      const run = (data: KernelDataset) => {
        const r = prng(8);
        const x = Float64Array.from({ length: 38 }, () => 0.2 * (r() - 0.5));
        const v = new Float64Array(38);
        const order = Int32Array.from({ length: 300 }, (_, i) => (i * 11) % 300);
        for (let e = 0; e < 3; e++) data.sgdEpoch({ x, v, order, batch, eta: 0.4, beta: 0, nesterov: false }, c);
        data.dispose();
        return { x, v };
      };
      const ref = run(kernelsFor('wasm').dataset(matrixSource(P.dense), y, null));
      for (const k of [kernelsFor('wasm'), kernelsFor('js')]) {
        const out = run(k.dataset(matrixSource(P.csr), y, null));
        expect(relErr(out.x, ref.x)).toBeLessThan(1e-12);
        expect(relErr(out.v, ref.v)).toBeLessThan(1e-10);
      }
    });
});

describe('LogisticRegressionCV on CSR', () => {
  it('the same folds, scores and chosen C as on the densified data, folds taken as CSR rows', () => {
    const opts = { Cs: 4, cv: 3, scoring: 'neg_log_loss' as const, tol: 1e-8 };
    const seen: string[] = [];
    const a = new LogisticRegressionCV({ ...opts, scoring: (m, X, y) => (seen.push('indptr' in X ? 'csr' : 'dense'), -logLoss(y, m.predictProba(X), { classes: m.classes })) }).fit(P.csr, P.y);
    const b = new LogisticRegressionCV(opts).fit(P.dense, P.y);
    expect(new Set(seen)).toEqual(new Set(['csr']));
    expect(a.C).toBe(b.C);
    for (let f = 0; f < 3; f++) expect(relErr(a.scores[0][f], b.scores[0][f])).toBeLessThan(1e-8);
    expect(relErr(a.model!.coef, b.model!.coef)).toBeLessThan(1e-8);
  });
});

describe('full Hessians of many parameters', () => {
  it('newton-cholesky and inference refuse more than 10000 parameters by name, before allocating', () => {
    const wide = makeSparseProblem(50, 20000, 3, 4);
    expect(() => new LogisticRegression({ solver: 'newton-cholesky' }).fit(wide.csr, wide.y)).toThrow(/full 20001 × 20001 Hessian .*use solver 'newton'/);
    const m = new LogisticRegression({ penalty: 'none', solver: 'lbfgs', maxIter: 5 }).fit(wide.csr, wide.y);
    expect(() => inference(m, wide.csr, wide.y)).toThrow(/inference forms the full 20001 × 20001 Hessian/);
  });
});
