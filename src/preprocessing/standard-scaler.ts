// StandardScaler, as scikit-learn's: per column, subtract the mean and divide by the standard
// deviation (population, ddof = 0; a constant column keeps scale 1). The deviations are divided
// by the column's largest before squaring, so values near 1e200 do not overflow.
import { LogRegError } from '../core/errors.js';
import { ownFields } from '../core/own.js';
import { denseCopy as dense, type DenseMatrixInput } from '../data/matrix.js';

export interface StandardScalerJSON {
  format: 'logreg-wasm/standard-scaler';
  mean: number[];
  scale: number[];
}

/** Column means and scales of a row-major n×d matrix. */
export function standardScales(X: Float64Array, n: number, d: number): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(d);
  const big = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) big[j] = Math.max(big[j], Math.abs(X[i * d + j] - mean[j]));
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) if (big[j] > 0) sq[j] += ((X[i * d + j] - mean[j]) / big[j]) ** 2 / n;
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) scale[j] = big[j] * Math.sqrt(sq[j]) || 1;
  return { mean, scale };
}

export class StandardScaler {
  private stats: { mean: Float64Array; scale: Float64Array } | null = null;

  /** Learns each column's mean and standard deviation. */
  fit(X: unknown): this {
    const { data, rows, cols } = dense(X);
    this.stats = standardScales(data, rows, cols);
    return this;
  }

  /** (x − mean) / scale, as { data, rows, cols } (row-major), which every fit and predict takes. */
  transform(X: unknown): DenseMatrixInput & { data: Float64Array } {
    const s = this.fitted();
    const m = dense(X);
    if (m.cols !== s.mean.length) throw new LogRegError('FEATURE_MISMATCH', `X has ${m.cols} columns but the scaler was fitted on ${s.mean.length}`);
    for (let k = 0; k < m.data.length; k++) m.data[k] = (m.data[k] - s.mean[k % m.cols]) / s.scale[k % m.cols];
    return m;
  }

  fitTransform(X: unknown): DenseMatrixInput & { data: Float64Array } {
    return this.fit(X).transform(X);
  }

  /** x·scale + mean: back to the original units. */
  inverseTransform(X: unknown): DenseMatrixInput & { data: Float64Array } {
    const s = this.fitted();
    const m = dense(X);
    if (m.cols !== s.mean.length) throw new LogRegError('FEATURE_MISMATCH', `X has ${m.cols} columns but the scaler was fitted on ${s.mean.length}`);
    for (let k = 0; k < m.data.length; k++) m.data[k] = m.data[k] * s.scale[k % m.cols] + s.mean[k % m.cols];
    return m;
  }

  get mean(): Float64Array {
    return this.fitted().mean.slice();
  }
  get scale(): Float64Array {
    return this.fitted().scale.slice();
  }

  toJSON(): StandardScalerJSON {
    const s = this.fitted();
    return { format: 'logreg-wasm/standard-scaler', mean: Array.from(s.mean), scale: Array.from(s.scale) };
  }

  static fromJSON(json: unknown): StandardScaler {
    const o = ownFields(typeof json === 'string' ? JSON.parse(json) : json, 'scaler JSON');
    const finite = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
    if (o.format !== 'logreg-wasm/standard-scaler' || !finite(o.mean) || !finite(o.scale) || (o.mean as number[]).length !== (o.scale as number[]).length || (o.scale as number[]).some((x) => !(x > 0)))
      throw new LogRegError('INVALID_JSON', 'not a StandardScaler: expected { format, mean, scale } with equal-length finite arrays and positive scales');
    const s = new StandardScaler();
    s.stats = { mean: Float64Array.from(o.mean as number[]), scale: Float64Array.from(o.scale as number[]) };
    return s;
  }

  private fitted(): { mean: Float64Array; scale: Float64Array } {
    if (!this.stats) throw new LogRegError('NOT_FITTED', 'the scaler is not fitted: call fit(X) first');
    return this.stats;
  }
}
