// Column-major input (Arrow tables, Parquet row groups): each column is a list of chunks of
// numbers, copied straight into the row-major storage of the backend, one pass, in row blocks
// so that the strided writes stay in cache.
import { LogRegError, describeValue } from '../core/errors.js';
import type { MatrixSource } from './matrix-source.js';

/** One column: chunks of values, in row order (typed arrays of any width, BigInt64 included). */
export type ColumnChunks = readonly ArrayLike<number | bigint>[];

/** Rows per block of the transposition: a block of d columns stays in L2 for d up to a few hundred. */
const BLOCK_ROWS = 256;

/** Marks a ColumnsInput across bundles (the sources subpath builds them for the core to read). */
const BRAND = Symbol.for('logreg-wasm/columns');

/** Named feature columns (an Arrow table's, a Parquet row group's): matrixSource reads them. */
export class ColumnsInput {
  readonly [BRAND] = true;
  constructor(
    readonly columns: readonly ColumnChunks[],
    readonly names: readonly string[],
  ) {}
}

export function isColumnsInput(x: unknown): x is ColumnsInput {
  return typeof x === 'object' && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true;
}

/** The chunk holding `row`: the last c with starts[c] <= row. */
export function chunkOf(starts: readonly number[], row: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A row-major view of `columns` (equal lengths), validated while it is copied; `names` name them in errors. */
export function columnsSource(columns: readonly ColumnChunks[], names: readonly string[], what: string): MatrixSource {
  const cols = columns.length;
  if (cols === 0) throw new LogRegError('EMPTY_DATA', `${what} has no feature columns`);
  const lengths = columns.map((c) => c.reduce((s, chunk) => s + chunk.length, 0));
  const rows = lengths[0];
  lengths.forEach((len, j) => {
    if (len !== rows) throw new LogRegError('LENGTH_MISMATCH', `${what}: column '${names[j]}' has ${len} values, column '${names[0]}' ${rows}`, { column: j });
  });
  if (rows === 0) throw new LogRegError('EMPTY_DATA', `${what} has no rows`);
  const float32 = columns.every((c) => c.every((chunk) => chunk instanceof Float32Array));
  // chunk starts per column, for locating row0
  const starts = columns.map((c) => {
    const s = [0];
    for (const chunk of c) s.push(s[s.length - 1] + chunk.length);
    return s;
  });

  const fillRows = (t: Float64Array | Float32Array, row0: number, count: number): void => {
    for (let j = 0; j < cols; j++) {
      const chunks = columns[j];
      const st = starts[j];
      let c = chunkOf(st, row0);
      for (let i = row0; i < row0 + count; ) {
        const chunk = chunks[c];
        const end = Math.min(st[c + 1], row0 + count);
        const off = st[c];
        if (!ArrayBuffer.isView(chunk) || typeof chunk[0] === 'bigint') {
          // plain arrays (decoded Parquet with nulls) and 64-bit integers: each value's type checked
          for (; i < end; i++) {
            const raw = chunk[i - off];
            const v = typeof raw === 'bigint' ? Number(raw) : raw;
            if (typeof v !== 'number' || v - v !== 0) throw bad(i, j, raw);
            t[(i - row0) * cols + j] = v;
          }
        } else {
          const a = chunk as ArrayLike<number>;
          for (; i < end; i++) {
            const v = a[i - off];
            if (v - v !== 0) throw bad(i, j, v);
            t[(i - row0) * cols + j] = v;
          }
        }
        c++;
      }
    }
  };
  const bad = (row: number, column: number, v: unknown) =>
    new LogRegError(typeof v === 'number' ? 'NON_FINITE' : 'INVALID_INPUT', `${what} has ${describeValue(v)} at row ${row}, column '${names[column]}'`, { row, column, value: v });
  const blocked = (t: Float64Array | Float32Array, row0: number, count: number): void => {
    for (let r = 0; r < count; r += BLOCK_ROWS) {
      const n = Math.min(BLOCK_ROWS, count - r);
      fillRows(t.subarray(r * cols, (r + n) * cols), row0 + r, n);
    }
  };
  // columns of plain float or integer arrays: the wasm engine copies them in blocks and
  // transposes in wasm (engine/wasm-copy.ts), which beats any strided copy in JS
  const plainTyped = columns.every((c) => c.every((chunk) => ArrayBuffer.isView(chunk) && !(chunk instanceof BigInt64Array) && !(chunk instanceof BigUint64Array)));
  return {
    rows,
    cols,
    float32,
    fillRows: blocked,
    fill: (t) => blocked(t, 0, rows),
    copyRows: (t, row0, count) => (blocked(t, row0, count), true),
    columns: plainTyped ? { chunks: columns as readonly (readonly ArrayLike<number>[])[], starts } : undefined,
  };
}
