// The binary objective over a KernelDataset (either backend):
//   J(w, b) = (1/S) Σ s_i ℓ(y_i, x_i·w + b) + (1/(C·S))·P(w),   S = Σ s_i,   P(w) = ½‖w‖² (l2)
// The parameter vector is [w (d values), b] with fitIntercept, else [w]; b is never penalised.
import type { KernelDataset, LossKind } from '../backend/types.js';
import type { StochasticObjective } from '../optim/types.js';
import { penaltyOf, type PenaltyName } from './penalty.js';

export interface LogisticObjectiveOptions {
  C: number;
  penalty: PenaltyName;
  fitIntercept: boolean;
  loss: LossKind;
  /** Σ s_i (n without sample weights). */
  sumWeights: number;
}

export class LogisticObjective implements StochasticObjective {
  readonly dim: number;
  readonly nSamples: number;
  private readonly data: KernelDataset;
  private readonly opts: LogisticObjectiveOptions;
  private readonly w: Float64Array;
  private readonly gk: Float64Array;
  private readonly alpha: number;

  constructor(data: KernelDataset, opts: LogisticObjectiveOptions) {
    this.data = data;
    this.opts = opts;
    this.nSamples = data.n;
    this.dim = data.d + (opts.fitIntercept ? 1 : 0);
    this.w = new Float64Array(data.d);
    this.gk = new Float64Array(data.d + 1);
    this.alpha = opts.penalty === 'none' ? 0 : 1 / (opts.C * opts.sumWeights);
  }

  valueAndGradient(x: Float64Array, g: Float64Array): number {
    return this.evaluate(x, g, undefined, 1 / this.opts.sumWeights);
  }

  /** Unbiased for a uniform batch: the data term is scaled by n / (|batch|·S). */
  batchValueAndGradient(x: Float64Array, g: Float64Array, indices: Int32Array): number {
    return this.evaluate(x, g, indices, this.nSamples / (indices.length * this.opts.sumWeights));
  }

  private evaluate(x: Float64Array, g: Float64Array, idx: Int32Array | undefined, scale: number): number {
    const d = this.data.d;
    const w = this.w;
    for (let j = 0; j < d; j++) w[j] = x[j];
    const b = this.opts.fitIntercept ? x[d] : 0;
    const gk = this.gk;
    const sum = this.data.fusedGrad(w, b, gk, this.opts.loss, true, idx);
    for (let j = 0; j < d; j++) g[j] = scale * gk[j];
    if (this.opts.fitIntercept) g[d] = scale * gk[d];
    return scale * sum + penaltyOf(this.opts.penalty).addTo(w, d, this.alpha, g);
  }
}
