// Standardisation for the CLI's --standardize: fitted on the training rows, then folded into
// the saved coefficients, so the model file predicts raw rows and fromJSON reads it as it is.
import type { ModelJSON } from '../model/json.js';

export interface Scaling {
  mean: number[];
  sd: number[];
}

/** Column means and standard deviations; squares are taken of deviations divided by the largest, so values near 1e200 do not overflow. */
export function standardizer(X: Float64Array, n: number, d: number): Scaling {
  const mean = new Array<number>(d).fill(0);
  const big = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) big[j] = Math.max(big[j], Math.abs(X[i * d + j] - mean[j]));
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) if (big[j] > 0) sd[j] += ((X[i * d + j] - mean[j]) / big[j]) ** 2 / n;
  for (let j = 0; j < d; j++) sd[j] = big[j] * Math.sqrt(sd[j]) || 1;
  return { mean, sd };
}

export function applyScaling(X: Float64Array, d: number, s: Scaling): void {
  for (let k = 0; k < X.length; k++) {
    const j = k % d;
    X[k] = (X[k] - s.mean[j]) / s.sd[j];
  }
}

/**
 * The same model over raw features: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ wⱼμⱼ/σⱼ), row by row of
 * coef. Multinomial intercepts are re-centred to sum 0 (a common shift leaves every
 * probability unchanged).
 */
export function foldScaling(json: ModelJSON, s: Scaling): ModelJSON {
  const d = s.mean.length;
  const coef = json.coef.slice();
  const intercept = typeof json.intercept === 'number' ? [json.intercept] : json.intercept.slice();
  for (let c = 0; c < intercept.length; c++) {
    for (let j = 0; j < d; j++) {
      const w = coef[c * d + j] / s.sd[j];
      coef[c * d + j] = w;
      intercept[c] -= w * s.mean[j];
    }
  }
  if (json.kind === 'multinomial') {
    const mean = intercept.reduce((a, v) => a + v, 0) / intercept.length;
    for (let c = 0; c < intercept.length; c++) intercept[c] -= mean;
  }
  return { ...json, coef, intercept: typeof json.intercept === 'number' ? intercept[0] : intercept };
}
