// Sparse X in compressed sparse row form (scipy's names): row i's non-zeros are
// data[indptr[i] .. indptr[i + 1]) at columns indices[same range]. Read from a plain CSR object,
// an ml-sparse-matrix (its CSR export) or rows of term → weight records with a vocabulary, and
// validated in full before any backend sees it: the kernels index w by these columns unchecked.
import { LogRegError, describeValue } from '../core/errors.js';

/** A CSR matrix as given: indices within a row in any order, no column twice in a row. */
export interface CsrMatrixInput {
  indptr: Int32Array | Uint32Array | ArrayLike<number>;
  indices: Int32Array | Uint32Array | ArrayLike<number>;
  data: Float64Array | Float32Array | ArrayLike<number>;
  shape: readonly [number, number];
}

/** Rows of term → weight (natural's TfIdf, wink-nlp's bag of words) and the column of each term. */
export interface TermRowsInput {
  terms: ArrayLike<Record<string, number> | Map<string, number>>;
  /** term → column: the list of terms (column = position), a Map or a record */
  vocabulary: readonly string[] | Map<string, number> | Record<string, number>;
}

/** The subset of ml-sparse-matrix's SparseMatrix this package reads. */
export interface SparseMatrixLike {
  rows: number;
  columns: number;
  getNonZeros(options: { format: 'csr' }): { rows: ArrayLike<number>; columns: ArrayLike<number>; values: ArrayLike<number> };
}

/** Validated CSR arrays, in the types the kernels read. */
export interface CsrData {
  readonly rows: number;
  readonly cols: number;
  readonly nnz: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: Float64Array | Float32Array;
}

/** true for the inputs read here (a CSR object, an ml-sparse-matrix, term rows). */
export function isSparseInput(X: object): boolean {
  return 'indptr' in X || ('terms' in X && 'vocabulary' in X) || typeof (X as { getNonZeros?: unknown }).getNonZeros === 'function';
}

export function readCsr(X: object, what: string): CsrData {
  if ('indptr' in X) return fromCsr(X as CsrMatrixInput, what);
  if ('terms' in X) return fromTermRows(X as TermRowsInput, what);
  const m = X as SparseMatrixLike;
  const { rows, columns, values } = m.getNonZeros({ format: 'csr' });
  return fromCsr({ indptr: rows, indices: columns, data: values, shape: [m.rows, m.columns] }, what);
}

function invalid(message: string, details: { row?: number; column?: number; value?: unknown } = {}): LogRegError {
  return new LogRegError('INVALID_INPUT', message, details);
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as ArrayLike<unknown>).length === 'number';
}

/** An integer array as Int32Array: Int32Array as is, Uint32Array reinterpreted (values checked < 2^31 by the caller). */
function int32(a: unknown, what: string): Int32Array {
  if (a instanceof Int32Array) return a;
  if (a instanceof Uint32Array) return new Int32Array(a.buffer, a.byteOffset, a.length);
  if (!isArrayLike(a)) throw invalid(`${what} must be an Int32Array, Uint32Array or array of integers, got ${describeValue(a)}`);
  const out = new Int32Array(a.length);
  for (let k = 0; k < a.length; k++) {
    const v = a[k];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0x7fffffff)
      throw invalid(`${what}[${k}] is ${describeValue(v)}, not a non-negative integer`, { value: v });
    out[k] = v;
  }
  return out;
}

function fromCsr(X: CsrMatrixInput, what: string): CsrData {
  const shape = X.shape;
  if (!isArrayLike(shape) || shape.length !== 2)
    throw invalid(`${what}.shape must be [rows, columns], got ${describeValue(shape)}`);
  const [rows, cols] = [shape[0], shape[1]];
  for (const [v, name] of [[rows, 'rows'], [cols, 'columns']] as const)
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0x7fffffff)
      throw invalid(`${what}.shape ${name} must be a non-negative integer, got ${describeValue(v)}`);
  if (rows === 0) throw new LogRegError('EMPTY_DATA', `${what} has no rows`);
  if (cols === 0) throw new LogRegError('EMPTY_DATA', `${what} has no columns`);
  const indptr = int32(X.indptr, `${what}.indptr`);
  if (indptr.length !== rows + 1)
    throw new LogRegError('LENGTH_MISMATCH', `${what}.indptr has ${indptr.length} entries; shape[0] = ${rows} rows need ${rows + 1}`);
  if (indptr[0] !== 0) throw invalid(`${what}.indptr[0] is ${indptr[0]}, not 0`, { value: indptr[0] });
  for (let i = 0; i < rows; i++)
    if (indptr[i + 1] < indptr[i])
      throw invalid(`${what}.indptr decreases at row ${i}: indptr[${i}] = ${indptr[i]} > indptr[${i + 1}] = ${indptr[i + 1]}`, { row: i });
  const nnz = indptr[rows];
  const indices = int32(X.indices, `${what}.indices`);
  const data = values(X.data, what);
  if (indices.length < nnz || data.length < nnz)
    throw new LogRegError(
      'LENGTH_MISMATCH',
      `${what}.indptr ends at ${nnz} non-zeros but indices has ${indices.length} and data ${data.length}`,
    );
  checkEntries(indptr, indices, data, rows, cols, what);
  return {
    rows,
    cols,
    nnz,
    indptr,
    indices: indices.length === nnz ? indices : indices.subarray(0, nnz),
    data: data.length === nnz ? data : data.subarray(0, nnz),
  };
}

function values(a: unknown, what: string): Float64Array | Float32Array {
  if (a instanceof Float64Array || a instanceof Float32Array) return a;
  if (!isArrayLike(a)) throw invalid(`${what}.data must be a Float64Array, Float32Array or array of numbers, got ${describeValue(a)}`);
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) {
    const v = a[k];
    if (typeof v !== 'number') throw invalid(`${what}.data[${k}] is ${describeValue(v)}, not a number`, { value: v });
    out[k] = v;
  }
  return out;
}

/**
 * Every column in [0, cols), every value finite, no column twice in a row. Rows whose columns
 * increase (the common case) need no more; others are checked against a per-column mark.
 */
function checkEntries(indptr: Int32Array, indices: Int32Array, data: Float64Array | Float32Array, rows: number, cols: number, what: string): void {
  let seen: Int32Array | null = null;
  for (let i = 0; i < rows; i++) {
    const k0 = indptr[i];
    const k1 = indptr[i + 1];
    let sorted = true;
    let prev = -1;
    for (let k = k0; k < k1; k++) {
      const j = indices[k];
      // j < 0 also catches a Uint32Array index of 2^31 or more, reinterpreted
      if (j < 0 || j >= cols)
        throw invalid(`${what} row ${i} has column index ${j < 0 ? j >>> 0 : j} (position ${k}), outside 0 .. ${cols - 1}`, { row: i, value: j >>> 0 });
      const v = data[k];
      if (v - v !== 0)
        throw new LogRegError('NON_FINITE', `${what} has ${describeValue(v)} at row ${i}, column ${j} (position ${k})`, { row: i, column: j, value: v });
      if (j <= prev) sorted = false;
      prev = j;
    }
    if (sorted) continue;
    seen ??= new Int32Array(cols).fill(-1);
    for (let k = k0; k < k1; k++) {
      const j = indices[k];
      if (seen[j] === i)
        throw invalid(`${what} row ${i} has column ${j} twice (position ${k}); sum the duplicates first (scipy: sum_duplicates())`, { row: i, column: j });
      seen[j] = i;
    }
  }
}

function vocabularyIndex(v: TermRowsInput['vocabulary'], what: string): { index: Map<string, number>; cols: number } {
  const index = new Map<string, number>();
  if (Array.isArray(v)) {
    v.forEach((t, j) => {
      if (index.has(t)) throw invalid(`${what}.vocabulary lists ${describeValue(t)} twice (columns ${index.get(t)} and ${j})`);
      index.set(t, j);
    });
    return { index, cols: v.length };
  }
  const entries = v instanceof Map ? [...v.entries()] : v !== null && typeof v === 'object' ? Object.entries(v) : null;
  if (!entries) throw invalid(`${what}.vocabulary must be a list of terms, a Map or a record of term → column`);
  let cols = 0;
  const owner = new Map<number, string>();
  for (const [t, j] of entries) {
    if (typeof j !== 'number' || !Number.isInteger(j) || j < 0)
      throw invalid(`${what}.vocabulary maps ${describeValue(t)} to ${describeValue(j)}, not a column number`);
    if (owner.has(j)) throw invalid(`${what}.vocabulary maps both ${describeValue(owner.get(j))} and ${describeValue(t)} to column ${j}`);
    owner.set(j, t);
    index.set(t, j);
    cols = Math.max(cols, j + 1);
  }
  return { index, cols };
}

/** Term rows → CSR with columns in increasing order; terms outside the vocabulary are left out (as a vectoriser's transform does). */
function fromTermRows(X: TermRowsInput, what: string): CsrData {
  const { index, cols } = vocabularyIndex(X.vocabulary, what);
  const docs = X.terms;
  if (!isArrayLike(docs)) throw invalid(`${what}.terms must be an array of term → weight records or Maps`);
  const indptr = new Int32Array(docs.length + 1);
  const cols_: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    const entries = doc instanceof Map ? [...doc.entries()] : doc !== null && typeof doc === 'object' ? Object.entries(doc) : null;
    if (!entries) throw invalid(`${what}.terms[${i}] is ${describeValue(doc)}, not a record or Map of term → weight`, { row: i });
    const row: [number, number][] = [];
    for (const [t, v] of entries) {
      const j = index.get(t);
      if (j === undefined) continue;
      if (typeof v !== 'number') throw invalid(`${what}.terms[${i}] gives ${describeValue(t)} the weight ${describeValue(v)}, not a number`, { row: i, column: j, value: v });
      row.push([j, v]);
    }
    row.sort((a, b) => a[0] - b[0]);
    for (const [j, v] of row) {
      cols_.push(j);
      vals.push(v);
    }
    indptr[i + 1] = cols_.length;
  }
  return fromCsr({ indptr, indices: Int32Array.from(cols_), data: Float64Array.from(vals), shape: [docs.length, cols] }, what);
}

/** The rows `rows` of CSR arrays, in that order (a fold, a split). */
export function takeCsrRows(
  X: { indptr: Int32Array; indices: Int32Array; data: Float64Array | Float32Array; shape: readonly [number, number] },
  rows: ArrayLike<number>,
): { indptr: Int32Array; indices: Int32Array; data: Float64Array | Float32Array; shape: [number, number] } {
  const indptr = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) indptr[i + 1] = indptr[i] + X.indptr[rows[i] + 1] - X.indptr[rows[i]];
  const indices = new Int32Array(indptr[rows.length]);
  const data = new (X.data instanceof Float32Array ? Float32Array : Float64Array)(indptr[rows.length]);
  for (let i = 0; i < rows.length; i++) {
    const a = X.indptr[rows[i]];
    const b = X.indptr[rows[i] + 1];
    indices.set(X.indices.subarray(a, b), indptr[i]);
    data.set(X.data.subarray(a, b), indptr[i]);
  }
  return { indptr, indices, data, shape: [rows.length, X.shape[1]] };
}
