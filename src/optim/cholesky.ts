// Cholesky factorisation of symmetric matrices stored square and row-major (A = L·Lᵀ, L lower):
// the full-Hessian Newton step and the covariance of statistical inference.

/**
 * L with A + shift·I = L·Lᵀ, or null when a pivot is not above `relTol` × the largest diagonal
 * entry (not positive definite to working precision). Reads the lower triangle of A.
 */
export function cholesky(A: Float64Array, n: number, relTol = 1e-13, shift = 0): Float64Array | null {
  const L = new Float64Array(n * n);
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, A[i * n + i] + shift);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let s = A[rj + j] + shift;
    for (let k = 0; k < j; k++) s -= L[rj + k] * L[rj + k];
    if (!(s > relTol * largest)) return null;
    const ljj = Math.sqrt(s);
    L[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let t = A[ri + j];
      for (let k = 0; k < j; k++) t -= L[ri + k] * L[rj + k];
      L[ri + j] = t / ljj;
    }
  }
  return L;
}

/** x = (L·Lᵀ)⁻¹·b; x may be b. */
export function choleskySolve(L: Float64Array, n: number, b: Float64Array, x: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let t = b[i];
    for (let k = 0; k < i; k++) t -= L[i * n + k] * x[k];
    x[i] = t / L[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let t = x[i];
    for (let k = i + 1; k < n; k++) t -= L[k * n + i] * x[k];
    x[i] = t / L[i * n + i];
  }
}

/** The inverse of a symmetric positive definite matrix, or null where it is singular to working precision. */
export function inverseSpd(A: Float64Array, n: number): Float64Array | null {
  const L = cholesky(A, n);
  if (!L) return null;
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    col.fill(0);
    col[c] = 1;
    choleskySolve(L, n, col, col);
    for (let i = 0; i < n; i++) inv[i * n + c] = col[i];
  }
  return inv;
}
