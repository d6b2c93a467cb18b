// The memory layout and seeded data that bench/ab.mjs and bench/profile.mjs run the kernels on:
// X (n × d, f64 or f32, values in [−1, 1)), labels y in {0, 1}, w, g, a row order, and scratch.
export function kernelData(memory, heapBase, n, d, f32) {
  const X = (heapBase + 63) & ~63;
  const y = X + (((f32 ? 4 : 8) * n * d + 63) & ~63);
  const w = y + 8 * n;
  const g = w + 8 * d + 128;
  const idx = g + 8 * d + 256; // the row order (identity until shuffled)
  const x = (idx + 4 * n + 127) & ~63; // SGD: x, v, look; SAGA: x, avg, sink (d + 2 each)
  const table = x + 3 * 8 * (d + 2) + 64; // SAGA: one residual per row; Hessian: curvatures
  const gB = (table + 8 * n + 127) & ~63; // ab.mjs: B's g when both binaries share one memory
  const D = (gB + 8 * d + 127) & ~63; // curvatures from the margins in table (n values)
  const need = D + 8 * n + 64;
  if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
  let s = n + d;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
  const xs = f32 ? new Float32Array(memory.buffer, X, n * d) : new Float64Array(memory.buffer, X, n * d);
  for (let i = 0; i < n * d; i++) xs[i] = rand() * 2;
  const f = new Float64Array(memory.buffer);
  for (let i = 0; i < n; i++) f[y / 8 + i] = rand() > 0 ? 1 : 0;
  for (let j = 0; j < d; j++) f[w / 8 + j] = rand() * 0.2;
  const order = new Int32Array(memory.buffer, idx, n);
  for (let i = 0; i < n; i++) order[i] = i;
  /** Fisher–Yates with the same seeded generator (so a run's permutation is reproducible). */
  const shuffle = (a) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor((rand() + 0.5) * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
  };
  return { X, y, w, g, gB, idx, x, table, D, order, shuffle };
}
