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

export function csrFromRows(rows: Map<number, number>[], cols: number, norm: RowNorm): CsrMatrix {
  let nnz = 0;
  for (const r of rows) nnz += r.size;
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const data = new Float64Array(nnz);
  let k = 0;
  rows.forEach((r, i) => {
    const cs = Int32Array.from(r.keys()).sort();
    let s = 0;
    for (const j of cs) {
      const v = r.get(j)!;
      indices[k] = j;
      data[k++] = v;
      s += norm === 'l1' ? Math.abs(v) : v * v;
    }
    indptr[i + 1] = k;
    const scale = norm === null ? 0 : norm === 'l2' ? Math.sqrt(s) : s;
    if (scale > 0) for (let p = indptr[i]; p < k; p++) data[p] /= scale;
  });
  return { indptr, indices, data, shape: [rows.length, cols] };
}
