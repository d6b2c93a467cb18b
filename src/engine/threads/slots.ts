// The job slot each worker thread reads: SLOT_BYTES in shared memory, one cache-line-padded
// block per worker. The main thread writes the function number and arguments, then bumps SEQ;
// the worker claims the call (CLAIM), runs it, writes RESULT and ERR, then sets DONE = SEQ.

export const SLOT_BYTES = 256;
/** Int32 indices inside a slot. */
export const SEQ = 0;
export const DONE = 1;
/** 0 while starting, 1 when ready, FAILED when the kernels could not be instantiated. */
export const READY = 2;
export const FAILED = 2;
export const FN = 3;
export const ARGC = 4;
export const ERR = 5;
/**
 * SEQ while the posted call is not taken yet. The worker takes it by swapping in −SEQ; the main
 * thread, done with its own shard, takes it back by swapping in 0 and runs it itself, so a worker
 * that is asleep or descheduled never makes a pass wait (the same call, the same output: the same bits).
 */
export const CLAIM = 6;
/** Float64 indices inside a slot: arguments from ARGS (at most MAX_ARGS), then the result. */
export const ARGS = 4;
export const MAX_ARGS = 16;
export const RESULT = ARGS + MAX_ARGS;
/** Polls of a flag before a thread sleeps in Atomics.wait (≈ 100–200 µs of spinning). */
export const SPIN = 200000;
/** SEQ value telling the worker to leave its loop. */
export const STOP = -1;

/** The kernels a worker can run, by number (FN). */
export const THREAD_FUNCTIONS = [
  'fusedGrad',
  'fusedGradF32',
  'hessVec',
  'hessVecF32',
  'curvatureFromZ',
  'gram',
  'gramF32',
  'softmaxGrad',
  'softmaxGradF32',
  'softmaxHessVec',
  'softmaxHessVecF32',
  'csrFusedGrad',
  'csrFusedGradF32',
  'csrHessVec',
  'csrHessVecF32',
  'csrSoftmaxGrad',
  'csrSoftmaxGradF32',
  'csrSoftmaxHessVec',
  'csrSoftmaxHessVecF32',
] as const;
export type ThreadFunction = (typeof THREAD_FUNCTIONS)[number];
