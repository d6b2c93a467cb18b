// classWeight, multiplied into the sample weights as scikit-learn does:
// 'balanced' gives class c the weight n / (k · n_c) (counts of rows, ignoring sample weights);
// an object gives a weight per label (keys are the labels as strings; missing labels weigh 1).
import { LogRegError } from '../core/errors.js';
import type { Label } from './labels.js';

/** codes[i] ∈ [0, k) is the class index of row i. Returns the combined weights, or sw unchanged. */
export function withClassWeight(
  classWeight: 'balanced' | Record<string, number> | undefined,
  classes: readonly Label[],
  codes: ArrayLike<number>,
  sw: Float64Array | null,
): Float64Array | null {
  if (classWeight === undefined) return sw;
  const k = classes.length;
  const n = codes.length;
  const per = new Float64Array(k).fill(1);
  if (classWeight === 'balanced') {
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) counts[codes[i]]++;
    for (let c = 0; c < k; c++) per[c] = n / (k * counts[c]);
  } else {
    const names = classes.map(String);
    for (const key of Object.keys(classWeight)) {
      const c = names.indexOf(key);
      if (c < 0)
        throw new LogRegError('INVALID_OPTION', `classWeight names label '${key}', which is not among the classes (${names.join(', ')})`, {
          option: 'classWeight',
          value: key,
        });
      per[c] = classWeight[key];
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = (sw ? sw[i] : 1) * per[codes[i]];
    if (out[i] === Infinity)
      throw new LogRegError('INVALID_OPTION', `sampleWeight × classWeight overflows at row ${i} (${sw ? sw[i] : 1} × ${per[codes[i]]}): scale the weights down`, {
        option: 'classWeight',
        row: i,
      });
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += out[i];
  if (!(sum > 0)) throw new LogRegError('INVALID_OPTION', 'classWeight and sampleWeight leave every row with weight 0', { option: 'classWeight' });
  return out;
}
