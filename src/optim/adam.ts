// Adam (Kingma & Ba): per-coordinate steps from moving averages of the gradient and its square
// (rules.ts); minibatches when batchSize is set, else full batch (epochs.ts runs the epochs).
import type { OptimizeOptions, StochasticObjective } from './types.js';
import { requireSmooth, type Steps } from './monitor.js';
import { runEpochs } from './epochs.js';
import { adamRule } from './rules.js';

export const ADAM_DEFAULT_RATE = 0.01;

export function* adam(obj: StochasticObjective, x0: Float64Array, opts: OptimizeOptions): Steps {
  requireSmooth(obj, 'adam');
  const rows = obj.nSamples;
  const rule = adamRule(obj.dim, opts.beta1, opts.beta2, opts.epsilon);
  const eta = opts.learningRate ?? ADAM_DEFAULT_RATE;
  return yield* runEpochs(obj, x0, opts, opts.batchSize ?? rows, {
    batch(x, idx) {
      rule.step(x, (p, g) => (idx.length < rows ? obj.batchValueAndGradient(p, g, idx, false) : obj.valueAndGradient(p, g)), eta);
    },
  });
}
