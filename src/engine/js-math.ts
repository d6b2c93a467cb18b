// Scalar helpers of the js backend (the same formulas as assembly/dot.ts and pointwise.ts).
import { expNeg } from './js-exp.js';

/**
 * Dot product of X[o .. o+d) and w[wo .. wo+d): four accumulators (lanes j mod 4) combined as
 * (s0 + s2) + (s1 + s3), then the tail — the order of the f64x2 kernel. (An offset, not a
 * subarray: a view per row and class made the softmax passes several times slower.)
 */
export function dotRow(X: Float64Array, o: number, w: Float64Array, wo: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    s0 += X[o + j] * w[wo + j];
    s1 += X[o + j + 1] * w[wo + j + 1];
    s2 += X[o + j + 2] * w[wo + j + 2];
    s3 += X[o + j + 3] * w[wo + j + 3];
  }
  let s = s0 + s2 + (s1 + s3);
  for (; j < d; j++) s += X[o + j] * w[wo + j];
  return s;
}

/** g[go .. go+d) += r·X[o .. o+d), four elements per step (each element g + r·x). */
export function addScaled(g: Float64Array, go: number, r: number, X: Float64Array, o: number, d: number): void {
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    g[go + j] += r * X[o + j];
    g[go + j + 1] += r * X[o + j + 1];
    g[go + j + 2] += r * X[o + j + 2];
    g[go + j + 3] += r * X[o + j + 3];
  }
  for (; j < d; j++) g[go + j] += r * X[o + j];
}

/** σ(z) from e = exp(−|z|): never overflows, keeps relative precision in both tails. */
export function sigmoid(z: number): number {
  const e = expNeg(-Math.abs(z));
  return (z >= 0 ? 1 : e) / (1 + e);
}

/** ∂ℓ/∂z: log loss p − y; squared loss (p − y)·p·(1 − p). */
export function firstDerivative(z: number, y: number, squared: boolean): number {
  const e = expNeg(-Math.abs(z));
  const u = 1 + e;
  const dl = ((z >= 0 ? 1 : e) - y - y * e) / u;
  return squared ? dl * (e / (u * u)) : dl;
}

/** ∂²ℓ/∂z²: log loss p(1 − p); squared loss p(1 − p)·(p(1 − p) + (p − y)(1 − 2p)). */
export function secondDerivative(z: number, y: number, squared: boolean): number {
  const e = expNeg(-Math.abs(z));
  const u = 1 + e;
  const pq = e / (u * u);
  if (!squared) return pq;
  const p = (z >= 0 ? 1 : e) / u;
  const q = (z >= 0 ? e : 1) / u;
  return pq * (pq + (p - y) * (q - p));
}
