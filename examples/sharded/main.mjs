// Data-parallel L-BFGS across worker threads: each worker holds one shard; the coordinator's
// objective broadcasts the parameters, waits for the partial sums, and adds them in a fixed
// order (so the result does not depend on scheduling) — the map-reduce pattern that Spark's
// treeAggregate runs across machines. Run: npm run build && node examples/sharded/main.mjs
import { Worker } from 'node:worker_threads';
import { initSync, LogisticRegression, minimize } from '../../dist/index.js';
import { bytesFor, layout, rows } from './shared.mjs';

const n = Number(process.env.ROWS ?? 40000);
const d = 16;
const workers = Number(process.env.WORKERS ?? 4);
const C = 1;
const dim = d + 1;

const sab = new SharedArrayBuffer(bytesFor(dim, workers));
const { control, params, results } = layout(sab, dim, workers);
const cuts = Array.from({ length: workers + 1 }, (_, k) => Math.round((k * n) / workers));
const pool = cuts.slice(0, -1).map(
  (from, index) => new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { sab, dim, workers, index, from, to: cuts[index + 1], d } }),
);

/** J(w, b) = (1/n) Σ ℓ_i + ‖w‖²/(2Cn): the package's objective, assembled from the shards. */
const sharded = {
  dim,
  valueAndGradient(x, g) {
    params.set(x);
    Atomics.store(control, 1, 0);
    Atomics.add(control, 0, 1);
    Atomics.notify(control, 0);
    for (let done; (done = Atomics.load(control, 1)) < workers; ) Atomics.wait(control, 1, done);
    let value = 0;
    g.fill(0);
    for (let k = 0; k < workers; k++) {
      const slot = k * (dim + 1);
      value += results[slot];
      for (let j = 0; j < dim; j++) g[j] += results[slot + 1 + j];
    }
    const alpha = 1 / (C * n);
    let ww = 0;
    for (let j = 0; j < dim; j++) g[j] /= n;
    for (let j = 0; j < d; j++) {
      g[j] += alpha * x[j];
      ww += x[j] * x[j];
    }
    return value / n + 0.5 * alpha * ww;
  },
};

const t0 = performance.now();
const r = minimize(sharded, new Float64Array(dim), { method: 'lbfgs', tol: 1e-9, maxIter: 1000 });
const tShard = performance.now() - t0;
Atomics.store(control, 2, 1);
Atomics.add(control, 0, 1);
Atomics.notify(control, 0);
await Promise.all(pool.map((w) => new Promise((ok) => w.on('exit', ok))));

initSync();
const { X, y } = rows(0, n, d);
const t1 = performance.now();
const single = new LogisticRegression({ C, solver: 'lbfgs', tol: 1e-9, maxIter: 1000 }).fit(X, y);
const tSingle = performance.now() - t1;
let maxDiff = Math.abs(r.x[d] - single.intercept);
for (let j = 0; j < d; j++) maxDiff = Math.max(maxDiff, Math.abs(r.x[j] - single.coef[j]));

console.log(`${workers} shards of ~${Math.round(n / workers)} rows: ${r.reason} after ${r.nIter} iterations, J = ${r.value.toPrecision(12)} (${tShard.toFixed(0)} ms, including starting the workers and generating their shards)`);
console.log(`single process:  ${single.converged ? 'converged' : 'not converged'} after ${single.nIter} iterations, J = ${single.lossHistory.at(-1).toPrecision(12)} (${tSingle.toFixed(0)} ms, data generation excluded)`);
console.log(`max |sharded − single| over coefficients and intercept: ${maxDiff.toExponential(2)}`);
process.exitCode = maxDiff <= 1e-10 ? 0 : 1;
