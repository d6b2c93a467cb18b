// Minibatch SGD, optionally with heavy-ball or Nesterov momentum (epochs.ts runs the epochs).
// Steps: η_e = η₀ (constant) or η₀ / e^powerT (invscaling, e = epoch from 1); without a
// learningRate, η₀ = 1/L of the full objective at x₀ (curvature.ts).
import type { OptimizeOptions, OptimizeResult, StochasticObjective } from './types.js';
import { requireSmooth } from './monitor.js';
import { estimateCurvature } from './curvature.js';
import { runEpochs } from './epochs.js';

export type MomentumKind = 'none' | 'heavy' | 'nesterov';

export function stochastic(
  obj: StochasticObjective,
  x0: Float64Array,
  opts: OptimizeOptions,
  kind: MomentumKind,
): OptimizeResult {
  requireSmooth(obj, kind === 'none' ? 'sgd' : kind === 'heavy' ? 'momentum' : 'nesterov');
  const n = obj.dim;
  const beta = kind === 'none' ? 0 : opts.momentum;
  const v = new Float64Array(n);
  const look = new Float64Array(n);
  const gb = new Float64Array(n);
  let eta0 = opts.learningRate ?? 0;
  return runEpochs(obj, x0, opts, opts.batchSize ?? 32, {
    start(x, g) {
      if (opts.learningRate === undefined) eta0 = 1 / estimateCurvature(obj, x, g);
    },
    batch(x, idx, epoch) {
      const eta = opts.schedule === 'invscaling' ? eta0 / epochPower(epoch, opts.powerT) : eta0;
      if (kind === 'nesterov') {
        for (let i = 0; i < n; i++) look[i] = x[i] + beta * v[i];
        obj.batchValueAndGradient(look, gb, idx);
      } else {
        obj.batchValueAndGradient(x, gb, idx);
      }
      for (let i = 0; i < n; i++) {
        v[i] = beta * v[i] - eta * gb[i];
        x[i] += v[i];
      }
    },
  });
}

/** e^p; sqrt for the default p = 0.5 (correctly rounded everywhere, unlike Math.pow). */
function epochPower(e: number, p: number): number {
  return p === 0.5 ? Math.sqrt(e) : p === 1 ? e : Math.pow(e, p);
}
