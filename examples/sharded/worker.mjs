// A shard worker: holds rows [from, to) in its own WebAssembly memory and, each time the
// coordinator bumps the generation, writes Σ s_i ℓ_i and Σ s_i ∇ℓ_i for its rows.
import { workerData } from 'node:worker_threads';
import { initSync, logisticObjective } from '../../dist/index.js';
import { layout, rows } from './shared.mjs';

const { sab, dim, workers, index, from, to, d } = workerData;
initSync();
const { X, y } = rows(from, to, d);
const shard = logisticObjective(X, y); // the penalty is the coordinator's: only partial sums are used
const { control, params, results } = layout(sab, dim, workers);
const x = new Float64Array(dim);
const g = new Float64Array(dim);
let seen = 0;
for (;;) {
  Atomics.wait(control, 0, seen); // sleep until the generation changes
  seen = Atomics.load(control, 0);
  if (Atomics.load(control, 2) === 1) break;
  x.set(params);
  const value = shard.partialValueAndGradient(x, g);
  const slot = index * (dim + 1);
  results[slot] = value;
  results.set(g, slot + 1);
  if (Atomics.add(control, 1, 1) + 1 === workers) Atomics.notify(control, 1);
}
shard.dispose();
