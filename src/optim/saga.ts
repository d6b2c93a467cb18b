// SAGA (Defazio, Bach & Lacoste-Julien 2014) with minibatches and a proximal step for the
// L1 / elastic-net penalty. For J = (1/n)Σf_i + (l2/2)‖w‖² + λ‖w‖₁, each batch B moves along
//   v = (1/|B|)·Σ_{i∈B} (∇f_i(x) − ∇f_i(φ_i)) + (1/n)·Σ_i ∇f_i(φ_i)
// then applies prox: w_j ← soft(w_j, ηλ)/(1 + η·l2) (exact zeros), the intercept unpenalised.
// Step η = learningRate, or 1/(3·L(b)) with the minibatch smoothness constant of Gazagnadou,
// Gower & Salmon (2019): L(b) = n(b−1)/(b(n−1))·L + (n−b)/(b(n−1))·max_i L_i, L of the full
// objective (power iteration, curvature.ts) — max_i L_i alone when b = 1. epochs.ts runs the
// epochs (the stopping rule uses the pseudo-gradient).
import type { Steps } from './monitor.js';
import type { FiniteSumObjective, OptimizeOptions } from './types.js';
import { softThreshold } from './l1.js';
import { estimateCurvature } from './curvature.js';
import { runEpochs } from './epochs.js';

export function* saga(obj: FiniteSumObjective, x0: Float64Array, opts: OptimizeOptions): Steps {
  const n = obj.dim;
  const rows = obj.nSamples;
  const batch = Math.min(opts.batchSize ?? 1, rows);
  const lam = obj.l1 ? obj.l1.strength : 0;
  const count = obj.penalizedCount;
  const avg = new Float64Array(n);
  const gb = new Float64Array(n);
  let eta = 0;
  let shrink = 1;
  const whole = obj.accelerator?.sagaEpoch;
  return yield* runEpochs(obj, x0, opts, batch, {
    start(x, g) {
      eta = opts.learningRate ?? 1 / (3 * batchSmoothness(obj, x, g, batch));
      shrink = 1 / (1 + eta * obj.l2);
      obj.sagaReset();
      obj.sagaUpdate(x, undefined, avg); // the table holds ∇f_i(x0); avg = Σ_i ∇f_i(x0)
      for (let j = 0; j < n; j++) avg[j] /= rows;
    },
    // the whole epoch in one call where the objective offers it (the same bits as batch below)
    epoch: whole && ((x, order, b) => whole({ x, avg, order, batch: b, eta, thresh: eta * lam, shrink })),
    batch(x, idx) {
      obj.sagaUpdate(x, idx, gb);
      const inv = 1 / idx.length;
      for (let j = 0; j < n; j++) {
        const step = x[j] - eta * (gb[j] * inv + avg[j]);
        x[j] = j < count ? softThreshold(step, eta * lam) * shrink : step;
        avg[j] += gb[j] / rows;
      }
    },
  });
}

function batchSmoothness(obj: FiniteSumObjective, x: Float64Array, g: Float64Array, b: number): number {
  const n = obj.nSamples;
  const lmax = obj.maxSummandLipschitz() + obj.l2;
  if (b <= 1 || n <= 1) return lmax;
  const L = estimateCurvature(obj, x, g);
  return ((n * (b - 1)) / (b * (n - 1))) * L + ((n - b) / (b * (n - 1))) * lmax;
}
