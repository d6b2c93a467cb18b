// X into wasm memory, checked: a block copy (typed input of the storage's width) is checked by
// one SIMD pass in wasm, anything else value by value as it is copied; a bad value is named by
// fillRows either way.
import type { MatrixSource } from './types.js';
import type { EngineRuntime } from './threads/pool.js';

/** Rows row0 … row0 + rows − 1 of X to memory at ptr, as float64 (or float32 with `f32`). */
export function copyRowsIn(rt: EngineRuntime, X: MatrixSource, ptr: number, row0: number, rows: number, f32 = false): void {
  const n = rows * X.cols;
  const view = f32 ? rt.heap.f32(ptr, n) : rt.heap.f64(ptr, n);
  // the wasm check reads float64: an unchecked float32 copy (none today) goes through fillRows
  if (!X.copyRows(view, row0, rows) && (f32 || rt.exports.firstNonFinite(ptr, n) >= 0)) X.fillRows(view, row0, rows);
}
