// Adam (Kingma & Ba): per-coordinate steps η·m̂/(√v̂ + ε) from exponential moving averages of
// the gradient and its square; minibatches when batchSize is set, else full batch (epochs.ts
// runs the epochs). β^t is kept as a running product (no Math.pow), so results are the same
// on every engine.
import type { OptimizeOptions, OptimizeResult, StochasticObjective } from './types.js';
import { requireSmooth } from './monitor.js';
import { runEpochs } from './epochs.js';

export const ADAM_DEFAULT_RATE = 0.01;

export function adam(obj: StochasticObjective, x0: Float64Array, opts: OptimizeOptions): OptimizeResult {
  requireSmooth(obj, 'adam');
  const n = obj.dim;
  const rows = obj.nSamples;
  const batch = opts.batchSize ?? rows;
  const eta = opts.learningRate ?? ADAM_DEFAULT_RATE;
  const { beta1, beta2, epsilon } = opts;
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const gb = new Float64Array(n);
  let b1t = 1;
  let b2t = 1;
  return runEpochs(obj, x0, opts, batch, {
    batch(x, idx) {
      if (idx.length < rows) obj.batchValueAndGradient(x, gb, idx);
      else obj.valueAndGradient(x, gb);
      b1t *= beta1;
      b2t *= beta2;
      for (let i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * gb[i];
        v[i] = beta2 * v[i] + (1 - beta2) * gb[i] * gb[i];
        x[i] -= (eta * (m[i] / (1 - b1t))) / (Math.sqrt(v[i] / (1 - b2t)) + epsilon);
      }
    },
  });
}
