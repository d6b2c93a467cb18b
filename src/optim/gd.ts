// Full-batch gradient descent: Armijo backtracking along −∇J (the trial step starts at twice
// the last accepted one), or a fixed learningRate when given.
import type { Objective, OptimizeOptions } from './types.js';
import { Monitor, requireSmooth, type Steps } from './monitor.js';
import { backtrack } from './linesearch.js';
import { allFinite, dotVec } from './vec.js';

export function* gd(obj: Objective, x0: Float64Array, opts: OptimizeOptions): Steps {
  requireSmooth(obj, 'gd');
  const n = obj.dim;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = obj.valueAndGradient(x, g);
  const mon = new Monitor(obj, opts, x, f);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const dir = new Float64Array(n);
  let t = 1;
  for (let it = 1; it <= opts.maxIter; it++) {
    if (mon.small(x, g)) return mon.result(x, f, g, it - 1, 'converged');
    let fNew: number;
    if (opts.learningRate !== undefined) {
      const lr = opts.learningRate;
      for (let i = 0; i < n; i++) xNew[i] = x[i] - lr * g[i];
      fNew = obj.valueAndGradient(xNew, gNew);
      if (!Number.isFinite(fNew) || !allFinite(gNew)) return mon.result(x, f, g, it - 1, 'nonFinite');
    } else {
      for (let i = 0; i < n; i++) dir[i] = -g[i];
      const step = backtrack(obj, x, f, dir, -dotVec(g, g), Math.min(2 * t, 1e12), xNew, gNew);
      if (!step) return mon.result(x, f, g, it - 1, 'lineSearch');
      t = step.t;
      fNew = step.f;
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (!mon.record(it, x, f, g)) return mon.result(x, f, g, it, 'callback');
    yield mon;
  }
  return mon.result(x, f, g, opts.maxIter, mon.small(x, g) ? 'converged' : 'maxIter');
}
