// The standard normal's tail and quantile, accurate to a few ulps relative in the far tail (so
// p-values of 1e-30 keep their digits): erfc by its power series below 2 and by its continued
// fraction (Lentz) from 2 up.

/** erfc(x) for x >= 0. */
function erfcNonNegative(x: number): number {
  if (x < 2) {
    // erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n!(2n+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 60; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 200; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

export function erfc(x: number): number {
  return x >= 0 ? erfcNonNegative(x) : 2 - erfcNonNegative(-x);
}

/** P(Z > z) for a standard normal Z. */
export function normalTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** The z with P(Z > z) = q, for q in (0, 1): Newton's method on log P(Z > z), from a logistic guess. */
export function normalUpperQuantile(q: number): number {
  let z = Math.log(1 / q - 1) / 1.702; // the logistic approximation of the normal
  for (let i = 0; i < 100; i++) {
    const tail = normalTail(z);
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    // d/dz log P(Z > z) = −φ(z)/P(Z > z)
    const step = (Math.log(tail) - Math.log(q)) / (density / tail);
    z += step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}
