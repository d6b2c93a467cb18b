// SAGA (Defazio, Bach & Lacoste-Julien 2014) with minibatches and a proximal step for the
// L1 / elastic-net penalty. For J = (1/n)Σf_i + (l2/2)‖w‖² + λ‖w‖₁, each batch B moves along
//   v = (1/|B|)·Σ_{i∈B} (∇f_i(x) − ∇f_i(φ_i)) + (1/n)·Σ_i ∇f_i(φ_i)
// then applies prox: w_j ← soft(w_j, ηλ)/(1 + η·l2) (exact zeros), the intercept unpenalised.
// Step η = learningRate, or 1/(3·L(b)) with the minibatch smoothness constant of Gazagnadou,
// Gower & Salmon (2019): L(b) = n(b−1)/(b(n−1))·L + (n−b)/(b(n−1))·max_i L_i, L of the full
// objective (power iteration, curvature.ts) — max_i L_i alone when b = 1. One full pass per epoch for the history and the
// stopping rule (on the pseudo-gradient).
import type { FiniteSumObjective, OptimizeOptions, OptimizeResult } from './types.js';
import { Monitor } from './monitor.js';
import { Rng } from './rng.js';
import { allFinite } from './vec.js';
import { softThreshold } from './l1.js';
import { estimateCurvature } from './curvature.js';

export function saga(obj: FiniteSumObjective, x0: Float64Array, opts: OptimizeOptions): OptimizeResult {
  const n = obj.dim;
  const rows = obj.nSamples;
  const batch = Math.min(opts.batchSize ?? 1, rows);
  const lam = obj.l1 ? obj.l1.strength : 0;
  const l2 = obj.l2;
  const count = obj.penalizedCount;
  const rng = new Rng(opts.seed);
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = obj.valueAndGradient(x, g);
  const mon = new Monitor(obj, opts, x, f, g);
  const eta = opts.learningRate ?? 1 / (3 * batchSmoothness(obj, x, g, batch));
  const avg = new Float64Array(n);
  const gb = new Float64Array(n);
  obj.sagaReset();
  obj.sagaUpdate(x, undefined, avg); // the table holds ∇f_i(x0); avg = Σ_i ∇f_i(x0)
  for (let j = 0; j < n; j++) avg[j] /= rows;
  const shrink = 1 / (1 + eta * l2);
  let xNext = Float64Array.from(x);
  let gNext = new Float64Array(n);
  for (let epoch = 1; epoch <= opts.maxIter; epoch++) {
    if (mon.small(x, g)) return mon.result(x, f, g, epoch - 1, 'converged');
    xNext.set(x);
    rng.shuffle(order);
    for (let start = 0; start < rows; start += batch) {
      const idx = order.subarray(start, Math.min(rows, start + batch));
      obj.sagaUpdate(xNext, idx, gb);
      const inv = 1 / idx.length;
      for (let j = 0; j < n; j++) {
        const step = xNext[j] - eta * (gb[j] * inv + avg[j]);
        xNext[j] = j < count ? softThreshold(step, eta * lam) * shrink : step;
        avg[j] += gb[j] / rows;
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

function batchSmoothness(obj: FiniteSumObjective, x: Float64Array, g: Float64Array, b: number): number {
  const n = obj.nSamples;
  const lmax = obj.maxSummandLipschitz() + obj.l2;
  if (b <= 1 || n <= 1) return lmax;
  const L = estimateCurvature(obj, x, g);
  return ((n * (b - 1)) / (b * (n - 1))) * L + ((n - b) / (b * (n - 1))) * lmax;
}
