// This package's side of `npm run bench:sparse` (bench/sparse.mjs): the sets, the pass timings
// against the memory floor, the reference optimum, the choice of solver and tolerance, timed fits
// and the fit's peak memory. The same procedure as scikit-learn's side (side.py).
import { readFileSync } from 'node:fs';
import { LogisticRegression, setWarningHandler } from '../../src/index.js';
import { kernelsFor } from '../../src/engine/select.js';
import { initSync, wasmRuntime } from '../../src/wasm/load.js';
import { matrixSource } from '../../src/data/matrix.js';
import { startThreadsSync } from '../../src/engine/threads/runtime.js';
import { wasmKernels } from '../../src/engine/wasm.js';
import { Region } from '../../src/wasm/heap.js';
import { copyCsrIn } from '../../src/engine/wasm-csr-copy.js';
import type { TestingExports } from '../../src/wasm/exports.js';
import { readSet, writeSet, haveSet, spamSet, zipfSet, type SparseSet } from './data.js';

export { readSet, writeSet, haveSet, spamSet, zipfSet };

export interface Choice {
  solver: string;
  tol: number;
  ms: number;
  J: number;
}

const TARGET = 1e-8;
const TOLS = Array.from({ length: 10 }, (_, e) => Number(`1e-${e + 1}`));

function model(solver: string, tol: number, threads = 1, backend: 'wasm' | 'js' = 'wasm'): LogisticRegression {
  return new LogisticRegression({ solver: solver as never, tol, threads, backend, maxIter: 100000 });
}

function fit(s: SparseSet, solver: string, tol: number, threads = 1): { ms: number; J: number } {
  setWarningHandler(null);
  const m = model(solver, tol, threads);
  try {
    const t0 = performance.now();
    m.fit(s.X, s.y);
    return { ms: performance.now() - t0, J: m.lossHistory.at(-1)! };
  } finally {
    m.dispose();
  }
}

/** J from a tight newton fit. */
export function reference(s: SparseSet): number {
  return fit(s, 'newton', 1e-10).J;
}

/**
 * For each candidate solver, the loosest tolerance that gets J within 1e-8 of jStar (a fit above
 * capMs that misses drops the solver); the fastest of them.
 */
export function select(s: SparseSet, jStar: number, solvers: string[], capMs: number, threads = 1): Choice[] {
  const out: Choice[] = [];
  for (const solver of solvers)
    for (const tol of TOLS) {
      const r = fit(s, solver, tol, threads);
      if ((r.J - jStar) / jStar <= TARGET) {
        out.push({ solver, tol, ms: r.ms, J: r.J });
        break;
      }
      if (r.ms > capMs) break;
    }
  return out.sort((a, b) => a.ms - b.ms);
}

/** One timed fit of a choice (after one warm-up when warm). */
export function timeOnce(s: SparseSet, c: Choice, threads: number, warm = true, backend: 'wasm' | 'js' = 'wasm'): number {
  setWarningHandler(null);
  const m = model(c.solver, c.tol, threads, backend);
  try {
    if (warm) m.fit(s.X, s.y);
    const t0 = performance.now();
    m.fit(s.X, s.y);
    return performance.now() - t0;
  } finally {
    m.dispose();
  }
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];

/**
 * One fused pass (loss, gradient) over all rows: ns per non-zero, median of `reps`, for the
 * memory floor (gather x·w and scatter it into g: testing build), the wasm pass on 1 and 2
 * threads, and the js backend.
 */
export function passRows(s: SparseSet, reps: number): Record<string, number> {
  initSync();
  const rt = wasmRuntime()!;
  const probes = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(new URL('../build/kernels.testing.wasm', import.meta.url) /* the bundle lives in build/ */)), {
    env: { memory: rt.heap.memory },
  }).exports as unknown as TestingExports;
  if (probes.heapBase() !== rt.exports.heapBase()) throw new Error('bench: the testing build does not lay out memory as kernels.wasm does');
  const { X, y } = s;
  const [n, d] = X.shape;
  const nnz = X.indptr[n];
  const w = Float64Array.from({ length: d }, (_, j) => 0.01 * Math.sin(j));
  const g = new Float64Array(d + 1);
  const ns = (f: () => void) => {
    f();
    return (median(Array.from({ length: reps }, () => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    })) * 1e6) / nnz;
  };
  const out: Record<string, number> = {};
  const mem = new Region(rt.heap);
  try {
    const c = copyCsrIn(rt, mem, matrixSource(X).csr!, false);
    const wp = mem.f64From(w);
    const gp = mem.alloc(8 * (d + 1));
    const yp = mem.f64From(y);
    out.floor = ns(() => probes.csrGatherScatter(c.P, c.J, c.V, d, n, wp, gp));
    out.kernel = ns(() => rt.exports.csrFusedGrad(c.P, c.J, c.V, d, yp, 0, 0, 0, n, wp, 0.1, gp, 0, 0));
  } finally {
    mem.releaseAll();
  }
  const pass = (k: ReturnType<typeof kernelsFor>) => {
    const data = k.dataset(matrixSource(X), y, null);
    try {
      return ns(() => data.fusedGrad(w, 0.1, g, 'log', true));
    } finally {
      data.dispose();
    }
  };
  out.wasm1 = pass(kernelsFor('wasm'));
  const started = startThreadsSync(2);
  if ('runtime' in started) {
    out.wasm2 = pass(wasmKernels(started.runtime));
    started.runtime.pool.end();
  }
  out.js = pass(kernelsFor('js'));
  return out;
}

/** One SAGA epoch (one row per step, lagged updates) over all rows: ns per non-zero, wasm and js. */
export function sagaEpochRows(s: SparseSet, reps: number): Record<string, number> {
  const { X, y } = s;
  const [n, d] = X.shape;
  const nnz = X.indptr[n];
  const out: Record<string, number> = {};
  for (const backend of ['wasm', 'js'] as const) {
    const data = kernelsFor(backend).dataset(matrixSource(X), y, null);
    const x = new Float64Array(d + 1);
    const avg = new Float64Array(d + 1);
    const order = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const run = () => data.sagaEpoch!({ x, avg, order, batch: 1, eta: 0.5, thresh: 0, shrink: 1 / (1 + 0.5 / n) }, { scale: 1, rows: n, penalized: d, fitIntercept: true, loss: 'log' });
    run();
    const t = Array.from({ length: backend === 'js' ? Math.max(1, reps >> 2) : reps }, () => {
      const t0 = performance.now();
      run();
      return performance.now() - t0;
    });
    out[backend] = (median(t) * 1e6) / nnz;
    data.dispose();
  }
  return out;
}

/** Peak RSS growth of one fit (auto's choice) over the RSS with the data built, in bytes; and the CSR arrays' own bytes. */
export function fitMemory(s: SparseSet): { fitBytes: number; csrBytes: number } {
  setWarningHandler(null);
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const m = new LogisticRegression({ onIteration: () => void (peak = Math.max(peak, process.memoryUsage().rss)) });
  m.fit(s.X, s.y);
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(timer);
  m.dispose();
  const { indptr, indices, data } = s.X;
  return { fitBytes: peak - before, csrBytes: indptr.byteLength + indices.byteLength + data.byteLength };
}
