// Statistical inference for a fitted binary or multinomial model, as statsmodels' Logit (GLM with
// frequency weights) and MNLogit report it: standard errors from the inverse of the
// log-likelihood's Hessian at the estimate, Wald z and p-values, confidence intervals,
// log-likelihoods, McFadden's pseudo-R², AIC and BIC.
import { isArrowTable, tableFeatures, tableLabels } from '../data/arrow.js';
import { LogRegError, describeValue } from '../core/errors.js';
import { emitWarning } from '../core/warnings.js';
import { logisticObjective } from '../api/objective.js';
import type { FittedModel } from '../model/fitted.js';
import type { Label } from '../data/labels.js';
import { normalTail, normalUpperQuantile } from './normal.js';
import { inverseSpd } from '../optim/cholesky.js';
import { fullHessianOrFail, hessianMatrix } from '../optim/second-order.js';
import { multinomialLikelihood } from './multinomial-likelihood.js';
import type { InferenceOptions, Likelihood } from './likelihood.js';

export type { InferenceOptions };

export interface CoefficientRow {
  name: string;
  estimate: number;
  se: number;
  z: number;
  p: number;
  lower: number;
  upper: number;
}

export interface Inference {
  /** the intercept first (when fitted), then the coefficients, as statsmodels lists them; multinomial: so for each class but the first (the baseline), named `class: name` */
  rows: CoefficientRow[];
  logLikelihood: number;
  nullLogLikelihood: number;
  /** McFadden: 1 − logLikelihood / nullLogLikelihood */
  pseudoR2: number;
  aic: number;
  bic: number;
  /** rows, or the sum of the (frequency) weights */
  nobs: number;
  alpha: number;
  /** the model was fitted with a penalty: the numbers are the unpenalised likelihood's at the penalised estimate */
  penalized: boolean;
  /** a coefficient table like statsmodels' summary */
  toString(): string;
}


export function inference<L extends Label>(model: FittedModel<L>, X: unknown, y: ArrayLike<L> | string, options: InferenceOptions = {}): Inference {
  if (isArrowTable(X)) {
    if (!model.featureNames) throw new LogRegError('FEATURE_MISMATCH', 'X is a table, and the model has no feature names to pick its columns by');
    if (typeof y === 'string') y = tableLabels(X, y) as L[];
    X = tableFeatures(X, model.featureNames);
  }
  if (typeof y === 'string') throw new LogRegError('INVALID_INPUT', 'y names a column only when X is a table');
  if (model.kind === 'ovr')
    throw new LogRegError('INVALID_OPTION', 'inference covers binary and multinomial models; this one is one-vs-rest (fit each class as its own binary model to read them)');
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new LogRegError('INVALID_OPTION', `alpha must be in (0, 1), got ${describeValue(alpha)}`, { option: 'alpha' });
  const o = model.options;
  const penalized = o.penalty !== 'none';
  if (penalized)
    emitWarning({
      code: 'INFERENCE',
      message: `the model is penalised (${o.penalty}, C = ${o.C}): these are the unpenalised likelihood's standard errors at the penalised estimate, not valid inference; fit with penalty 'none' for them`,
    });
  const d = model.coefShape.at(-1)!;
  const features = options.featureNames ?? model.featureNames ?? Array.from({ length: d }, (_, j) => `x${j + 1}`);
  if (features.length !== d) throw new LogRegError('LENGTH_MISMATCH', `featureNames has ${features.length} names for ${d} features`);
  const lik = model.kind === 'binary' ? binaryLikelihood(model, X, y, options, features) : multinomialLikelihood(model, X, y, options, features);
  const m = lik.estimates.length;
  const cov = inverseSpd(lik.hessian, m);
  if (!cov)
    throw new LogRegError('SINGULAR', 'the Hessian of the log-likelihood is singular at this estimate: the classes are separable, or columns are collinear (or constant next to the intercept)');
  const zq = normalUpperQuantile(alpha / 2);
  const rows = lik.names.map((name, j): CoefficientRow => {
    const estimate = lik.estimates[j];
    const se = Math.sqrt(cov[j * m + j]);
    const z = estimate / se;
    return { name, estimate, se, z, p: 2 * normalTail(Math.abs(z)), lower: estimate - zq * se, upper: estimate + zq * se };
  });
  const { logLikelihood, nullLogLikelihood, nobs } = lik;
  const result: Inference = {
    rows,
    logLikelihood,
    nullLogLikelihood,
    pseudoR2: 1 - logLikelihood / nullLogLikelihood,
    aic: -2 * logLikelihood + 2 * m,
    bic: -2 * logLikelihood + m * Math.log(nobs),
    nobs,
    alpha,
    penalized,
    toString: () => format(result, lik.title),
  };
  return result;
}

/** The binary likelihood at the model's estimate: parameters intercept first, as statsmodels' Logit. */
function binaryLikelihood<L extends Label>(model: FittedModel<L>, X: unknown, y: ArrayLike<L>, options: InferenceOptions, features: string[]): Likelihood {
  const o = model.options;
  const obj = logisticObjective(X, y, { penalty: 'none', fitIntercept: o.fitIntercept, sampleWeight: options.sampleWeight, backend: model.backend });
  try {
    if (obj.classes.some((c, i) => c !== model.classes[i]))
      throw new LogRegError('LABELS', `y holds the classes ${obj.classes.join(', ')}, the model ${model.classes.join(', ')}`);
    const d = features.length;
    if (obj.dim !== d + (o.fitIntercept ? 1 : 0)) throw new LogRegError('FEATURE_MISMATCH', `X has ${obj.dim - (o.fitIntercept ? 1 : 0)} features but the model was fitted with ${d}`);
    const n = obj.dim;
    fullHessianOrFail(n, 'inference');
    const x = Float64Array.of(...model.coef, ...(o.fitIntercept ? [model.intercept as number] : []));
    const S = obj.sumWeights;
    const at = obj.gradientHessian(x, new Float64Array(n));
    const H = new Float64Array(n * n);
    hessianMatrix(at, n, H);
    // reorder to intercept first
    const order = o.fitIntercept ? [d, ...Array.from({ length: d }, (_, j) => j)] : Array.from({ length: d }, (_, j) => j);
    return {
      title: 'Logit',
      names: [...(o.fitIntercept ? ['(intercept)'] : []), ...features],
      estimates: Float64Array.from(order, (j) => x[j]),
      hessian: Float64Array.from({ length: n * n }, (_, k) => S * H[order[Math.floor(k / n)] * n + order[k % n]]),
      logLikelihood: -S * at.value,
      nullLogLikelihood: nullLikelihood(S, positiveWeight(y, options.sampleWeight, model.classes[1]), o.fitIntercept),
      nobs: S,
    };
  } finally {
    obj.dispose();
  }
}

/** Σ of the weights of the rows of class `positive`. */
function positiveWeight<L extends Label>(y: ArrayLike<L>, w: ArrayLike<number> | undefined, positive: L): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === positive) s += w ? w[i] : 1;
  return s;
}

/** The log-likelihood of the intercept-only model (p = the weighted share of class 1), or of p = 1/2 without an intercept. */
function nullLikelihood(S: number, S1: number, intercept: boolean): number {
  if (!intercept) return S * Math.log(0.5);
  const p = S1 / S;
  return S1 * Math.log(p) + (S - S1) * Math.log1p(-p);
}

function format(r: Inference, title: string): string {
  const ci = (1 - r.alpha) * 100;
  const w = Math.max(12, ...r.rows.map((x) => x.name.length));
  const num = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4)).padStart(11);
  const lines = [
    `${title}: ${r.nobs} observations, log-likelihood ${r.logLikelihood.toFixed(4)}, null ${r.nullLogLikelihood.toFixed(4)}, pseudo-R² ${r.pseudoR2.toFixed(4)}, AIC ${r.aic.toFixed(3)}, BIC ${r.bic.toFixed(3)}`,
    `${''.padEnd(w)} ${'coef'.padStart(11)} ${'std err'.padStart(11)} ${'z'.padStart(11)} ${'P>|z|'.padStart(11)} ${`[${ci.toFixed(ci % 1 ? 1 : 0)}% CI`.padStart(11)} ${']'.padStart(11)}`,
    ...r.rows.map((x) => `${x.name.padEnd(w)} ${num(x.estimate)} ${num(x.se)} ${num(x.z)} ${(x.p < 1e-4 ? x.p.toExponential(2) : x.p.toFixed(4)).padStart(11)} ${num(x.lower)} ${num(x.upper)}`),
  ];
  if (r.penalized) lines.push('(penalised fit: not valid inference; see the INFERENCE warning)');
  return lines.join('\n');
}
