// Adam (Kingma & Ba): per-coordinate steps η·m̂/(√v̂ + ε) from exponential moving averages of
// the gradient and its square; minibatches when batchSize is set, else full batch. One full
// pass per epoch gives J and ∇J for the history and the stopping rule. β^t is kept as a
// running product (no Math.pow) so results are the same on every engine.
import type { OptimizeOptions, OptimizeResult, StochasticObjective } from './types.js';
import { Monitor, requireSmooth } from './monitor.js';
import { Rng } from './rng.js';
import { allFinite } from './vec.js';

export const ADAM_DEFAULT_RATE = 0.01;

export function adam(obj: StochasticObjective, x0: Float64Array, opts: OptimizeOptions): OptimizeResult {
  requireSmooth(obj, 'adam');
  const n = obj.dim;
  const rows = obj.nSamples;
  const batch = Math.min(opts.batchSize ?? rows, rows);
  const eta = opts.learningRate ?? ADAM_DEFAULT_RATE;
  const { beta1, beta2, epsilon } = opts;
  const rng = new Rng(opts.seed);
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = obj.valueAndGradient(x, g);
  const mon = new Monitor(obj, opts, x, f, g);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const gb = new Float64Array(n);
  let b1t = 1;
  let b2t = 1;
  let xNext = Float64Array.from(x);
  let gNext = new Float64Array(n);
  for (let epoch = 1; epoch <= opts.maxIter; epoch++) {
    if (mon.small(x, g)) return mon.result(x, f, g, epoch - 1, 'converged');
    xNext.set(x);
    if (batch < rows) rng.shuffle(order);
    for (let start = 0; start < rows; start += batch) {
      if (batch < rows) obj.batchValueAndGradient(xNext, gb, order.subarray(start, Math.min(rows, start + batch)));
      else if (start === 0 && epoch === 1) gb.set(g);
      else obj.valueAndGradient(xNext, gb);
      b1t *= beta1;
      b2t *= beta2;
      for (let i = 0; i < n; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * gb[i];
        v[i] = beta2 * v[i] + (1 - beta2) * gb[i] * gb[i];
        xNext[i] -= (eta * (m[i] / (1 - b1t))) / (Math.sqrt(v[i] / (1 - b2t)) + epsilon);
      }
    }
    const fNext = obj.valueAndGradient(xNext, gNext);
    if (!Number.isFinite(fNext) || !allFinite(gNext)) return mon.result(x, f, g, epoch - 1, 'nonFinite');
    [x, xNext] = [xNext, x];
    [g, gNext] = [gNext, g];
    f = fNext;
    if (!mon.record(epoch, x, f, g)) return mon.result(x, f, g, epoch, 'callback');
  }
  return mon.result(x, f, g, opts.maxIter, mon.small(x, g) ? 'converged' : 'maxIter');
}
