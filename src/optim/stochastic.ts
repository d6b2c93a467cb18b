// Minibatch SGD, optionally with heavy-ball or Nesterov momentum (epochs.ts runs the epochs,
// rules.ts holds the updates). Steps: η_e = η₀ (constant) or η₀ / e^powerT (invscaling,
// e = epoch from 1); without a learningRate, η₀ = 1/L of the full objective at x₀ (curvature.ts).
import type { OptimizeOptions, StochasticObjective } from './types.js';
import { requireSmooth, type Steps } from './monitor.js';
import { estimateCurvature } from './curvature.js';
import { DEFAULT_BATCH, runEpochs } from './epochs.js';
import { momentumRule, nesterovRule, scheduledRate } from './rules.js';

export type MomentumKind = 'none' | 'heavy' | 'nesterov';

export function* stochastic(
  obj: StochasticObjective,
  x0: Float64Array,
  opts: OptimizeOptions,
  kind: MomentumKind,
): Steps {
  requireSmooth(obj, kind === 'none' ? 'sgd' : kind === 'heavy' ? 'momentum' : 'nesterov');
  const n = obj.dim;
  const rule = kind === 'nesterov' ? nesterovRule(n, opts.momentum) : momentumRule(n, kind === 'none' ? 0 : opts.momentum);
  let eta0 = opts.learningRate ?? 0;
  const rate = (epoch: number) => scheduledRate(eta0, opts.schedule, opts.powerT, epoch);
  // the objective's own epoch loop, when it has one (one call per epoch, not per batch)
  const native = obj.accelerator?.sgdEpoch;
  const beta = kind === 'none' ? 0 : opts.momentum;
  const v = new Float64Array(n);
  return yield* runEpochs(obj, x0, opts, opts.batchSize ?? DEFAULT_BATCH, {
    start(x, g) {
      if (opts.learningRate === undefined) eta0 = 1 / estimateCurvature(obj, x, g);
    },
    batch(x, idx, epoch) {
      rule.step(x, (p, g) => obj.batchValueAndGradient(p, g, idx, false), rate(epoch));
    },
    epoch: native && ((x, order, batch, epoch) => native({ x, v, order, batch, eta: rate(epoch), beta, nesterov: kind === 'nesterov' })),
  });
}
