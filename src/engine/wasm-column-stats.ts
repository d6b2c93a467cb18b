// Column stats of X stored in linear memory, from the colMoments kernel (one pass).
import type { WasmRuntime } from '../wasm/load.js';
import { statsFromMoments, type ColumnStats } from '../data/column-stats.js';

export function wasmColumnStats(rt: WasmRuntime, xPtr: number, n: number, d: number, f32: boolean): ColumnStats {
  const heap = rt.heap;
  const p = heap.alloc(16 * d);
  try {
    (f32 ? rt.exports.colMomentsF32 : rt.exports.colMoments)(xPtr, d, n, p, p + 8 * d);
    const shift = f32 ? heap.f32(xPtr, d) : heap.f64(xPtr, d);
    return statsFromMoments(shift, heap.f64(p, d).slice(), heap.f64(p + 8 * d, d).slice(), n);
  } finally {
    heap.release(p);
  }
}
