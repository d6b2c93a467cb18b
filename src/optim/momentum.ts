// Full-batch heavy-ball momentum and Nesterov's accelerated gradient.
//   heavy ball: x⁺ = x − t·∇J(x) + β·(x − x⁻)
//   nesterov:   y = x + β·(x − x⁻), x⁺ = y − t·∇J(y)   (J and ∇J are evaluated at y)
// Without a learningRate, t starts at 1/L (curvature.ts) and shrinks to 1/L̂ whenever the
// secant estimate L̂ = ‖Δ∇J‖/‖Δx‖ between consecutive evaluations says the step is too long.
// Momentum restarts (x⁻ := x) when it points uphill (∇J·(x − x⁻) > 0; O'Donoghue & Candès).
import type { Objective, OptimizeOptions } from './types.js';
import { Monitor, requireSmooth, type Steps } from './monitor.js';
import { estimateCurvature } from './curvature.js';
import { allFinite, distance } from './vec.js';

export function* momentumFullBatch(
  obj: Objective,
  x0: Float64Array,
  opts: OptimizeOptions,
  nesterov: boolean,
): Steps {
  requireSmooth(obj, nesterov ? 'nesterov' : 'momentum');
  const n = obj.dim;
  const beta = opts.momentum;
  // p: the point where J is evaluated (x for heavy ball, the look-ahead y for nesterov)
  let p = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = obj.valueAndGradient(p, g);
  const mon = new Monitor(obj, opts, p, f);
  const auto = opts.learningRate === undefined;
  let t = auto ? 1 / estimateCurvature(obj, p, g) : (opts.learningRate as number);
  const x = Float64Array.from(x0); // current iterate
  const xPrev = Float64Array.from(x0);
  let pNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  for (let it = 1; it <= opts.maxIter; it++) {
    if (mon.small(p, g)) return mon.result(p, f, g, it - 1, 'converged');
    // restart when the momentum direction points uphill
    let uphill = 0;
    for (let i = 0; i < n; i++) uphill += g[i] * (x[i] - xPrev[i]);
    if (uphill > 0) xPrev.set(x);
    for (let i = 0; i < n; i++) {
      const xi = nesterov ? p[i] - t * g[i] : x[i] - t * g[i] + beta * (x[i] - xPrev[i]);
      xPrev[i] = x[i];
      x[i] = xi;
    }
    for (let i = 0; i < n; i++) pNew[i] = nesterov ? x[i] + beta * (x[i] - xPrev[i]) : x[i];
    const fNew = obj.valueAndGradient(pNew, gNew);
    if (!Number.isFinite(fNew) || !allFinite(gNew)) return mon.result(p, f, g, it - 1, 'nonFinite');
    if (auto) {
      const dx = distance(pNew, p);
      if (dx > 0) {
        const L = distance(gNew, g) / dx;
        if (t * L > 1) t = 1 / L;
      }
    }
    [p, pNew] = [pNew, p];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (!mon.record(it, p, f, g)) return mon.result(p, f, g, it, 'callback');
    yield mon;
  }
  return mon.result(p, f, g, opts.maxIter, mon.small(p, g) ? 'converged' : 'maxIter');
}
