// Runs a fit job in a worker: worker_threads in Node, a module Worker in browsers. Abort ends
// the worker at once (the model is untouched: only a finished result is ever applied).
import type { AbortSignalLike } from '../core/host-types.js';
import { fromWorkerError } from './worker-errors.js';
import type { IterationInfo } from '../optim/types.js';
import type { FitJob, WorkerMessage } from './protocol.js';
import { emitWarning, emitWarningOnce } from '../core/warnings.js';

export interface JobResult {
  /** toJSON() of the fitted model (the caller parses and checks it) */
  model: unknown;
  lossHistory: number[];
}

interface WorkerHandle {
  post(job: FitJob): void;
  onMessage(f: (m: WorkerMessage) => void): void;
  onError(f: (e: unknown) => void): void;
  terminate(): void;
}

const isNode = () => typeof process !== 'undefined' && !!process.versions?.node;

export function abortError(): Error {
  return typeof DOMException === 'function'
    ? new DOMException('The fit was aborted', 'AbortError')
    : Object.assign(new Error('The fit was aborted'), { name: 'AbortError' });
}

/** A worker running dist/worker.js, or null where workers are unavailable. */
async function createWorker(): Promise<WorkerHandle | null> {
  if (isNode()) {
    const url = new URL('./worker.js', import.meta.url);
    const mod = 'node:worker_threads';
    const { Worker } = (await import(/* @vite-ignore */ mod)) as typeof import('node:worker_threads');
    const w = new Worker(url);
    return {
      post: (job) => w.postMessage(job), // copied, not transferred: a fallback may still need the data
      onMessage: (f) => w.on('message', f),
      onError: (f) => w.on('error', f),
      terminate: () => void w.terminate(),
    };
  }
  if (typeof Worker === 'undefined') return null;
  try {
    // this exact form lets bundlers (Vite, webpack, esbuild plugins) find and bundle the worker
    const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    return {
      post: (job) => w.postMessage(job), // copied, not transferred: a fallback may still need the data
      onMessage: (f) => w.addEventListener('message', (e) => f(e.data)),
      onError: (f) => w.addEventListener('error', f),
      terminate: () => w.terminate(),
    };
  } catch {
    return null;
  }
}

export async function runInWorker(
  job: FitJob,
  signal: AbortSignalLike | undefined,
  onProgress: ((info: IterationInfo) => void) | undefined,
): Promise<JobResult | null> {
  const w = await createWorker().catch(() => null);
  if (!w) return null;
  return new Promise<JobResult | null>((resolve, reject) => {
    let heard = false; // a worker that fails before saying anything could not load: fall back
    const stop = () => {
      w.terminate();
      reject(abortError());
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', stop);
      w.terminate();
    };
    w.onMessage((m) => {
      heard = true;
      if (m.type === 'progress') onProgress?.(m.info);
      else if (m.type === 'warning') emitWarning(m.warning);
      else if (m.type === 'done') {
        finish();
        resolve({ model: m.model, lossHistory: m.lossHistory });
      } else {
        finish();
        reject(fromWorkerError(m));
      }
    });
    w.onError((e) => {
      finish();
      if (heard) reject(e);
      else resolve(null);
    });
    w.post(job);
  });
}

/** fitAsync could not start its worker (a bundle without dist/worker.js, or no Worker here). */
export function warnNoWorker(): void {
  emitWarningOnce('no-worker', {
    code: 'WORKER',
    message:
      'fitAsync: no worker could start (worker.js is missing from the bundle, or Workers are unavailable); ' +
      'fitting in event-loop slices on this thread. See the README on bundlers, or pass { worker: false } to choose this',
  });
}
