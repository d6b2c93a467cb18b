// A/B of two kernel binaries in one process, alternating rounds so machine drift hits both:
//   node bench/ab.mjs A.wasm B.wasm        (e.g. build/kernels.wasm against an experimental build)
// env: MODE (fused-pass mode bits, 2 = gradient only), F32=1 (float32 storage),
//      SGD=shuffled, batches or stored (time one sgdEpoch, batches of 32, instead of the fused pass),
//      SAGA=1 (time one epoch of sagaBatch calls, 32 shuffled rows each, one call per batch from JS),
//      SAGA=epoch (the same epoch as one sagaEpoch call, as the saga solver runs it: with touchAhead),
//      HESS=1 (time one Hessian-vector product over all rows, curvatures 0.25, as newton makes),
//      CURV=1 (time curvatureFromZ over the margins of all rows, as newton makes before its products),
//      SOFTMAX=k (time the multinomial pass, softmaxGrad, with k classes; with F32=1 softmaxGradF32; with HESS=1 a
//      softmaxHessVec at the probabilities of that pass),
//      SIZES='[[n, d], ...]', ROUNDS (default 5), PLACEMENTS (default 8). Prints ns/row (medians),
// B/A as the median of the per-round ratios with their range (drift between rounds cancels), the
// range of the copies' ns/row (below), and how far the outputs differ (loss, max relative
// difference of g).
// Placements: V8 puts each compiled module's code at addresses of its own, and on data larger than
// cache the same code then runs at speeds up to 1.3-1.4x apart from one compiled copy to another
// (a pass at 200000x100: 43-58 ns/row across six copies of one binary in one process; in cache
// they agree within 1-2%). With one copy per binary, an A/B at those sizes drew from that spread:
// the same code, A against A with a custom section added, gave B/A from 0.81 to 1.18 in five
// processes, each with a tight range over its rounds, so running both orders did not cancel it.
// So each binary is compiled PLACEMENTS times (a custom section makes every copy a module of its
// own, also when A and B are the same file: that is the null test), every round times every copy,
// and a round's time for a binary is the geometric mean over its copies. With 8 copies the null
// test gave 0.94-1.09 at 100000x50, 200000x100 and 50000x150 over four processes (within 1% in
// cache): a change smaller than that needs more processes (or more copies) to show. PLACEMENTS=1
// is the former one-copy A/B.
import { readFileSync } from 'node:fs';
import { kernelData, kernelPasses, compiledCopy } from './kernel-data.mjs';
import { median } from './stats.mjs';

const [fa, fb] = process.argv.slice(2);
if (!fa || !fb) throw new Error('usage: node bench/ab.mjs A.wasm B.wasm');
const sizes = process.env.SIZES ? JSON.parse(process.env.SIZES) : [[2000, 64], [20000, 20], [100000, 50], [200000, 100], [1000000, 4]];
const mode = Number(process.env.MODE ?? 0);
const f32 = !!process.env.F32;
const classes = Number(process.env.SOFTMAX ?? 0);
const placements = Math.max(1, Number(process.env.PLACEMENTS ?? 8));
const modules = [fa, fb].map((f, v) => {
  const bytes = readFileSync(f);
  return Array.from({ length: placements }, (_, c) => compiledCopy(bytes, 'ab', [v, c]));
});
// Both instances run on ONE memory when their static data (tables below heapBase) is the same:
// with a memory each, where the data landed made a 10–20% difference that flipped with the order
// of the two binaries (measured with one compiled copy each, so partly placement: see the header).
// SEPARATE=1 gives each its own memory.
const statics = modules.map(([m]) => {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536 });
  const ex = new WebAssembly.Instance(m, { env: { memory } }).exports;
  return new Uint8Array(memory.buffer, 0, ex.heapBase()).slice();
});
const shared =
  !process.env.SEPARATE && statics[0].length === statics[1].length && statics[0].every((v, i) => v === statics[1][i]);
const sharedMemory = new WebAssembly.Memory({ initial: 16, maximum: 65536 });
// inst[v]: binary v's copies, all on its memory (one memory for both when shared)
const inst = modules.map((copies) => {
  const memory = shared ? sharedMemory : new WebAssembly.Memory({ initial: 16, maximum: 65536 });
  return copies.map((m) => ({ memory, ex: new WebAssembly.Instance(m, { env: { memory } }).exports }));
});
console.log(shared ? 'one memory for both binaries' : 'a memory for each binary (static data differs, or SEPARATE=1)');
/** The range of the copies' median ns/row: how far placement alone moved this binary. */
const spread = (copies) => {
  const m = copies.map(median);
  return `${Math.min(...m).toFixed(1)}–${Math.max(...m).toFixed(1)}`;
};

/**
 * [prep, run, check] of the pass the environment asks for: prep and check run untimed around each
 * timed call (CURV: the margins the curvatures come from, and their sum to compare).
 */
const chosenCall = (k) =>
  classes && process.env.HESS
    ? [k.softmaxP, k.softmaxHess]
    : classes
    ? [null, k.softmax]
    : process.env.SAGA === 'epoch'
    ? [null, k.sagaEpoch]
    : process.env.SAGA
    ? [null, k.sagaBatches]
    : process.env.CURV
    ? [k.margins, k.curvature, k.curvatureSum]
    : process.env.HESS
    ? [null, k.hess]
    : process.env.SGD
    ? [null, k.sgd]
    : [null, k.fused];

for (const [n, d] of sizes) {
  const ptrs = inst.map(([{ memory, ex }], v) => {
    const { X, y, w, g, gB, idx, x, table, D, labels, W, sg, sgB, zs, P, k, order, shuffle } = kernelData(memory, ex.heapBase(), n, d, f32, classes);
    if (process.env.SGD === 'shuffled' || process.env.SAGA) shuffle(order);
    if (process.env.SGD === 'batches') {
      // runs of 32 stored rows in a random order, as the solvers' shuffle: 'batches'
      const runs = Array.from({ length: Math.ceil(n / 32) }, (_, i) => i);
      shuffle(runs);
      let k = 0;
      for (const r of runs) for (let i = 32 * r; i < Math.min(n, 32 * r + 32); i++) order[k++] = i;
    }
    // on one memory, B writes its own g (both compute in place, one after the other)
    const own = shared && v === 1;
    return { X, y, w, g: own ? gB : g, idx, x, table, D, labels, W, sg: own ? sgB : sg, zs, P, k };
  });
  const reps = Math.max(3, Math.round(2e7 / (n * d * Math.max(1, classes / 2))));
  const calls = inst.map((copies, v) => copies.map(({ memory, ex }) => chosenCall(kernelPasses(ex, memory, ptrs[v], n, d, f32, mode))));
  const ns = [[], []]; // per round: the geometric mean over a binary's copies
  const perCopy = [inst[0].map(() => []), inst[1].map(() => [])]; // per copy: its ns/row each round
  const loss = [0, 0];
  const rounds = Number(process.env.ROUNDS ?? 5);
  for (let round = 0; round <= rounds; round++) {
    for (let v = 0; v < 2; v++) {
      let logSum = 0;
      for (let c = 0; c < placements; c++) {
        const at = (c + round) % placements; // the copies' order rotates with the round
        const [prep, run, check] = calls[v][at];
        let ms = 0;
        for (let r = 0; r < reps; r++) {
          if (prep) prep();
          const t = performance.now();
          loss[v] = run();
          ms += performance.now() - t;
          if (check) loss[v] = check();
        }
        const t = (ms / reps / n) * 1e6;
        logSum += Math.log(t);
        if (round > 0) perCopy[v][at].push(t); // round 0 warms every copy up
      }
      if (round > 0) ns[v].push(Math.exp(logSum / placements));
    }
  }
  const len = classes ? classes * (d + 1) : d + 1;
  const ga = new Float64Array(inst[0][0].memory.buffer, classes ? ptrs[0].sg : ptrs[0].g, len);
  const gb = new Float64Array(inst[1][0].memory.buffer, classes ? ptrs[1].sg : ptrs[1].g, len);
  let rel = 0;
  for (let j = 0; j < len; j++) rel = Math.max(rel, Math.abs(ga[j] - gb[j]) / Math.max(1e-300, Math.abs(ga[j])));
  const [a, b] = [median(ns[0]), median(ns[1])];
  const ratios = ns[1].map((t, i) => t / ns[0][i]);
  const lo = Math.min(...ratios).toFixed(2);
  const hi = Math.max(...ratios).toFixed(2);
  console.log(
    `${n}×${d}: A ${a.toFixed(1)} B ${b.toFixed(1)} ns/row, B/A ${median(ratios).toFixed(3)} (${lo}–${hi}); ` +
      `copies A ${spread(perCopy[0])} B ${spread(perCopy[1])}; ` +
      `loss ${loss[0] === loss[1] ? 'same bits' : `differs by ${(loss[0] - loss[1]).toExponential(2)}`}, g max rel diff ${rel.toExponential(1)}`,
  );
}
