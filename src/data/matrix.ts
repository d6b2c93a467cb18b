// Reads the accepted matrix inputs into a MatrixSource: the shape is checked up front, the
// values (finite numbers only) while they are copied into backend storage.
import { LogRegError, describeValue } from '../core/errors.js';
import { isSparseInput, readCsr, type CsrData } from './csr.js';
import { columnsSource, isColumnsInput } from './columns.js';
import type { MatrixSource } from './matrix-source.js';

export type { MatrixSource };

type FillRows = MatrixSource['fillRows'];

/** A source whose fill is fillRows over every row; copyRows checks too unless given. */
function source(rows: number, cols: number, fillRows: FillRows, float32?: boolean, copyRows?: MatrixSource['copyRows']): MatrixSource {
  return {
    rows,
    cols,
    float32,
    fillRows,
    fill: (t) => fillRows(t, 0, rows),
    copyRows: copyRows ?? ((t, row0, count) => (fillRows(t, row0, count), true)),
  };
}

/** A dense row-major matrix: `data` holds rows×cols values (extra trailing values are ignored). */
export interface DenseMatrixInput {
  data: Float64Array | Float32Array | ArrayLike<number>;
  rows: number;
  cols: number;
}

/** The subset of ml-matrix's Matrix this package reads. */
export interface MatrixLike {
  rows: number;
  columns: number;
  get?(row: number, column: number): number;
  to2DArray?(): number[][];
}

export type MatrixInput = ArrayLike<ArrayLike<number>> | DenseMatrixInput | MatrixLike;

function bad(row: number, col: number, v: unknown, what: string): LogRegError {
  const code = typeof v === 'number' ? 'NON_FINITE' : 'INVALID_INPUT';
  return new LogRegError(code, `${what} has ${describeValue(v)} at row ${row}, column ${col}`, {
    row,
    column: col,
    value: v,
  });
}

function checkCount(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new LogRegError('INVALID_INPUT', `${what} must be a non-negative integer, got ${describeValue(v)}`);
  return v;
}

function nonEmpty(rows: number, cols: number, what: string): void {
  if (rows === 0) throw new LogRegError('EMPTY_DATA', `${what} has no rows`);
  if (cols === 0) throw new LogRegError('EMPTY_DATA', `${what} has no columns`);
}

function fromRows(X: ArrayLike<ArrayLike<number>>, what: string): MatrixSource {
  const rows = X.length;
  if (rows === 0) throw new LogRegError('EMPTY_DATA', `${what} has no rows`);
  const first = X[0];
  if (first === null || typeof first !== 'object' || typeof first.length !== 'number')
    throw new LogRegError('INVALID_INPUT', `${what} row 0 is ${describeValue(first)}, not an array of numbers`, { row: 0 });
  const cols = first.length;
  nonEmpty(rows, cols, what);
  for (let i = 1; i < rows; i++) {
    const r = X[i];
    if (r === null || typeof r !== 'object' || typeof r.length !== 'number')
      throw new LogRegError('INVALID_INPUT', `${what} row ${i} is ${describeValue(r)}, not an array of numbers`, { row: i });
    if (r.length !== cols)
      throw new LogRegError(
        'INVALID_INPUT',
        `${what} is ragged: row ${i} has ${r.length} values, row 0 has ${cols}`,
        { row: i },
      );
  }
  return source(rows, cols, (t, row0, count) => {
    for (let i = row0; i < row0 + count; i++) {
      const r = X[i];
      const o = (i - row0) * cols;
      for (let j = 0; j < cols; j++) {
        const v = r[j];
        if (typeof v !== 'number' || v - v !== 0) throw bad(i, j, v, what);
        t[o + j] = v;
      }
    }
  });
}

function fromDense(X: DenseMatrixInput, what: string): MatrixSource {
  const rows = checkCount(X.rows, `${what}.rows`);
  const cols = checkCount(X.cols, `${what}.cols`);
  nonEmpty(rows, cols, what);
  const data = X.data;
  if (data === null || typeof data !== 'object' || typeof data.length !== 'number')
    throw new LogRegError('INVALID_INPUT', `${what}.data must be an array or typed array`);
  if (data.length < rows * cols)
    throw new LogRegError(
      'LENGTH_MISMATCH',
      `${what}.data has ${data.length} values, fewer than rows × cols = ${rows} × ${cols} = ${rows * cols}`,
    );
  /** Typed input of the storage's own width: one block copy (false: not checked); else fillRows. */
  const copyRows: MatrixSource['copyRows'] = (t, row0, count) => {
    if ((data instanceof Float64Array && t instanceof Float64Array) || (data instanceof Float32Array && t instanceof Float32Array)) {
      const start = row0 * cols;
      const n = count * cols;
      t.set(start === 0 && data.length === n ? data : data.subarray(start, start + n));
      return false;
    }
    fillRows(t, row0, count);
    return true;
  };
  const fillRows: FillRows = (t, row0, count) => {
    const start = row0 * cols;
    const n = count * cols;
    // typed input of the storage's own width: one block copy, then a check of the copy
    if ((data instanceof Float64Array && t instanceof Float64Array) || (data instanceof Float32Array && t instanceof Float32Array)) {
      t.set(start === 0 && data.length === n ? data : data.subarray(start, start + n));
      const k = firstNonFinite(t, n);
      if (k >= 0) throw bad(row0 + Math.floor(k / cols), k % cols, data[start + k], what);
      return;
    }
    for (let k = 0; k < n; k++) {
      const v = data[start + k];
      if (typeof v !== 'number' || v - v !== 0) throw bad(row0 + Math.floor(k / cols), k % cols, v, what);
      t[k] = v;
    }
  };
  return source(rows, cols, fillRows, data instanceof Float32Array, copyRows);
}

/** The first index of a NaN or ±Infinity among a[0..n), or −1. */
function firstNonFinite(a: Float64Array | Float32Array, n: number): number {
  // Σ 0·a[k] is NaN exactly when some a[k] is: a loop without a branch, then the search only then
  let a0 = 0, a1 = 0;
  let k = 0;
  for (; k + 2 <= n; k += 2) {
    a0 += 0 * a[k];
    a1 += 0 * a[k + 1];
  }
  if (k < n) a0 += 0 * a[k];
  if (a0 + a1 === 0) return -1;
  for (k = 0; k < n; k++) if (a[k] - a[k] !== 0) return k;
  return -1;
}

function fromMatrixLike(X: MatrixLike, what: string): MatrixSource {
  const rows = checkCount(X.rows, `${what}.rows`);
  const cols = checkCount(X.columns, `${what}.columns`);
  nonEmpty(rows, cols, what);
  if (typeof X.to2DArray === 'function') {
    const src = fromRows(X.to2DArray(), what);
    if (src.rows !== rows || src.cols !== cols)
      throw new LogRegError('INVALID_INPUT', `${what}.to2DArray() does not match rows × columns`);
    return src;
  }
  const get = X.get;
  if (typeof get !== 'function')
    throw new LogRegError('INVALID_INPUT', `${what} has rows/columns but neither get(i, j) nor to2DArray()`);
  return source(rows, cols, (t, row0, count) => {
    for (let i = row0; i < row0 + count; i++)
      for (let j = 0; j < cols; j++) {
        const v = get.call(X, i, j);
        if (typeof v !== 'number' || v - v !== 0) throw bad(i, j, v, what);
        t[(i - row0) * cols + j] = v;
      }
  });
}

/**
 * A finite value beyond float32's range (about 3.4e38) rounds to ±Infinity when stored as float32:
 * refused, naming it, after the copy (the check costs a pass over the stored values only then).
 */
function refusingFloat32Overflow(src: MatrixSource, what: string): MatrixSource {
  const fillRows: FillRows = (t, row0, count) => {
    src.fillRows(t, row0, count);
    if (!(t instanceof Float32Array)) return;
    const k = firstNonFinite(t, count * src.cols);
    if (k >= 0) {
      const row = row0 + Math.floor(k / src.cols);
      const column = k % src.cols;
      throw new LogRegError('NON_FINITE', `${what} has a value at row ${row}, column ${column} beyond float32's range (±3.4e38), which float32 storage (dtype) rounds to ${t[k]}`, { row, column });
    }
  };
  // float32 targets are checked here anyway (rounding can overflow); float64 ones as src does
  const out = source(src.rows, src.cols, fillRows, src.float32, (t, row0, count) =>
    t instanceof Float32Array ? (fillRows(t, row0, count), true) : src.copyRows(t, row0, count),
  );
  return src.columns ? { ...out, columns: src.columns } : out;
}

/**
 * Reads X as number[][], { data, rows, cols } (row-major), an ml-matrix-like object, or sparse
 * (csr.ts: CSR arrays, an ml-sparse-matrix, term rows with a vocabulary).
 */
export function matrixSource(X: unknown, what = 'X'): MatrixSource {
  if (X !== null && typeof X === 'object' && !Array.isArray(X) && isSparseInput(X)) return sparseSource(readCsr(X, what), what);
  if (isColumnsInput(X)) return refusingFloat32Overflow(columnsSource(X.columns, X.names, what), what);
  return refusingFloat32Overflow(anyMatrixSource(X, what), what);
}

/** The values a pass over X reads: rows × cols, or the non-zeros of sparse X (sizes the thread choice). */
export function storedValues(src: MatrixSource): number {
  return src.csr ? src.csr.nnz : src.rows * src.cols;
}

/** A sparse X: the kernels read `csr`; whatever would need it dense says so instead of densifying. */
function sparseSource(csr: CsrData, what: string): MatrixSource {
  const refuse = (): never => {
    throw new LogRegError(
      'INVALID_INPUT',
      `${what} is sparse (${csr.rows} × ${csr.cols}, ${csr.nnz} non-zeros) and this step needs dense rows (standardize); densify it first if it fits in memory`,
    );
  };
  return { rows: csr.rows, cols: csr.cols, float32: csr.data instanceof Float32Array, csr, fill: refuse, fillRows: refuse, copyRows: refuse };
}

function anyMatrixSource(X: unknown, what: string): MatrixSource {
  if (X === null || typeof X !== 'object')
    throw new LogRegError('INVALID_INPUT', `${what} must be a 2-D array or matrix, got ${describeValue(X)}`);
  if (Array.isArray(X)) return fromRows(X, what);
  const o = X as Record<string, unknown>;
  if ('data' in o && 'rows' in o && 'cols' in o) return fromDense(o as unknown as DenseMatrixInput, what);
  if ('rows' in o && 'columns' in o) return fromMatrixLike(o as unknown as MatrixLike, what);
  throw new LogRegError(
    'INVALID_INPUT',
    `${what} must be number[][], { data, rows, cols } or a matrix with rows, columns and get(i, j)`,
  );
}

/** The rows `rows` of a dense row-major matrix, copied in that order (a fold, a split). */
export function takeRows(X: { data: Float64Array; cols: number }, rows: ArrayLike<number>): { data: Float64Array; rows: number; cols: number } {
  const d = X.cols;
  const out = new Float64Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) out.set(X.data.subarray(rows[i] * d, rows[i] * d + d), i * d);
  return { data: out, rows: rows.length, cols: d };
}

/** X as a dense row-major Float64Array copy (validated as any X is). */
export function denseCopy(X: unknown, what = 'X'): { data: Float64Array; rows: number; cols: number } {
  const src = matrixSource(X, what);
  const data = new Float64Array(src.rows * src.cols);
  src.fill(data);
  return { data, rows: src.rows, cols: src.cols };
}
