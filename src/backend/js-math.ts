// Scalar reference arithmetic of the js backend: the same formulas and summation order as
// the wasm kernels (assembly/dot.ts, assembly/pointwise.ts), with the engine's Math.exp/log1p.

/**
 * Dot product of X[o .. o+d) and w[0 .. d): four accumulators (lanes j mod 4) combined as
 * (s0 + s2) + (s1 + s3), then the tail — the order of the f64x2 kernel.
 */
export function dotRow(X: Float64Array, o: number, w: Float64Array, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    s0 += X[o + j] * w[j];
    s1 += X[o + j + 1] * w[j + 1];
    s2 += X[o + j + 2] * w[j + 2];
    s3 += X[o + j + 3] * w[j + 3];
  }
  let s = s0 + s2 + (s1 + s3);
  for (; j < d; j++) s += X[o + j] * w[j];
  return s;
}

/** σ(z) from e = exp(−|z|): never overflows, keeps relative precision in both tails. */
export function sigmoid(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return (z >= 0 ? 1 : e) / (1 + e);
}

/**
 * Per-row terms for a row with margin z, label y, weight s. Writes out[0] = s·∂ℓ/∂z and,
 * when wantLoss, out[1] = s·ℓ. log: ℓ = log1p(e) + max(z,0) − y·z; squared: ℓ = ½(p − y)².
 */
export function rowTerms(
  z: number,
  y: number,
  s: number,
  squared: boolean,
  wantLoss: boolean,
  out: Float64Array,
): void {
  const e = Math.exp(-Math.abs(z));
  const u = 1 + e;
  const pos = z >= 0;
  const p = (pos ? 1 : e) / u;
  const q = (pos ? e : 1) / u;
  const dl = y === 1 ? -q : p - y;
  if (!squared) {
    out[0] = s * dl;
    if (wantLoss) out[1] = s * (Math.log1p(e) + ((z > 0 ? z : 0) - y * z));
  } else {
    out[0] = s * (dl * (p * q));
    if (wantLoss) out[1] = s * (0.5 * (dl * dl));
  }
}
