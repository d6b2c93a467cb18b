// The two directions of the solver API (run: node examples/solver-api.mjs after npm run build).
// 1. minimize(): this package's solvers on an objective a library brings — here ridge-penalised
//    Poisson regression, which is not logistic at all.
// 2. logisticObjective(): this package's kernel-backed objective under someone else's optimiser —
//    here a ten-line gradient descent with a fixed step.
import { initSync, logisticObjective, minimize } from '../dist/index.js';

initSync();

// --- 1. minimize() on a library's own objective -------------------------------------------
const rows = 2000;
const X = [];
const counts = [];
let seed = 7;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
for (let i = 0; i < rows; i++) {
  const x = [rand() - 0.5, rand() - 0.5, rand() - 0.5];
  const rate = Math.exp(0.5 + 1.2 * x[0] - 0.8 * x[1]);
  let k = 0; // Poisson draw by inversion
  for (let p = Math.exp(-rate), s = p, u = rand(); u > s; ) (p *= rate / ++k), (s += p);
  X.push(x);
  counts.push(k);
}
const poisson = {
  dim: 4, // three coefficients, then the intercept
  valueAndGradient(theta, g) {
    g.fill(0);
    let f = 0;
    for (let i = 0; i < rows; i++) {
      const eta = theta[3] + theta[0] * X[i][0] + theta[1] * X[i][1] + theta[2] * X[i][2];
      const mu = Math.exp(eta);
      f += mu - counts[i] * eta;
      for (let j = 0; j < 3; j++) g[j] += (mu - counts[i]) * X[i][j] / rows;
      g[3] += (mu - counts[i]) / rows;
    }
    for (let j = 0; j < 3; j++) {
      f += 0.5 * 1e-3 * rows * theta[j] ** 2;
      g[j] += 1e-3 * theta[j];
    }
    return f / rows;
  },
};
const fit = minimize(poisson, new Float64Array(4), { method: 'lbfgs', tol: 1e-9 });
console.log(`Poisson regression by minimize(): ${fit.reason} after ${fit.nIter} iterations,`);
console.log(`  coefficients ${Array.from(fit.x.subarray(0, 3), (v) => v.toFixed(3)).join(', ')}, intercept ${fit.x[3].toFixed(3)} (true: 1.2, -0.8, 0, 0.5)`);

// --- 2. an external optimiser on logisticObjective() --------------------------------------
const labels = X.map((x) => (x[0] + 0.5 * x[2] + 0.2 * (rand() - 0.5) > 0 ? 'up' : 'down'));
const objective = logisticObjective(X, labels, { C: 10 }); // data copied into wasm memory once
const w = new Float64Array(objective.dim); // [w0, w1, w2, b]
const g = new Float64Array(objective.dim);
let J = objective.valueAndGradient(w, g);
for (let step = 0; step < 2000; step++) {
  for (let j = 0; j < w.length; j++) w[j] -= 2 * g[j];
  J = objective.valueAndGradient(w, g);
}
console.log(`gradient descent on logisticObjective(): J = ${J.toFixed(6)}, w = ${Array.from(w, (v) => v.toFixed(3)).join(', ')}`);
console.log(`  (classes ${objective.classes.join(' < ')}; backend ${objective.backend})`);
objective.dispose(); // frees the copied data
