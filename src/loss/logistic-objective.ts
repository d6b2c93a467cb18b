// The binary objective over a KernelDataset (either backend):
//   J(w, b) = (1/S) Σ s_i ℓ(y_i, x_i·w + b) + (l2/2)‖w‖² + l1·‖w‖₁,   S = Σ s_i
// with l2, l1 from penalty.ts. The parameter vector is [w (d values), b] with fitIntercept,
// else [w]; b is never penalised. valueAndGradient covers the smooth part; the ‖w‖₁ part is
// exposed as `l1` for the solvers that handle it.
import type { KernelDataset, LossKind } from '../engine/types.js';
import type { Accelerator, FiniteSumObjective, GradientHessian, L1Term } from '../optim/types.js';
import { gradientHessianOf } from './hessian-at.js';
import { addL2, penaltyStrengths, type PenaltyName } from './penalty.js';
import { weightSum } from '../data/weights.js';
import { coordinateScaling, type CoordinateScaling } from '../optim/scaling.js';
import type { ColumnStats } from '../data/column-stats.js';

export interface LogisticObjectiveOptions {
  C: number;
  penalty: PenaltyName;
  l1Ratio: number;
  fitIntercept: boolean;
  loss: LossKind;
  /** the weights the dataset was built with (null: all 1) */
  sampleWeight: Float64Array | null;
  /** S in α = 1/(C·S) when it is not Σ s_i of these rows (online training: the epoch's weight) */
  penaltyWeight?: number;
}

export class LogisticObjective implements FiniteSumObjective {
  readonly dim: number;
  readonly nSamples: number;
  readonly l2: number;
  readonly l1: L1Term | undefined;
  readonly penalizedCount: number;
  private readonly data: KernelDataset;
  private readonly opts: LogisticObjectiveOptions;
  /** S = Σ s_i */
  readonly sumWeights: number;
  private readonly w: Float64Array;
  private readonly gk: Float64Array;
  /** the data part of the full Hessian, (d + 1)² */
  private hessianData: Float64Array | null = null;
  /** full passes so far (the engine keeps the margins of the latest), and the pass D was derived from */
  passes = 0;
  private curvatureOf = -1;
  /** the point of the latest full pass, for hessianVectorProduct(x, …) callers */
  private zAt: Float64Array | null = null;

  constructor(data: KernelDataset, opts: LogisticObjectiveOptions) {
    this.data = data;
    this.opts = opts;
    this.nSamples = data.n;
    this.dim = data.d + (opts.fitIntercept ? 1 : 0);
    this.penalizedCount = data.d;
    const sw = opts.sampleWeight;
    this.sumWeights = weightSum(sw, data.n);
    this.w = new Float64Array(data.d);
    this.gk = new Float64Array(data.d + 1);
    const p = penaltyStrengths(opts.penalty, opts.C, opts.penaltyWeight ?? this.sumWeights, opts.l1Ratio);
    this.l2 = p.l2;
    this.l1 = p.l1 > 0 ? { strength: p.l1, count: data.d } : undefined;
    const sgd = { nS: this.nSamples, S: this.sumWeights, l2: this.l2, fitIntercept: opts.fitIntercept, loss: opts.loss };
    const saga = { scale: this.summandScale, rows: this.nSamples, penalized: this.penalizedCount, fitIntercept: opts.fitIntercept, loss: opts.loss };
    // the lagged SAGA epoch costs a batch's non-zeros, so single rows cost no more per row than batches
    this.sagaBatch = data.sparse ? 1 : undefined;
    this.accelerator = {
      sgdEpoch: (r) => data.sgdEpoch(r, sgd),
      sagaEpoch: data.sagaEpoch && ((r) => data.sagaEpoch!(r, saga)),
    };
  }

  readonly sagaBatch: number | undefined;

  /** Whole SGD epochs in one call, and SAGA epochs where the engine runs them in one call (wasm). */
  readonly accelerator: Accelerator;

  private scaling: CoordinateScaling | null = null;
  private stats: ColumnStats | null = null;

  /** Mean and variance of every column (one pass over X, the first time). */
  columnStats(): ColumnStats {
    return (this.stats ??= this.data.columnStats());
  }

  /** Standardised coordinates of this data. */
  convergenceScaling(): CoordinateScaling {
    return (this.scaling ??= coordinateScaling(this.columnStats(), 1, this.opts.fitIntercept));
  }

  valueAndGradient(x: Float64Array, g: Float64Array): number {
    const v = this.evaluate(x, g, undefined, 1 / this.sumWeights);
    (this.zAt ??= new Float64Array(this.dim)).set(x);
    this.passes++;
    return v;
  }

  /** J, ∇J and the Hessian-vector product at x (what newton uses). */
  gradientHessian(x: Float64Array, g: Float64Array): GradientHessian {
    return gradientHessianOf(this, x, g);
  }

  /** Unbiased for a uniform batch: the data term is scaled by n / (|batch|·S). */
  batchValueAndGradient(x: Float64Array, g: Float64Array, indices: Int32Array, wantValue = true): number {
    return this.evaluate(x, g, indices, this.nSamples / (indices.length * this.sumWeights), wantValue);
  }

  /** ∇²J(x)·v for callers that pass x each time: re-runs the pass when x is not the latest pass's point. */
  hessianVectorProduct(x: Float64Array, v: Float64Array, out: Float64Array): void {
    if (!this.at(x)) this.valueAndGradient(x, new Float64Array(this.dim));
    this.productAtLastPass(v, out);
  }

  /** D of the latest full pass (once per pass, whichever product asks first). */
  private ensureCurvature(): void {
    if (this.curvatureOf !== this.passes) {
      this.data.curvature(this.opts.loss);
      this.curvatureOf = this.passes;
    }
  }

  productAtLastPass(v: Float64Array, out: Float64Array): void {
    this.ensureCurvature();
    const d = this.data.d;
    const vw = this.w;
    for (let j = 0; j < d; j++) vw[j] = v[j];
    const vb = this.opts.fitIntercept ? v[d] : 0;
    this.data.hessVec(vw, vb, this.gk);
    const scale = 1 / this.sumWeights;
    for (let j = 0; j < d; j++) out[j] = scale * this.gk[j] + this.l2 * v[j];
    if (this.opts.fitIntercept) out[d] = scale * this.gk[d];
  }

  matrixAtLastPass(out: Float64Array): void {
    this.ensureCurvature();
    const d = this.data.d;
    const m = d + 1;
    const H = (this.hessianData ??= new Float64Array(m * m));
    this.data.hessian(H);
    const dim = this.dim;
    const scale = 1 / this.sumWeights;
    for (let j = 0; j < dim; j++) for (let k = 0; k < dim; k++) out[j * dim + k] = scale * H[j * m + k];
    for (let j = 0; j < d; j++) out[j * dim + j] += this.l2;
  }

  sagaUpdate(x: Float64Array, indices: Int32Array | undefined, g: Float64Array): void {
    const d = this.data.d;
    for (let j = 0; j < d; j++) this.w[j] = x[j];
    const b = this.opts.fitIntercept ? x[d] : 0;
    this.data.sagaBatch(this.w, b, indices, this.summandScale, this.opts.loss, this.gk);
    for (let j = 0; j < d; j++) g[j] = this.gk[j];
    if (this.opts.fitIntercept) g[d] = this.gk[d];
  }

  /** n/S: J's data term is (1/n)·Σ f_i with f_i = (n/S)·s_i·ℓ_i (SAGA's summands). */
  private get summandScale(): number {
    return this.nSamples / this.sumWeights;
  }

  sagaReset(): void {
    this.data.sagaReset();
  }

  /** max_i (n/S)·s_i·max ℓ''·(‖x_i‖² + [intercept]) */
  maxSummandLipschitz(): number {
    const norms = this.data.rowSqNorms();
    const s = this.opts.sampleWeight;
    const curv = this.opts.loss === 'squared' ? 0.3125 : 0.25; // bounds on ℓ'' (see assembly/hessian.ts)
    let m = 0;
    for (let i = 0; i < norms.length; i++) {
      const li = (s ? s[i] : 1) * (norms[i] + (this.opts.fitIntercept ? 1 : 0));
      if (li > m) m = li;
    }
    return this.summandScale * curv * m;
  }

  private at(x: Float64Array): boolean {
    const z = this.zAt;
    if (!z) return false;
    for (let j = 0; j < x.length; j++) if (z[j] !== x[j]) return false;
    return true;
  }

  private evaluate(x: Float64Array, g: Float64Array, idx: Int32Array | undefined, scale: number, wantValue = true): number {
    const d = this.data.d;
    const w = this.w;
    for (let j = 0; j < d; j++) w[j] = x[j];
    const b = this.opts.fitIntercept ? x[d] : 0;
    const gk = this.gk;
    const sum = this.data.fusedGrad(w, b, gk, this.opts.loss, wantValue, idx, idx === undefined);
    for (let j = 0; j < d; j++) g[j] = scale * gk[j];
    if (this.opts.fitIntercept) g[d] = scale * gk[d];
    const penalty = addL2(w, d, this.l2, g);
    return wantValue ? scale * sum + penalty : NaN;
  }
}
