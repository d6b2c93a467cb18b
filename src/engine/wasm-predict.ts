// Prediction passes over X a chunk of rows at a time: each chunk is copied into one small buffer
// of wasm memory, where it is still in cache when the kernel reads it, so a prediction never
// holds a second copy of X nor grows memory by its size.
import type { MatrixSource } from './types.js';
import type { EngineRuntime } from './threads/pool.js';
import { Region } from '../wasm/heap.js';
import { copyRowsIn } from './wasm-copy.js';

/** Bytes of X per chunk: well inside L2, large enough that the per-chunk calls cost nothing. */
const CHUNK_BYTES = 1 << 20;

/**
 * For each chunk of rows: copies it in, runs kernel(xPtr, rows, outPtr) writing perRow values per
 * row, and copies them to out. `setup` places what every chunk reads (weights) in the region.
 */
export function predictInChunks(
  rt: EngineRuntime,
  X: MatrixSource,
  perRow: number,
  out: Float64Array,
  setup: (mem: Region) => (xPtr: number, rows: number, outPtr: number) => void,
): void {
  const d = X.cols;
  const chunk = Math.max(1, Math.min(X.rows, Math.floor(CHUNK_BYTES / (8 * d))));
  const mem = new Region(rt.heap);
  try {
    const kernel = setup(mem);
    const xPtr = mem.alloc(8 * chunk * d);
    const oPtr = mem.alloc(8 * chunk * perRow);
    for (let r0 = 0; r0 < X.rows; r0 += chunk) {
      const rows = Math.min(chunk, X.rows - r0);
      copyRowsIn(rt, X, xPtr, r0, rows);
      kernel(xPtr, rows, oPtr);
      out.set(rt.heap.f64(oPtr, rows * perRow), r0 * perRow);
    }
  } finally {
    mem.releaseAll();
  }
}
