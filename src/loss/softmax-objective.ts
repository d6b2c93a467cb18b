// The multinomial (softmax) objective over a SoftmaxDataset:
//   J(W, b) = (1/S) Σ s_i (logsumexp(z_i) − z_{i,y_i}) + (l2/2)‖W‖² + l1·‖W‖₁,  z_i = W x_i + b
// scikit-learn's symmetric parameterisation (k coefficient rows, all penalised) divided by C·S.
// The parameter vector is [W (k×d row-major), b (k)] with fitIntercept, else [W].
import type { SoftmaxDataset } from '../engine/types.js';
import type { GradientHessian, L1Term, StochasticObjective } from '../optim/types.js';
import { gradientHessianOf } from './hessian-at.js';
import { addL2, penaltyStrengths, type PenaltyName } from './penalty.js';
import { weightSum } from '../data/weights.js';
import { coordinateScaling, type CoordinateScaling } from '../optim/scaling.js';

export interface SoftmaxObjectiveOptions {
  C: number;
  penalty: PenaltyName;
  l1Ratio: number;
  fitIntercept: boolean;
  sampleWeight: Float64Array | null;
  /** S in α = 1/(C·S) when it is not Σ s_i of these rows (online training: the epoch's weight) */
  penaltyWeight?: number;
}

export class SoftmaxObjective implements StochasticObjective {
  readonly dim: number;
  readonly nSamples: number;
  readonly l2: number;
  readonly l1: L1Term | undefined;
  readonly sumWeights: number;
  private readonly data: SoftmaxDataset;
  private readonly fitIntercept: boolean;
  private readonly b: Float64Array;
  private readonly gk: Float64Array;
  /** the point of the latest full pass (the engine keeps its probabilities), and the pass count */
  private pAt: Float64Array | null = null;
  passes = 0;

  constructor(data: SoftmaxDataset, opts: SoftmaxObjectiveOptions) {
    this.data = data;
    this.fitIntercept = opts.fitIntercept;
    const kd = data.k * data.d;
    this.dim = kd + (opts.fitIntercept ? data.k : 0);
    this.nSamples = data.n;
    const sw = opts.sampleWeight;
    this.sumWeights = weightSum(sw, data.n);
    const p = penaltyStrengths(opts.penalty, opts.C, opts.penaltyWeight ?? this.sumWeights, opts.l1Ratio);
    this.l2 = p.l2;
    this.l1 = p.l1 > 0 ? { strength: p.l1, count: kd } : undefined;
    this.b = new Float64Array(data.k);
    this.gk = new Float64Array(kd + data.k);
  }

  private scaling: CoordinateScaling | null = null;

  /** Standardised coordinates of this data (one pass over X, the first time). */
  convergenceScaling(): CoordinateScaling {
    return (this.scaling ??= coordinateScaling(this.data.columnStats(), this.data.k, this.fitIntercept));
  }

  valueAndGradient(x: Float64Array, g: Float64Array): number {
    const v = this.evaluate(x, g, undefined, 1 / this.sumWeights);
    (this.pAt ??= new Float64Array(this.dim)).set(x);
    this.passes++;
    return v;
  }

  /** J, ∇J and the Hessian-vector product at x (what newton uses). */
  gradientHessian(x: Float64Array, g: Float64Array): GradientHessian {
    return gradientHessianOf(this, x, g);
  }

  batchValueAndGradient(x: Float64Array, g: Float64Array, indices: Int32Array): number {
    return this.evaluate(x, g, indices, this.nSamples / (indices.length * this.sumWeights));
  }

  /** ∇²J(x)·v for callers that pass x each time: re-runs the pass when x is not the latest pass's point. */
  hessianVectorProduct(x: Float64Array, v: Float64Array, out: Float64Array): void {
    if (!this.at(x)) this.valueAndGradient(x, new Float64Array(this.dim));
    this.productAtLastPass(v, out);
  }

  productAtLastPass(v: Float64Array, out: Float64Array): void {
    const kd = this.data.k * this.data.d;
    this.data.hessVec(v.subarray(0, kd), this.intercepts(v), this.gk);
    const scale = 1 / this.sumWeights;
    for (let j = 0; j < kd; j++) out[j] = scale * this.gk[j] + this.l2 * v[j];
    if (this.fitIntercept) for (let c = 0; c < this.data.k; c++) out[kd + c] = scale * this.gk[kd + c];
  }

  private intercepts(x: Float64Array): Float64Array {
    const kd = this.data.k * this.data.d;
    if (this.fitIntercept) for (let c = 0; c < this.data.k; c++) this.b[c] = x[kd + c];
    else this.b.fill(0);
    return this.b;
  }

  private at(x: Float64Array): boolean {
    const p = this.pAt;
    if (!p) return false;
    for (let j = 0; j < x.length; j++) if (p[j] !== x[j]) return false;
    return true;
  }

  private evaluate(x: Float64Array, g: Float64Array, idx: Int32Array | undefined, scale: number): number {
    const kd = this.data.k * this.data.d;
    const W = x.subarray(0, kd);
    const sum = this.data.grad(W, this.intercepts(x), this.gk, idx, idx === undefined);
    for (let j = 0; j < kd; j++) g[j] = scale * this.gk[j];
    if (this.fitIntercept) for (let c = 0; c < this.data.k; c++) g[kd + c] = scale * this.gk[kd + c];
    return scale * sum + addL2(W, kd, this.l2, g);
  }
}
