// A model fitted on standardised features (x − μ)/σ is the same model over raw features with
// w = u/σ and, per coefficient row, b = b′ − Σⱼ wⱼμⱼ; the two maps between the parameter vectors
// (core/layout.ts order: coefficient rows, then intercepts).
import type { Layout } from '../core/layout.js';

/** Raw-feature parameters of standardised-feature ones. Without intercepts the shift is dropped (μ must then be 0 to be exact). */
export function unscaledParameters(l: Layout, x: Float64Array, mean: ArrayLike<number>, scale: ArrayLike<number>): Float64Array {
  const out = x.slice();
  for (let r = 0; r < l.rows; r++) {
    let shift = 0;
    for (let j = 0; j < l.d; j++) {
      const w = x[r * l.d + j] / scale[j];
      out[r * l.d + j] = w;
      shift += w * mean[j];
    }
    if (l.intercept) out[l.rows * l.d + r] -= shift;
  }
  return out;
}

/** Standardised-feature parameters of raw-feature ones (a warm start in the fit's coordinates). */
export function scaledParameters(l: Layout, x: Float64Array, mean: ArrayLike<number>, scale: ArrayLike<number>): Float64Array {
  const out = x.slice();
  for (let r = 0; r < l.rows; r++) {
    let shift = 0;
    for (let j = 0; j < l.d; j++) {
      const w = x[r * l.d + j];
      out[r * l.d + j] = w * scale[j];
      shift += w * mean[j];
    }
    if (l.intercept) out[l.rows * l.d + r] += shift;
  }
  return out;
}
