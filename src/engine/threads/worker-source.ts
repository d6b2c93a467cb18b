// The code of a kernel worker, as source text: started with `eval: true` by worker_threads and
// from a Blob URL by browsers, so no bundler has to find a worker file (and no bundler or
// coverage tool rewrites it: it is a string). The worker instantiates the shared-memory
// kernels on the memory it is given, marks its slot ready, then blocks in Atomics.wait until
// the main thread posts a call (see slots.ts).
import { ARGC, ARGS, CLAIM, DONE, ERR, FAILED, FN, READY, RESULT, SEQ, SLOT_BYTES, SPIN, STOP, THREAD_FUNCTIONS } from './slots.js';

/** The worker's whole program. */
export const workerSource = `'use strict';
const NAMES = ${JSON.stringify(THREAD_FUNCTIONS)};
function serve(data, ready) {
  // the slot lies below every later allocation: the first buffer covers it after any growth
  const i32 = new Int32Array(data.memory.buffer, data.slot, ${SLOT_BYTES / 4});
  const f64 = new Float64Array(data.memory.buffer, data.slot, ${SLOT_BYTES / 8});
  let fns;
  try {
    const instance = new WebAssembly.Instance(data.module, { env: { memory: data.memory } });
    fns = NAMES.map((n) => instance.exports[n]);
  } catch (e) {
    Atomics.store(i32, ${READY}, ${FAILED});
    Atomics.notify(i32, ${READY});
    throw e;
  }
  Atomics.store(i32, ${READY}, 1);
  Atomics.notify(i32, ${READY});
  ready();
  let seen = 0;
  for (;;) {
    // spin a little before sleeping: solvers post passes back to back, and waking a sleeping
    // thread costs tens of microseconds
    for (let spin = 0; spin < ${SPIN} && Atomics.load(i32, ${SEQ}) === seen; spin++);
    Atomics.wait(i32, ${SEQ}, seen);
    const seq = Atomics.load(i32, ${SEQ});
    if (seq === ${STOP}) return;
    if (seq === seen) continue;
    seen = seq;
    // the main thread may have taken the call back while this thread slept
    if (Atomics.compareExchange(i32, ${CLAIM}, seq, -seq) !== seq) continue;
    let result = 0;
    let err = 0;
    try {
      result = fns[i32[${FN}]](...f64.subarray(${ARGS}, ${ARGS} + i32[${ARGC}]));
    } catch (e) {
      err = 1;
    }
    f64[${RESULT}] = result === undefined ? 0 : result;
    i32[${ERR}] = err;
    Atomics.store(i32, ${DONE}, seq);
    Atomics.notify(i32, ${DONE});
  }
}
if (typeof process === 'object' && process.versions && process.versions.node) {
  // getBuiltinModule works whether Node evaluates this as CommonJS or (--input-type=module) ESM
  serve(process.getBuiltinModule('node:worker_threads').workerData, () => {});
} else {
  self.onmessage = (e) => serve(e.data, () => self.postMessage('ready'));
}
`;
