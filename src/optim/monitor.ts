// The stopping rule shared by every optimiser, the loss history and the iteration callback.
// Converged when ‖∇J‖∞ <= tol·max(1, ‖∇J(x₀)‖∞).
import type { IterationInfo, OptimizeOptions, OptimizeResult, StopReason } from './types.js';
import { normInf } from './vec.js';

export class Monitor {
  readonly threshold: number;
  readonly history: number[] = [];
  private readonly onIteration?: (info: IterationInfo) => boolean | void;

  constructor(opts: OptimizeOptions, f0: number, g0: Float64Array) {
    this.threshold = opts.tol * Math.max(1, normInf(g0));
    this.onIteration = opts.onIteration;
    this.history.push(f0);
  }

  /** True when the gradient meets the tolerance. */
  small(g: Float64Array): boolean {
    return normInf(g) <= this.threshold;
  }

  /** Records iteration `it` (value f, gradient g); returns false when the callback asks to stop. */
  record(it: number, f: number, g: Float64Array): boolean {
    this.history.push(f);
    if (!this.onIteration) return true;
    return this.onIteration({ iteration: it, loss: f, gradientNorm: normInf(g) }) !== false;
  }

  result(x: Float64Array, f: number, g: Float64Array, nIter: number, reason: StopReason): OptimizeResult {
    const gn = normInf(g);
    return {
      x,
      value: f,
      gradientNorm: gn,
      nIter,
      converged: reason === 'converged' || gn <= this.threshold,
      reason,
      lossHistory: this.history,
    };
  }
}
