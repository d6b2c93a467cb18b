// X into wasm memory, checked: a block copy (typed input of the storage's width) is checked by
// one SIMD pass in wasm, anything else value by value as it is copied; a bad value is named by
// fillRows either way.
import type { MatrixSource } from './types.js';
import type { ColumnBlocks } from '../data/matrix-source.js';
import { chunkOf } from '../data/columns.js';
import type { EngineRuntime } from './threads/pool.js';

/** Rows row0 … row0 + rows − 1 of X to memory at ptr, as float64 (or float32 with `f32`). */
export function copyRowsIn(rt: EngineRuntime, X: MatrixSource, ptr: number, row0: number, rows: number, f32 = false): void {
  const n = rows * X.cols;
  const view = () => (f32 ? rt.heap.f32(ptr, n) : rt.heap.f64(ptr, n));
  let checked = false;
  if (X.columns && !f32) transposeIn(rt, X.columns, X.cols, ptr, row0, rows);
  else checked = X.copyRows(view(), row0, rows);
  // the wasm check reads float64: an unchecked float32 copy goes through fillRows
  if (!checked && (f32 || rt.exports.firstNonFinite(ptr, n) >= 0)) X.fillRows(view(), row0, rows);
}

/** Values per staging block of column-major data (2 MB): fewer, longer typed-array sets per column. */
const STAGE_VALUES = 1 << 18;

/** Column-major X into row-major memory at ptr: each block's columns set into a staging area (memcpy), transposed in wasm. */
function transposeIn(rt: EngineRuntime, c: ColumnBlocks, cols: number, ptr: number, row0: number, rows: number): void {
  const block = Math.max(16, Math.floor(STAGE_VALUES / cols));
  const stage = rt.heap.alloc(Math.min(block, rows) * cols * 8);
  try {
    for (let r = 0; r < rows; r += block) {
      const n = Math.min(block, rows - r);
      const view = rt.heap.f64(stage, n * cols);
      for (let j = 0; j < cols; j++) {
        const starts = c.starts[j];
        let at = row0 + r;
        let k = j * n;
        for (let ci = chunkOf(starts, at); at < row0 + r + n; ci++) {
          const to = Math.min(starts[ci + 1], row0 + r + n);
          const chunk = c.chunks[j][ci] as Float64Array;
          view.set(chunk.subarray(at - starts[ci], to - starts[ci]), k);
          k += to - at;
          at = to;
        }
      }
      rt.exports.columnsToRows(stage, ptr + r * cols * 8, n, cols);
    }
  } finally {
    rt.heap.release(stage);
  }
}
