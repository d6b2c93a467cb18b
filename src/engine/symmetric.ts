// Symmetric matrices stored square and row-major, with only the upper triangle computed.

/** Copies the upper triangle of the m × m matrix a onto its lower triangle. */
export function mirrorUpper(a: Float64Array, m: number): void {
  for (let j = 0; j < m; j++) for (let k = j + 1; k < m; k++) a[k * m + j] = a[j * m + k];
}
