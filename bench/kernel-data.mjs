// The memory layout and seeded data that bench/ab.mjs and bench/profile.mjs run the kernels on:
// X (n × d, f64 or f32, values in [−1, 1)), labels y in {0, 1}, w, g, a row order, and scratch.
// With k classes (k >= 2), also class indices (i32, in [0, k)), W (k × d), b (k), and for each of
// two binaries its own softmax gradient (k·d + k), scratch and probabilities P (n × k).
export function kernelData(memory, heapBase, n, d, f32, k = 0) {
  const X = (heapBase + 63) & ~63;
  const y = X + (((f32 ? 4 : 8) * n * d + 63) & ~63);
  const w = y + 8 * n;
  const g = w + 8 * d + 128;
  const idx = g + 8 * d + 256; // the row order (identity until shuffled)
  const x = (idx + 4 * n + 127) & ~63; // SGD: x, v, look; SAGA: x, avg, sink (d + 2 each)
  const table = x + 3 * 8 * (d + 2) + 64; // SAGA: one residual per row; Hessian: curvatures
  const gB = (table + 8 * n + 127) & ~63; // ab.mjs: B's g when both binaries share one memory
  const D = (gB + 8 * d + 127) & ~63; // curvatures from the margins in table (n values)
  const labels = (D + 8 * n + 127) & ~63; // softmax: class indices
  const W = (labels + 4 * n + 127) & ~63; // softmax: W (k × d), then b (k)
  const sg = (W + 8 * (k * d + k) + 127) & ~63; // softmax: gradient (k·d + k)
  const sgB = (sg + 8 * (k * d + k) + 127) & ~63; // softmax: B's gradient
  const zs = (sgB + 8 * (k * d + k) + 127) & ~63; // softmax: scratch (4k)
  const P = (zs + 32 * k + 127) & ~63; // softmax: probabilities (n × k), for Hessian products
  const need = P + 8 * n * k + 64;
  if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
  let s = n + d;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
  const xs = f32 ? new Float32Array(memory.buffer, X, n * d) : new Float64Array(memory.buffer, X, n * d);
  for (let i = 0; i < n * d; i++) xs[i] = rand() * 2;
  const f = new Float64Array(memory.buffer);
  for (let i = 0; i < n; i++) f[y / 8 + i] = rand() > 0 ? 1 : 0;
  for (let j = 0; j < d; j++) f[w / 8 + j] = rand() * 0.2;
  if (k) {
    const lab = new Int32Array(memory.buffer, labels, n);
    for (let i = 0; i < n; i++) lab[i] = Math.min(k - 1, Math.floor((rand() + 0.5) * k));
    for (let j = 0; j < k * d + k; j++) f[W / 8 + j] = rand() * 0.4;
  }
  const order = new Int32Array(memory.buffer, idx, n);
  for (let i = 0; i < n; i++) order[i] = i;
  /** Fisher–Yates with the same seeded generator (so a run's permutation is reproducible). */
  const shuffle = (a) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor((rand() + 0.5) * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
  };
  return { X, y, w, g, gB, idx, x, table, D, labels, W, sg, sgB, zs, P, k, order, shuffle };
}

/**
 * The kernel calls the two tools time, on the data of kernelData (`p`, with `g` the output to
 * use): each returns a number to compare between builds, except curvature (curvatureSum gives
 * it, outside the timing). sgd, sagaBatches and sagaEpoch start from zero state each call (tiny
 * steps: eta 1e-3, l2 1e-4 for SGD); hess uses curvatures 0.25; curvature needs margins() first
 * (the margins of w, b = 0.1 into table).
 */
export function kernelPasses(ex, memory, p, n, d, f32, mode) {
  const f64 = (ptr, len) => new Float64Array(memory.buffer, ptr, len);
  const fusedGrad = f32 ? ex.fusedGradF32 : ex.fusedGrad;
  const sagaBatch = f32 ? ex.sagaBatchF32 : ex.sagaBatch;
  const softmaxGrad = f32 ? ex.softmaxGradF32 : ex.softmaxGrad;
  const softmaxHessVec = f32 ? ex.softmaxHessVecF32 : ex.softmaxHessVec;
  const { X, y, w, g, idx, x, table, D, labels, W, sg, zs, P, k } = p;
  const v = x + 8 * (d + 2); // SGD velocity, SAGA running average
  const look = x + 16 * (d + 2); // SGD Nesterov point, SAGA touch sink
  const b = W + 8 * k * d; // softmax intercepts, after W
  return {
    fused: () => fusedGrad(X, d, y, 0, 0, 0, n, w, 0.1, g, 0, mode),
    sgd: () => {
      f64(x, 2 * (d + 2)).fill(0);
      ex.sgdEpoch(X, d, y, 0, idx, n, 32, x, v, look, g, n, n, 1e-4, 1, 1e-3, 0, 0, 0, f32 ? 1 : 0);
      return f64(x, 1)[0];
    },
    sagaBatches: () => {
      // one sagaBatch call per batch of 32, from JS; returns a sum over the batches' g
      f64(table, n).fill(0);
      const gs = f64(g, d + 1);
      let sum = 0;
      for (let s = 0; s < n; s += 32) {
        sagaBatch(X, d, y, 0, idx + 4 * s, 0, Math.min(32, n - s), w, 0.1, table, 1.5, g, mode & 1);
        sum += gs[0] + gs[d];
      }
      return sum;
    },
    sagaEpoch: () => {
      f64(table, n).fill(0);
      f64(x, 2 * (d + 2)).fill(0);
      ex.sagaEpoch(X, d, y, 0, idx, n, 32, x, v, table, g, look, 1.5, n, 1e-3, 0, 1, 0, 1, mode & 1, f32 ? 1 : 0);
      return f64(x, 1)[0];
    },
    softmax: () => softmaxGrad(X, d, labels, 0, 0, 0, n, k, W, b, sg, zs, 0),
    softmaxP: () => softmaxGrad(X, d, labels, 0, 0, 0, n, k, W, b, sg, zs, P),
    softmaxHess: () => {
      softmaxHessVec(X, d, n, k, 0, P, W, b, sg, zs);
      return f64(sg + 8 * k * d, 1)[0];
    },
    margins: () => fusedGrad(X, d, y, 0, 0, 0, n, w, 0.1, g, table, 2),
    curvature: () => ex.curvatureFromZ(table, y, 0, n, mode & 1, D),
    curvatureSum: () => f64(D, n).reduce((a, b) => a + b, 0),
    hess: () => {
      f64(table, n).fill(0.25);
      (f32 ? ex.hessVecF32 : ex.hessVec)(X, d, n, table, w, 0.1, g);
      return f64(g + 8 * d, 1)[0];
    },
  };
}

/**
 * `bytes` compiled as a module of its own: V8 reuses the code of identical bytes, so a custom
 * section named `name` holding the bytes of `tag` makes each (name, tag) a fresh compilation, whose
 * code lands at addresses of its own (bench/ab.mjs, bench/placements.mjs).
 */
export function compiledCopy(bytes, name, tag) {
  const section = [name.length, ...Buffer.from(name), ...tag];
  return new WebAssembly.Module(Buffer.concat([Buffer.from(bytes), Buffer.from([0, section.length, ...section])]));
}
