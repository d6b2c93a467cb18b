// Documents' term counts (column → value) into CSR rows: columns in increasing order, each row
// scaled to unit norm as scikit-learn's normalize() does (an all-zero row stays zero).
import type { CsrMatrixInput } from '../data/csr.js';
import { LogRegError, describeValue } from '../core/errors.js';

export type RowNorm = 'l2' | 'l1' | null;

/** A CSR matrix of Float64 values, as the vectorisers return it. */
export interface CsrMatrix extends CsrMatrixInput {
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
  shape: [number, number];
}

export function readNorm(v: unknown): RowNorm {
  if (v === undefined) return 'l2';
  if (v === 'l2' || v === 'l1' || v === null) return v;
  throw new LogRegError('INVALID_OPTION', `norm must be 'l2', 'l1' or null, got ${describeValue(v)}`, { option: 'norm' });
}

export function readDocuments(docs: unknown): ArrayLike<string> {
  if (docs === null || typeof docs !== 'object' || typeof (docs as ArrayLike<unknown>).length !== 'number')
    throw new LogRegError('INVALID_INPUT', `documents must be an array of strings, got ${describeValue(docs)}`);
  const a = docs as ArrayLike<unknown>;
  for (let i = 0; i < a.length; i++)
    if (typeof a[i] !== 'string') throw new LogRegError('INVALID_INPUT', `document ${i} is ${describeValue(a[i])}, not a string`, { row: i });
  return a as ArrayLike<string>;
}

/**
 * Builds CSR rows entry by entry: add(column, value) sums into a dense scratch row, endRow()
 * writes the touched columns in increasing order, scaled to unit norm.
 */
export class CsrBuilder {
  private readonly row: Float64Array;
  private touched = new Int32Array(256);
  private count = 0;
  private indices = new Int32Array(1024);
  private data = new Float64Array(1024);
  private nnz = 0;
  private readonly indptr: number[] = [0];

  constructor(
    private readonly cols: number,
    private readonly norm: RowNorm,
  ) {
    this.row = new Float64Array(cols);
  }

  add(j: number, v: number): void {
    if (this.row[j] === 0) {
      // a column whose sum returns to 0 is listed again: endRow skips the repeat
      if (this.count === this.touched.length) this.touched = grown(this.touched, this.count + 1);
      this.touched[this.count++] = j;
    }
    this.row[j] += v;
  }

  endRow(): void {
    const cols = this.touched.subarray(0, this.count).sort();
    if (this.nnz + cols.length > this.indices.length) {
      this.indices = grown(this.indices, this.nnz + cols.length);
      this.data = grown(this.data, this.nnz + cols.length);
    }
    const start = this.nnz;
    let s = 0;
    for (let k = 0; k < cols.length; k++) {
      const j = cols[k];
      if (k > 0 && cols[k - 1] === j) continue;
      const v = this.row[j];
      this.row[j] = 0;
      this.indices[this.nnz] = j;
      this.data[this.nnz++] = v;
      s += this.norm === 'l1' ? Math.abs(v) : v * v;
    }
    const scale = this.norm === null ? 0 : this.norm === 'l2' ? Math.sqrt(s) : s;
    if (scale > 0) for (let p = start; p < this.nnz; p++) this.data[p] /= scale;
    this.count = 0;
    this.indptr.push(this.nnz);
  }

  done(): CsrMatrix {
    return {
      indptr: Int32Array.from(this.indptr),
      indices: this.indices.slice(0, this.nnz),
      data: this.data.slice(0, this.nnz),
      shape: [this.indptr.length - 1, this.cols],
    };
  }
}

/** A copy of `a` with room for at least `min` values (doubling), the new part `fill`. */
export function grown<T extends Int32Array | Float64Array>(a: T, min: number, fill = 0): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(min, 2 * a.length));
  if (fill !== 0) b.fill(fill, a.length);
  b.set(a);
  return b;
}
