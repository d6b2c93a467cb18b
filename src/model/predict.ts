// Predictions from a fitted state: margins, probabilities and labels.
import type { Kernels, MatrixSource } from '../engine/types.js';
import type { Label } from '../data/labels.js';
import type { ModelState } from './state.js';
import { expNeg } from '../engine/js-exp.js';

/** binary: z (n values); multinomial / ovr: z (n×k row-major). */
export function margins(s: ModelState, kernels: Kernels, src: MatrixSource): Float64Array {
  if (s.kind === 'binary') {
    const out = new Float64Array(src.rows);
    kernels.decision(src, s.coef, s.intercept[0], out);
    return out;
  }
  const k = s.classes.length;
  const out = new Float64Array(src.rows * k);
  kernels.decisionMulti(src, s.coef, s.intercept, k, out);
  return out;
}

/** Probabilities of every row: for a binary model in the same pass as the margins. */
export function probabilities(s: ModelState, kernels: Kernels, src: MatrixSource): Float64Array {
  if (s.kind !== 'binary') return classProbabilities(s, kernels, margins(s, kernels, src));
  const out = new Float64Array(src.rows);
  kernels.decision(src, s.coef, s.intercept[0], out, true);
  return out;
}

/** Turns k-class margins into probabilities in place: softmax rows (multinomial) or normalised σ (ovr). */
function classProbabilities(s: ModelState, kernels: Kernels, z: Float64Array): Float64Array {
  if (s.kind === 'ovr') kernels.sigmoid(z);
  const k = s.classes.length;
  for (let o = 0; o < z.length; o += k) {
    if (s.kind === 'multinomial') {
      let m = -Infinity;
      for (let c = 0; c < k; c++) m = Math.max(m, z[o + c]);
      // expNeg (z − m <= 0): the kernels' exp, so probabilities are the same in every engine
      for (let c = 0; c < k; c++) z[o + c] = expNeg(z[o + c] - m);
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += z[o + c];
    for (let c = 0; c < k; c++) z[o + c] /= sum;
  }
  return z;
}

/** Labels: classes[1] where z >= 0 (binary), else the class of the largest margin. */
export function labelsFromMargins(s: ModelState, z: Float64Array): Label[] {
  const cl = s.classes;
  if (s.kind === 'binary') return Array.from(z, (v) => (v >= 0 ? cl[1] : cl[0]));
  const k = cl.length;
  const out: Label[] = new Array(z.length / k);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (z[i * k + c] > z[i * k + best]) best = c;
    out[i] = cl[best];
  }
  return out;
}

/** log σ(z), without forming σ(z): −log1p(e^(−z)) for z >= 0, z − log1p(e^z) below. */
function logSigmoid(z: number): number {
  return z >= 0 ? -Math.log1p(expNeg(-z)) : z - Math.log1p(expNeg(z));
}

/** Turns margins into log-probabilities in place, from z (never log of a rounded p). */
export function toLogProbabilities(s: ModelState, z: Float64Array): Float64Array {
  if (s.kind === 'binary') {
    for (let i = 0; i < z.length; i++) z[i] = logSigmoid(z[i]);
    return z;
  }
  const k = s.classes.length;
  for (let o = 0; o < z.length; o += k) {
    if (s.kind === 'multinomial') {
      let m = -Infinity;
      for (let c = 0; c < k; c++) m = Math.max(m, z[o + c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += expNeg(z[o + c] - m);
      const lse = m + Math.log(sum);
      for (let c = 0; c < k; c++) z[o + c] -= lse;
    } else {
      // one-vs-rest: p_c = σ(z_c) / Σ_j σ(z_j)
      let sum = 0;
      for (let c = 0; c < k; c++) {
        z[o + c] = logSigmoid(z[o + c]);
        sum += Math.exp(z[o + c]);
      }
      const logSum = Math.log(sum);
      for (let c = 0; c < k; c++) z[o + c] -= logSum;
    }
  }
  return z;
}
