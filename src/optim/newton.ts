// Trust-region Newton-CG (Steihaug–Toint): the step minimises the quadratic model
// gᵀp + ½pᵀHp inside ‖p‖ <= Δ by conjugate gradients on Hessian-vector products (one pass
// over X each, with the per-row curvature cached at the iterate), stopping at the boundary or
// on negative curvature. Δ grows after good agreement (ρ > 0.75 at the boundary) and shrinks
// after poor agreement (ρ < 0.25); a step is taken when ρ > 1e-4.
import type { AnyObjective, OptimizeOptions } from './types.js';
import type { Steps } from './monitor.js';
import { secondOrderStart } from './second-order.js';
import { dotVec } from './vec.js';

/** Agreement ρ of actual to predicted decrease: below POOR the region shrinks to POOR·‖p‖, above GOOD (at the boundary) it doubles, above ACCEPT the step is taken. */
const POOR = 0.25;
const GOOD = 0.75;
const ACCEPT = 1e-4;

export function* newton(obj: AnyObjective, x0: Float64Array, opts: OptimizeOptions): Steps {
  const start = yield* secondOrderStart(obj, x0, opts, 'newton');
  const { evaluate, mon } = start;
  let { x, g, at } = start;
  let f = at.value;
  const n = obj.dim;
  let radius = Math.max(1, Math.sqrt(dotVec(x, x)));
  const p = new Float64Array(n);
  const r = new Float64Array(n);
  const d = new Float64Array(n);
  const Hd = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  let rejections = 0;
  for (let it = 1; it <= opts.maxIter; it++) {
    if (mon.small(x, g)) return mon.result(x, f, g, it - 1, 'converged');
    // Steihaug CG on H p = −g
    const gnorm = Math.sqrt(dotVec(g, g));
    const cgTol = Math.min(0.5, Math.sqrt(gnorm)) * gnorm;
    p.fill(0);
    for (let i = 0; i < n; i++) {
      r[i] = -g[i];
      d[i] = r[i];
    }
    let rr = dotVec(r, r);
    let pHp = 0; // pᵀHp of the final step, for the model's predicted decrease
    let onBoundary = false;
    const maxCg = Math.max(2 * n, 20);
    for (let k = 0; k < maxCg && Math.sqrt(rr) > cgTol; k++) {
      at.hvp(d, Hd);
      const dHd = dotVec(d, Hd);
      if (dHd <= 0) {
        toBoundary(p, d, radius);
        onBoundary = true;
        break;
      }
      const alpha = rr / dHd;
      let pp = 0;
      for (let i = 0; i < n; i++) {
        const v = p[i] + alpha * d[i];
        pp += v * v;
      }
      if (Math.sqrt(pp) >= radius) {
        toBoundary(p, d, radius);
        onBoundary = true;
        break;
      }
      // sparse data with many columns makes these d-sized loops a share of the time: one sweep
      let rrNew = 0;
      for (let i = 0; i < n; i++) {
        p[i] += alpha * d[i];
        const ri = r[i] - alpha * Hd[i];
        r[i] = ri;
        rrNew += ri * ri;
      }
      const beta = rrNew / rr;
      rr = rrNew;
      for (let i = 0; i < n; i++) d[i] = r[i] + beta * d[i];
    }
    // the model's predicted decrease needs pᵀHp at the final p
    at.hvp(p, Hd);
    pHp = dotVec(p, Hd);
    const predicted = -(dotVec(g, p) + 0.5 * pHp);
    for (let i = 0; i < n; i++) xNew[i] = x[i] + p[i];
    const trial = yield* evaluate(xNew, gNew);
    const fNew = trial.value;
    const rho = Number.isFinite(fNew) && predicted > 0 ? (f - fNew) / predicted : -1;
    const pnorm = Math.sqrt(dotVec(p, p));
    if (rho < POOR) radius = POOR * pnorm;
    else if (rho > GOOD && onBoundary) radius = 2 * radius;
    if (rho > ACCEPT && fNew <= f) {
      rejections = 0;
      [x, xNew] = [xNew, x];
      [g, gNew] = [gNew, g];
      f = fNew;
      at = trial;
    } else if (++rejections > 30 || !(radius > 1e-300)) {
      return mon.result(x, f, g, it - 1, 'lineSearch');
    }
    if (!mon.record(it, x, f, g)) return mon.result(x, f, g, it, 'callback');
    yield mon;
  }
  return mon.result(x, f, g, opts.maxIter, mon.small(x, g) ? 'converged' : 'maxIter');
}

/** p ← p + τ·d with τ >= 0 such that ‖p‖ = radius. */
function toBoundary(p: Float64Array, d: Float64Array, radius: number): void {
  const dd = dotVec(d, d);
  const pd = dotVec(p, d);
  const pp = dotVec(p, p);
  const tau = (-pd + Math.sqrt(Math.max(0, pd * pd + dd * (radius * radius - pp)))) / dd;
  for (let i = 0; i < p.length; i++) p[i] += tau * d[i];
}
