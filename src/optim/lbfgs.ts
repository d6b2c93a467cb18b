// L-BFGS: two-loop recursion over the last `memory` pairs (s, y), initial scaling sᵀy/yᵀy,
// strong-Wolfe line search. With an L1 term it runs as OWL-QN (Andrew & Gao 2007): the
// direction comes from the pseudo-gradient, is kept in its orthant, and each trial point is
// projected onto the orthant of the current iterate, so coefficients that reach 0 are exactly 0.
import type { AnyObjective, OptimizeOptions } from './types.js';
import { Pending, isThenable, settle } from './pending.js';
import { Monitor, type Steps } from './monitor.js';
import { C1, MAX_HALVINGS } from './linesearch.js';
import { strongWolfe } from './wolfe.js';
import { dotVec, normInf } from './vec.js';
import { l1Of, pseudoGradient } from './l1.js';

class History {
  private readonly s: Float64Array[] = [];
  private readonly y: Float64Array[] = [];
  private readonly rho: number[] = [];
  private readonly alpha: Float64Array;

  constructor(private readonly m: number) {
    this.alpha = new Float64Array(m);
  }

  get size(): number {
    return this.s.length;
  }

  clear(): void {
    this.s.length = this.y.length = this.rho.length = 0;
  }

  /** Stores the pair when sᵀy is safely positive; returns whether it did. */
  push(s: Float64Array, y: Float64Array): boolean {
    const sy = dotVec(s, y);
    if (!(sy > 1e-12 * Math.sqrt(dotVec(s, s) * dotVec(y, y)))) return false;
    if (this.s.length === this.m) {
      this.s.shift();
      this.y.shift();
      this.rho.shift();
    }
    this.s.push(s);
    this.y.push(y);
    this.rho.push(1 / sy);
    return true;
  }

  /** Stores the step from (x, g) to (xNew, gNew). */
  pushStep(x: Float64Array, xNew: Float64Array, g: Float64Array, gNew: Float64Array): void {
    const s = new Float64Array(x.length);
    const y = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    this.push(s, y);
  }

  /** out = −H·q (the two-loop recursion). */
  direction(q0: Float64Array, out: Float64Array): void {
    const n = q0.length;
    for (let i = 0; i < n; i++) out[i] = q0[i];
    const k = this.s.length;
    for (let i = k - 1; i >= 0; i--) {
      const a = this.rho[i] * dotVec(this.s[i], out);
      this.alpha[i] = a;
      const yi = this.y[i];
      for (let j = 0; j < n; j++) out[j] -= a * yi[j];
    }
    if (k > 0) {
      const y = this.y[k - 1];
      const gamma = 1 / (this.rho[k - 1] * dotVec(y, y));
      for (let j = 0; j < n; j++) out[j] *= gamma;
    }
    for (let i = 0; i < k; i++) {
      const b = this.rho[i] * dotVec(this.y[i], out);
      const si = this.s[i];
      const c = this.alpha[i] - b;
      for (let j = 0; j < n; j++) out[j] += c * si[j];
    }
    for (let j = 0; j < n; j++) out[j] = -out[j];
  }
}

export function* lbfgs(obj: AnyObjective, x0: Float64Array, opts: OptimizeOptions): Steps {
  if (obj.l1 && obj.l1.strength > 0) return yield* owlqn(obj, x0, opts);
  const n = obj.dim;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = yield* settle(obj.valueAndGradient(x, g));
  const mon = new Monitor(obj, opts, x, f);
  const hist = new History(opts.memory);
  const dir = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  for (let it = 1; it <= opts.maxIter; it++) {
    if (mon.small(x, g)) return mon.result(x, f, g, it - 1, 'converged');
    let step = null;
    for (let attempt = 0; attempt < 2 && !step; attempt++) {
      if (attempt === 1) {
        if (hist.size === 0) break;
        hist.clear(); // the quasi-Newton model failed: restart from steepest descent
      }
      hist.direction(g, dir);
      let slope = dotVec(g, dir);
      if (!(slope < 0)) {
        hist.clear();
        hist.direction(g, dir);
        slope = dotVec(g, dir);
      }
      const t0 = hist.size === 0 ? Math.min(1, 1 / Math.max(normInf(g), 1e-300)) : 1;
      step = yield* strongWolfe(obj, x, f, slope, dir, t0, xNew, gNew);
    }
    if (!step) return mon.result(x, f, g, it - 1, 'lineSearch');
    hist.pushStep(x, xNew, g, gNew);
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = step.f;
    if (!mon.record(it, x, f, g)) return mon.result(x, f, g, it, 'callback');
    yield mon;
  }
  return mon.result(x, f, g, opts.maxIter, mon.small(x, g) ? 'converged' : 'maxIter');
}

/** OWL-QN for J = smooth + λ‖x_{0..count}‖₁. */
function* owlqn(obj: AnyObjective, x0: Float64Array, opts: OptimizeOptions): Steps {
  const n = obj.dim;
  const l1 = obj.l1!;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = yield* settle(obj.valueAndGradient(x, g));
  const mon = new Monitor(obj, opts, x, f);
  const hist = new History(opts.memory);
  const pg = new Float64Array(n);
  const dir = new Float64Array(n);
  const orthant = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  for (let it = 1; it <= opts.maxIter; it++) {
    if (mon.small(x, g)) return mon.result(x, f, g, it - 1, 'converged');
    pseudoGradient(x, g, l1, pg);
    let fNew = NaN;
    let accepted = false;
    for (let attempt = 0; attempt < 2 && !accepted; attempt++) {
      if (attempt === 1) {
        if (hist.size === 0) break;
        hist.clear();
      }
      hist.direction(pg, dir);
      // keep the direction in the orthant the pseudo-gradient points to
      for (let j = 0; j < l1.count; j++) if (dir[j] * pg[j] >= 0) dir[j] = 0;
      for (let j = 0; j < l1.count; j++) orthant[j] = x[j] !== 0 ? Math.sign(x[j]) : -Math.sign(pg[j]);
      const F = f + l1Of(x, l1);
      let t = hist.size === 0 ? Math.min(1, 1 / Math.max(normInf(pg), 1e-300)) : 1;
      for (let k = 0; k < MAX_HALVINGS; k++, t *= 0.5) {
        for (let j = 0; j < n; j++) {
          let v = x[j] + t * dir[j];
          if (j < l1.count && v * orthant[j] <= 0) v = 0; // projection onto the orthant
          xNew[j] = v;
        }
        const v = obj.valueAndGradient(xNew, gNew);
        fNew = isThenable(v) ? ((yield new Pending(v)) as number) : v; // no generator per trial for a synchronous objective
        let decrease = 0;
        for (let j = 0; j < n; j++) decrease += pg[j] * (xNew[j] - x[j]);
        const FNew = fNew + l1Of(xNew, l1);
        // strict decrease: at the precision limit of J a null step must not count as progress
        if (FNew < F && FNew <= F + C1 * decrease) {
          accepted = true;
          break;
        }
      }
    }
    if (!accepted) return mon.result(x, f, g, it - 1, 'lineSearch');
    hist.pushStep(x, xNew, g, gNew);
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = fNew;
    if (!mon.record(it, x, f, g)) return mon.result(x, f, g, it, 'callback');
    yield mon;
  }
  return mon.result(x, f, g, opts.maxIter, mon.small(x, g) ? 'converged' : 'maxIter');
}
