// The parameter layout, the one rule for every entry point (fit, partialFit, fitStream, JSON,
// prediction): a model of `kind` over d features has `rows` coefficient rows (1 for binary, k
// otherwise), and its parameter vector is the rows × d coefficients, row-major, then one
// intercept per row when it fits intercepts (never penalised).

/** binary: one coefficient vector; multinomial: k softmax rows; ovr: k one-vs-rest binary rows. */
export type ModelKind = 'binary' | 'multinomial' | 'ovr';

/** The kind a fit of k classes makes under the multiClass option. */
export function kindFor(multiClass: 'auto' | 'multinomial' | 'ovr', k: number): ModelKind {
  if (multiClass === 'multinomial') return 'multinomial';
  if (k === 2) return 'binary';
  return multiClass === 'ovr' ? 'ovr' : 'multinomial';
}

export interface Layout {
  readonly kind: ModelKind;
  /** coefficient rows: 1 (binary) or k */
  readonly rows: number;
  readonly d: number;
  readonly intercept: boolean;
  /** the parameter vector's length */
  readonly dim: number;
}

export function layoutOf(kind: ModelKind, k: number, d: number, intercept: boolean): Layout {
  const rows = kind === 'binary' ? 1 : k;
  return { kind, rows, d, intercept, dim: rows * d + (intercept ? rows : 0) };
}

/** The parameter vector of coefficients (rows × d) and intercepts (rows). */
export function pack(l: Layout, coef: Float64Array, intercept: Float64Array): Float64Array {
  const x = new Float64Array(l.dim);
  x.set(coef.subarray(0, l.rows * l.d));
  if (l.intercept) x.set(intercept.subarray(0, l.rows), l.rows * l.d);
  return x;
}

/**
 * Coefficients and intercepts of a parameter vector (zeros without intercepts). Multinomial
 * intercepts are defined up to a constant and are reported centred to sum 0, as scikit-learn does.
 */
export function unpack(l: Layout, x: Float64Array): { coef: Float64Array; intercept: Float64Array } {
  const kd = l.rows * l.d;
  const intercept = new Float64Array(l.rows);
  if (l.intercept) {
    if (l.kind === 'multinomial') {
      let mean = 0;
      for (let c = 0; c < l.rows; c++) mean += x[kd + c] / l.rows;
      for (let c = 0; c < l.rows; c++) intercept[c] = x[kd + c] - mean;
    } else intercept.set(x.subarray(kd, kd + l.rows));
  }
  return { coef: x.slice(0, kd), intercept };
}

/** Class c's binary problem (one-vs-rest) within a k-row parameter vector: its d coefficients, then its intercept. */
export function row(l: Layout, x: Float64Array, c: number): Float64Array {
  const out = new Float64Array(l.d + (l.intercept ? 1 : 0));
  out.set(x.subarray(c * l.d, c * l.d + l.d));
  if (l.intercept) out[l.d] = x[l.rows * l.d + c];
  return out;
}
