// A whole SGD epoch in one call (assembly/sgd.ts, backend/sgd-epoch.ts) gives exactly what the
// batch-by-batch loop over batchValueAndGradient gives: same bits, every variant. The same for
// a whole SAGA epoch (assembly/saga.ts) against optim/saga.ts's batch steps.
import { describe, expect, it } from 'vitest';
import { kernelsFor } from '../src/engine/select.js';
import { jsKernels } from '../src/engine/js.js';
import { matrixSource } from '../src/data/matrix.js';
import { LogisticObjective } from '../src/loss/logistic-objective.js';
import { stochastic, type MomentumKind } from '../src/optim/stochastic.js';
import { defaults } from '../src/model/options.js';
import type { FiniteSumObjective, OptimizeOptions, StochasticObjective } from '../src/optim/types.js';
import { saga } from '../src/optim/saga.js';
import { runToEnd } from '../src/optim/monitor.js';
import { flat, makeProblem, prng } from './helpers.js';

/** The same objective without its accelerator: the solver falls back to one call per batch. */
function perBatch(obj: LogisticObjective): StochasticObjective {
  return {
    dim: obj.dim,
    nSamples: obj.nSamples,
    valueAndGradient: (x, g) => obj.valueAndGradient(x, g),
    batchValueAndGradient: (x, g, idx, want) => obj.batchValueAndGradient(x, g, idx, want),
  };
}

describe('sgdEpoch', () => {
  const n = 203;
  const r = prng(5);
  const s = Float64Array.from({ length: n }, () => 0.25 + r());
  // d = 33: rows of 264 bytes (132 as float32), long enough to be touched ahead in a shuffled
  // epoch over more than 10 MiB (see 'big epochs' below); d = 130: rows of 1040 bytes, which the pass takes in
  // blocks of four rows, not eight. Batches of 16 and 12 rows (whole blocks of eight or not), and
  // 203 rows leave a shorter last batch.
  const cases = [
    { d: 130, backend: 'wasm', storage: 'float64', fitIntercept: true, loss: 'log', penalty: 'l2', weights: false },
    { d: 7, backend: 'wasm', storage: 'float64', fitIntercept: true, loss: 'log', penalty: 'l2', weights: false },
    { d: 7, backend: 'wasm', storage: 'float32', fitIntercept: false, loss: 'log', penalty: 'l2', weights: true },
    { d: 7, backend: 'wasm', storage: 'float64', fitIntercept: true, loss: 'squared', penalty: 'none', weights: true },
    { d: 33, backend: 'wasm', storage: 'float64', fitIntercept: true, loss: 'log', penalty: 'l2', weights: true },
    { d: 33, backend: 'wasm', storage: 'float32', fitIntercept: false, loss: 'log', penalty: 'l2', weights: false },
    { d: 7, backend: 'js', storage: 'float64', fitIntercept: true, loss: 'log', penalty: 'l2', weights: true },
    { d: 7, backend: 'js', storage: 'float64', fitIntercept: false, loss: 'squared', penalty: 'none', weights: false },
  ] as const;

  for (const c of cases) {
    it(`equals the batch-by-batch loop bit for bit (${Object.values(c).join(', ')})`, () => {
      const d = c.d;
      const p = makeProblem(n, d, 21, 2);
      const kernels = c.backend === 'js' ? jsKernels : kernelsFor('wasm');
      const data = kernels.dataset(matrixSource({ data: flat(p.X), rows: n, cols: d }), Float64Array.from(p.y), c.weights ? s : null, c.storage);
      const obj = new LogisticObjective(data, { C: 0.5, penalty: c.penalty, l1Ratio: 0.5, fitIntercept: c.fitIntercept, loss: c.loss, sampleWeight: c.weights ? s : null });
      expect(typeof obj.accelerator.sgdEpoch).toBe('function');
      for (const kind of ['none', 'heavy', 'nesterov'] as MomentumKind[]) {
        for (const [shuffle, batchSize] of [['rows', 16], ['none', 16], ['rows', 12]] as const) {
          const opts: OptimizeOptions = { ...defaults, schedule: 'invscaling', maxIter: 6, tol: 0, learningRate: 0.3, batchSize, shuffle, seed: 3 };
          const x0 = new Float64Array(obj.dim);
          const a = runToEnd(stochastic(obj, x0, opts, kind));
          const b = runToEnd(stochastic(perBatch(obj), x0, opts, kind));
          expect(Array.from(a.x)).toEqual(Array.from(b.x));
          expect(a.lossHistory).toEqual(b.lossHistory);
          expect(a.x.some((v) => v !== 0)).toBe(true);
        }
      }
      data.dispose();
    });
  }
});

/** The same finite-sum objective without its accelerator: the saga solver falls back to one call per batch. */
function sagaPerBatch(obj: LogisticObjective): FiniteSumObjective {
  return {
    dim: obj.dim,
    nSamples: obj.nSamples,
    l1: obj.l1,
    l2: obj.l2,
    penalizedCount: obj.penalizedCount,
    valueAndGradient: (x, g) => obj.valueAndGradient(x, g),
    batchValueAndGradient: (x, g, idx, want) => obj.batchValueAndGradient(x, g, idx, want),
    sagaUpdate: (x, idx, g) => obj.sagaUpdate(x, idx, g),
    sagaReset: () => obj.sagaReset(),
    maxSummandLipschitz: () => obj.maxSummandLipschitz(),
    hessianVectorProduct: (x, v, out) => obj.hessianVectorProduct(x, v, out),
  };
}

describe('sagaEpoch', () => {
  const n = 203;
  const r = prng(8);
  const s = Float64Array.from({ length: n }, () => 0.25 + r());
  const cases = [
    { d: 7, storage: 'float64', fitIntercept: true, loss: 'log', penalty: 'l2', weights: false },
    { d: 7, storage: 'float32', fitIntercept: false, loss: 'log', penalty: 'l1', weights: true },
    { d: 7, storage: 'float64', fitIntercept: true, loss: 'squared', penalty: 'elasticnet', weights: true },
    { d: 33, storage: 'float64', fitIntercept: true, loss: 'log', penalty: 'elasticnet', weights: false },
    { d: 33, storage: 'float32', fitIntercept: true, loss: 'log', penalty: 'l2', weights: true },
  ] as const;
  for (const c of cases) {
    it(`equals the batch-by-batch loop bit for bit (${Object.values(c).join(', ')})`, () => {
      const p = makeProblem(n, c.d, 22, 2);
      const make = () => {
        const data = kernelsFor('wasm').dataset(matrixSource({ data: flat(p.X), rows: n, cols: c.d }), Float64Array.from(p.y), c.weights ? s : null, c.storage);
        const obj = new LogisticObjective(data, { C: 0.5, penalty: c.penalty, l1Ratio: 0.5, fitIntercept: c.fitIntercept, loss: c.loss, sampleWeight: c.weights ? s : null });
        return { data, obj };
      };
      for (const shuffle of ['rows', 'none'] as const) {
        const opts: OptimizeOptions = { ...defaults, schedule: 'constant', maxIter: 5, tol: 0, batchSize: 16, shuffle, seed: 4 };
        const a = make();
        const b = make();
        expect(typeof a.obj.accelerator.sagaEpoch).toBe('function');
        const x0 = new Float64Array(a.obj.dim);
        const ra = runToEnd(saga(a.obj, x0, opts));
        const rb = runToEnd(saga(sagaPerBatch(b.obj), x0, opts));
        expect(Array.from(ra.x)).toEqual(Array.from(rb.x));
        expect(ra.lossHistory).toEqual(rb.lossHistory);
        expect(ra.x.some((v) => v !== 0)).toBe(true);
        a.data.dispose();
        b.data.dispose();
      }
    });
  }
});

// Epochs over more than 10 MiB of X with rows of over 64 bytes read the next shuffled batch's
// rows ahead (assembly/touch.ts): that must change nothing, and read nothing out of bounds.
describe('big epochs (touching rows ahead)', () => {
  const n = 42_000; // × 33 × 8 bytes = 11.1 MB
  const d = 33;
  const p = makeProblem(n, d, 23, 2);
  const make = () => {
    const data = kernelsFor('wasm').dataset(matrixSource({ data: flat(p.X), rows: n, cols: d }), Float64Array.from(p.y), null, 'float64');
    const obj = new LogisticObjective(data, { C: 0.5, penalty: 'l2', l1Ratio: 0.5, fitIntercept: true, loss: 'log', sampleWeight: null });
    return { data, obj };
  };
  const opts: OptimizeOptions = { ...defaults, schedule: 'constant', learningRate: 0.05, maxIter: 1, tol: 0, batchSize: 32, shuffle: 'rows', seed: 6 };

  it('an SGD epoch equals the batch-by-batch loop bit for bit', () => {
    const { data, obj } = make();
    const x0 = new Float64Array(obj.dim);
    const a = runToEnd(stochastic(obj, x0, opts, 'heavy'));
    const b = runToEnd(stochastic(perBatch(obj), x0, opts, 'heavy'));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.x.some((v) => v !== 0)).toBe(true);
    data.dispose();
  });

  it('a SAGA epoch equals the batch-by-batch loop bit for bit', () => {
    const a = make();
    const b = make();
    const x0 = new Float64Array(a.obj.dim);
    const ra = runToEnd(saga(a.obj, x0, opts));
    const rb = runToEnd(saga(sagaPerBatch(b.obj), x0, opts));
    expect(Array.from(ra.x)).toEqual(Array.from(rb.x));
    expect(ra.x.some((v) => v !== 0)).toBe(true);
    a.data.dispose();
    b.data.dispose();
  });
});
