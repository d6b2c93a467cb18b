// Kernels computing on a thread pool (threads: n), with the one-time notice when threads
// cannot run here and the caller falls back to one thread.
import type { Kernels } from '../types.js';
import { wasmKernels } from '../wasm.js';
import { emitWarning } from '../../core/warnings.js';
import { startThreads, startThreadsSync, type ThreadsStart } from './runtime.js';

export interface ThreadedKernels {
  readonly kernels: Kernels;
  /** Threads computing each pass (the workers and the calling thread). */
  readonly threads: number;
  /** Ends the workers. */
  end(): void;
}

const told = new Set<string>();

/** The pool, or null after a one-time notice (none when `quiet`: threads: 'auto'). */
function settle(start: ThreadsStart, threads: number, quiet = false): ThreadedKernels | null {
  if ('runtime' in start) {
    const rt = start.runtime;
    return { kernels: wasmKernels(rt), threads: rt.pool.size, end: () => rt.pool.end() };
  }
  if (!quiet && !told.has(start.reason)) {
    told.add(start.reason);
    emitWarning({ code: 'THREADS', message: `threads: ${threads} requested, computing on one thread: ${start.reason}` });
  }
  return null;
}

/** Starts the pool now (Node); null, after a one-time notice, where that is impossible. */
export function threadedKernelsSync(threads: number, quiet = false): ThreadedKernels | null {
  return settle(startThreadsSync(threads), threads, quiet);
}

/** Starts the pool (Node or browsers); null, after a one-time notice, where threads cannot run. */
export async function threadedKernels(threads: number, quiet = false): Promise<ThreadedKernels | null> {
  return settle(await startThreads(threads), threads, quiet);
}
