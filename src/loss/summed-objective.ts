// The objective over data that stays outside memory (a stream of batches, a SQL engine): each
// evaluation is one pass that returns the unnormalised sums Σ s_i ℓ_i and their gradient (binary:
// Σ s_i r_i [x_i; 1]; k classes: the softmax's, k·d then k) and, for a binary model when asked,
// Σ s_i D_i [x_i; 1][x_i; 1]ᵀ. J is then the in-memory objective's exactly: (1/S)·sums + the
// penalty with α = 1/(C·S).
import { LogRegError } from '../core/errors.js';
import type { ColumnStats } from '../data/column-stats.js';
import { penaltyStrengths, type PenaltyName } from '../loss/penalty.js';
import { coordinateScaling, type CoordinateScaling } from '../optim/scaling.js';
import { fullHessianOrFail } from '../optim/second-order.js';
import type { AsyncObjective, GradientHessian, L1Term } from '../optim/types.js';

/** One pass's sums at (W, b): grad has k·d + k values (the intercepts last), hessian (binary) (d + 1)². */
export interface PassSums {
  loss: number;
  grad: Float64Array;
  hessian?: Float64Array;
}

/** One pass over the data at (W: k×d row-major, b: k values); the Hessian's sums only when `hessian` is true. */
export type Pass = (w: Float64Array, b: Float64Array, hessian: boolean) => Promise<PassSums>;

/** What the pass before the fit learned: the feature count, the weight total and the column stats. */
export interface Census {
  d: number;
  rows: number;
  sumWeights: number;
  stats: ColumnStats;
}

export interface SummedOptions {
  C: number;
  penalty: PenaltyName;
  l1Ratio: number;
  fitIntercept: boolean;
  /** coefficient rows: 1 (binary) or k (softmax). Default 1 */
  blocks?: number;
}

export interface SummedObjective extends AsyncObjective {
  readonly l1: L1Term | undefined;
  readonly sumWeights: number;
  /** passes over the data so far */
  readonly passes: number;
  gradientHessian(x: Float64Array, g: Float64Array): Promise<GradientHessian>;
}

export function summedObjective(pass: Pass, census: Census, o: SummedOptions): SummedObjective {
  const { d, sumWeights: S } = census;
  const k = o.blocks ?? 1;
  const kd = k * d;
  const dim = kd + (o.fitIntercept ? k : 0);
  const p = penaltyStrengths(o.penalty, o.C, S, o.l1Ratio);
  const l2 = p.l2;
  const w = new Float64Array(kd);
  const b = new Float64Array(k);
  let passes = 0;
  let scaling: CoordinateScaling | null = null;

  /** J and ∇J from a pass at x (into g); the pass's sums for the Hessian. */
  async function evaluate(x: Float64Array, g: Float64Array, hessian: boolean): Promise<{ value: number; sums: PassSums }> {
    for (let j = 0; j < kd; j++) w[j] = x[j];
    for (let c = 0; c < k; c++) b[c] = o.fitIntercept ? x[kd + c] : 0;
    const sums = await pass(w, b, hessian);
    passes++;
    let penalty = 0;
    for (let j = 0; j < kd; j++) {
      g[j] = sums.grad[j] / S + l2 * w[j];
      penalty += w[j] * w[j];
    }
    if (o.fitIntercept) for (let c = 0; c < k; c++) g[kd + c] = sums.grad[kd + c] / S;
    return { value: sums.loss / S + 0.5 * l2 * penalty, sums };
  }

  return {
    dim,
    sumWeights: S,
    l1: p.l1 > 0 ? { strength: p.l1, count: kd } : undefined,
    get passes() {
      return passes;
    },
    convergenceScaling() {
      return (scaling ??= coordinateScaling(census.stats, k, o.fitIntercept));
    },
    async valueAndGradient(x, g) {
      return (await evaluate(x, g, false)).value;
    },
    async gradientHessian(x, g) {
      if (k > 1)
        throw new LogRegError('INVALID_OPTION', `the Newton solvers over data outside memory fit two classes; for ${k} use solver 'lbfgs'`, { option: 'solver' });
      fullHessianOrFail(dim, 'a Newton solver over data outside memory');
      const { value, sums } = await evaluate(x, g, true);
      // ∇²J: the sums' (d + 1)² block without the intercept's row and column when there is none
      const m = d + 1;
      const H = new Float64Array(dim * dim);
      for (let j = 0; j < dim; j++) for (let c = 0; c < dim; c++) H[j * dim + c] = sums.hessian![j * m + c] / S;
      for (let j = 0; j < d; j++) H[j * dim + j] += l2;
      return {
        value,
        matrix: (out: Float64Array) => out.set(H),
        hvp(v: Float64Array, out: Float64Array) {
          for (let j = 0; j < dim; j++) {
            let s = 0;
            for (let c = 0; c < dim; c++) s += H[j * dim + c] * v[c];
            out[j] = s;
          }
        },
      };
    },
  };
}
