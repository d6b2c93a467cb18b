// CSR arrays into wasm memory: indptr and indices as i32, values as f64 or f32 (float32 storage
// refuses a finite value beyond float32's range, naming it). Views of the copy serve the passes
// that run in TS (csr-passes.ts).
import { LogRegError } from '../core/errors.js';
import type { CsrData } from '../data/csr.js';
import type { Region } from '../wasm/heap.js';
import type { EngineRuntime } from './threads/pool.js';
import type { Csr } from './csr-passes.js';

export interface CsrInMemory {
  P: number;
  J: number;
  V: number;
  f32: boolean;
  /** typed views of the copy (valid until memory grows: take them per use) */
  view(): Csr;
}

/** Bytes the copy takes. */
export function csrBytes(c: CsrData, f32: boolean): number {
  return 4 * (c.rows + 1) + (f32 ? 8 : 12) * c.nnz;
}

export function copyCsrIn(rt: EngineRuntime, mem: Region, c: CsrData, f32: boolean, what = 'X'): CsrInMemory {
  const heap = rt.heap;
  const P = mem.alloc(4 * (c.rows + 1));
  const J = mem.alloc(4 * Math.max(1, c.nnz));
  const V = mem.alloc((f32 ? 4 : 8) * Math.max(1, c.nnz));
  heap.i32(P, c.rows + 1).set(c.indptr);
  heap.i32(J, c.nnz).set(c.indices);
  const values = f32 ? heap.f32(V, c.nnz) : heap.f64(V, c.nnz);
  values.set(c.data);
  if (f32 && !(c.data instanceof Float32Array))
    for (let k = 0; k < c.nnz; k++)
      if (values[k] - values[k] !== 0) {
        let row = 0;
        while (c.indptr[row + 1] <= k) row++;
        const column = c.indices[k];
        throw new LogRegError('NON_FINITE', `${what} has ${c.data[k]} at row ${row}, column ${column}, beyond float32's range (±3.4e38), which float32 storage (dtype) rounds to ${values[k]}`, { row, column });
      }
  return {
    P,
    J,
    V,
    f32,
    view: () => ({
      rows: c.rows,
      cols: c.cols,
      indptr: heap.i32(P, c.rows + 1),
      indices: heap.i32(J, c.nnz),
      data: f32 ? heap.f32(V, c.nnz) : heap.f64(V, c.nnz),
    }),
  };
}
