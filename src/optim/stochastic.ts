// Minibatch SGD, optionally with heavy-ball or Nesterov momentum. Each epoch visits every row
// once in an order shuffled by the seeded Rng; batches are row-number lists into data already
// held by the objective. After each epoch one full pass gives J and ∇J for the history and the
// stopping rule. Steps: η_e = η₀ (constant) or η₀ / e^powerT (invscaling, e = epoch from 1);
// without a learningRate, η₀ = 1/L of the full objective at x₀ (curvature.ts).
import type { OptimizeOptions, OptimizeResult, StochasticObjective } from './types.js';
import { Monitor, requireSmooth } from './monitor.js';
import { estimateCurvature } from './curvature.js';
import { Rng } from './rng.js';
import { allFinite } from './vec.js';

export type MomentumKind = 'none' | 'heavy' | 'nesterov';

export function stochastic(
  obj: StochasticObjective,
  x0: Float64Array,
  opts: OptimizeOptions,
  kind: MomentumKind,
): OptimizeResult {
  requireSmooth(obj, kind === 'none' ? 'sgd' : kind === 'heavy' ? 'momentum' : 'nesterov');
  const n = obj.dim;
  const rows = obj.nSamples;
  const batch = Math.min(opts.batchSize ?? 32, rows);
  const beta = kind === 'none' ? 0 : opts.momentum;
  const rng = new Rng(opts.seed);
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = obj.valueAndGradient(x, g);
  const mon = new Monitor(obj, opts, x, f, g);
  const eta0 = opts.learningRate ?? 1 / estimateCurvature(obj, x, g);
  const v = new Float64Array(n);
  const look = new Float64Array(n);
  const gb = new Float64Array(n);
  let xNext = Float64Array.from(x);
  for (let epoch = 1; epoch <= opts.maxIter; epoch++) {
    if (mon.small(x, g)) return mon.result(x, f, g, epoch - 1, 'converged');
    const eta = opts.schedule === 'invscaling' ? eta0 / epochPower(epoch, opts.powerT) : eta0;
    rng.shuffle(order);
    xNext.set(x);
    for (let start = 0; start < rows; start += batch) {
      const idx = order.subarray(start, Math.min(rows, start + batch));
      if (kind === 'nesterov') {
        for (let i = 0; i < n; i++) look[i] = xNext[i] + beta * v[i];
        obj.batchValueAndGradient(look, gb, idx);
      } else {
        obj.batchValueAndGradient(xNext, gb, idx);
      }
      for (let i = 0; i < n; i++) {
        v[i] = beta * v[i] - eta * gb[i];
        xNext[i] += v[i];
      }
    }
    const gNext = new Float64Array(n);
    const fNext = obj.valueAndGradient(xNext, gNext);
    if (!Number.isFinite(fNext) || !allFinite(gNext)) return mon.result(x, f, g, epoch - 1, 'nonFinite');
    [x, xNext] = [xNext, x];
    g = gNext;
    f = fNext;
    if (!mon.record(epoch, x, f, g)) return mon.result(x, f, g, epoch, 'callback');
  }
  return mon.result(x, f, g, opts.maxIter, mon.small(x, g) ? 'converged' : 'maxIter');
}

/** e^p; sqrt for the default p = 0.5 (correctly rounded everywhere, unlike Math.pow). */
function epochPower(e: number, p: number): number {
  return p === 0.5 ? Math.sqrt(e) : p === 1 ? e : Math.pow(e, p);
}
