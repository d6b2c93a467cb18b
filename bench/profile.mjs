// One kernel in a loop, for a sampling profiler that sees inside the JIT code (run from a scratch
// folder: node --perf-prof and perf inject write jit-*.dump and jitted-*.so files where they run):
//   perf record -k 1 -e cpu-clock -o /tmp/p.data node --perf-prof $REPO/bench/profile.mjs 1000000 4 fused
//   perf inject -j -i /tmp/p.data -o /tmp/p.jit.data
//   perf report -i /tmp/p.jit.data --no-children --sort sym        (time per wasm function)
//   perf annotate -i /tmp/p.jit.data --stdio -s 'JS:wasm-function[N]-N-turbofan'   (per instruction)
// (perf: Debian's linux-perf. These VMs expose no hardware counters, hence cpu-clock; a sample
// lands on the instruction after a slow one, e.g. after a division that had to wait.)
// args: rows, features, what = fused | grad | sgd | saga | saga-epoch | hess | curv | softmax (the
// calls of bench/ab.mjs's modes), seconds (default 8); F32=1 for float32 storage; K=k classes for
// softmax (default 3); SHUFFLE=1 for rows in a
// random order (sgd; saga always shuffles, as its solver does); WASM=path for another build.
// Prints which wasm-function[N] each export is.
import { readFileSync } from 'node:fs';
import { kernelData, kernelPasses } from './kernel-data.mjs';

const [n, d] = [Number(process.argv[2] ?? 1000000), Number(process.argv[3] ?? 4)];
const what = process.argv[4] ?? 'fused';
const seconds = Number(process.argv[5] ?? 8);
const f32 = !!process.env.F32;
const bytes = readFileSync(process.env.WASM ?? new URL('../build/kernels.wasm', import.meta.url));

/** Export name → function index (the N of V8's wasm-function[N]), from the export section. */
function functionIndices(buf) {
  let p = 8;
  const u32 = () => {
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      const b = buf[p++];
      v |= (b & 0x7f) << shift;
      if (b < 0x80) return v >>> 0;
    }
  };
  const name = () => {
    const len = u32();
    return Buffer.from(buf.subarray(p, (p += len))).toString();
  };
  const out = {};
  while (p < buf.length) {
    const id = buf[p++];
    const end = u32() + p;
    if (id === 7)
      for (let k = u32(); k > 0; k--) {
        const field = name();
        const kind = buf[p++];
        const index = u32();
        if (kind === 0) out[field] = index;
      }
    p = end;
  }
  return out;
}
const indices = functionIndices(bytes);
console.log(['fusedGrad', 'fusedGradF32', 'sgdEpoch', 'sagaBatch', 'sagaEpoch', 'hessVec', 'curvatureFromZ', 'softmaxGrad'].map((f) => `${f} = wasm-function[${indices[f]}]`).join(', '));

const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536 });
const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
const classes = what === 'softmax' ? Number(process.env.K ?? 3) : 0;
const data = kernelData(memory, ex.heapBase(), n, d, f32, classes);
if (process.env.SHUFFLE || what.startsWith('saga')) data.shuffle(data.order);
const k = kernelPasses(ex, memory, data, n, d, f32, what === 'grad' ? 2 : 0);
if (what === 'curv') k.margins(); // the curvatures of one set of margins, again and again
const pass = { fused: k.fused, grad: k.fused, sgd: k.sgd, saga: k.sagaBatches, 'saga-epoch': k.sagaEpoch, hess: k.hess, curv: k.curvature, softmax: k.softmax }[what];
if (!pass) throw new Error(`what: one of fused, grad, sgd, saga, saga-epoch, hess, curv, softmax (got ${what})`);
const t0 = performance.now();
let reps = 0;
while (performance.now() - t0 < seconds * 1000) {
  pass();
  reps++;
}
console.log(`${what} ${n}×${d}${f32 ? ' f32' : ''}: ${(((performance.now() - t0) / reps / n) * 1e6).toFixed(2)} ns/row over ${reps} passes`);
