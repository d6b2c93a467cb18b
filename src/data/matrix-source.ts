// The row-major view every dense and sparse input becomes (matrix.ts, columns.ts, csr.ts).
import type { CsrData } from './csr.js';

/** Columns as chunks of typed arrays: chunks[j][c] holds rows starts[j][c] … starts[j][c + 1] − 1 of column j. */
export interface ColumnBlocks {
  readonly chunks: readonly (readonly ArrayLike<number>[])[];
  readonly starts: readonly number[][];
}

/** A row-major n×d matrix that is validated while it is copied into backend storage. */
export interface MatrixSource {
  readonly rows: number;
  readonly cols: number;
  /** true when the input already holds float32 values (a Float32Array). */
  readonly float32?: boolean;
  /** Writes the rows×cols values into `target` (row-major); throws LogRegError on a bad value. */
  fill(target: Float64Array | Float32Array): void;
  /** Writes rows row0 .. row0 + count − 1 into target[0 .. count·cols) (chunked passes: prediction). */
  fillRows(target: Float64Array | Float32Array, row0: number, count: number): void;
  /**
   * fillRows that may leave the finiteness check to the caller (who can do it faster, in wasm):
   * returns false when the values were not checked; the caller then checks and, on a bad value,
   * calls fillRows for the error that names it.
   */
  copyRows(target: Float64Array | Float32Array, row0: number, count: number): boolean;
  /** Sparse X: its CSR arrays (validated). The backends read these; the dense fills above refuse. */
  readonly csr?: CsrData;
  /**
   * Column-major X of plain typed arrays (columns.ts): the wasm engine copies blocks of them in and
   * transposes there, which beats a strided copy in JS; values unchecked, as copyRows.
   */
  readonly columns?: ColumnBlocks;
}
