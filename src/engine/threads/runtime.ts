// A runtime for `threads: n`: one shared WebAssembly memory with its own heap, the kernels
// instantiated on it by this thread and by n − 1 workers. Node starts the workers synchronously
// (worker_threads, blocking until they are ready); browsers need startThreads() (a worker
// cannot start while the page's thread is busy) and a cross-origin isolated page.
import { embeddedBytes, hasWebAssembly, type WasmRuntime } from '../../wasm/load.js';
import { Heap, MAX_PAGES } from '../../wasm/heap.js';
import type { KernelExports } from '../../wasm/exports.js';
import { withSharedMemory } from './shared-binary.js';
import { workerSource } from './worker-source.js';
import { ThreadPool, type WorkerLike } from './pool.js';
import { SLOT_BYTES } from './slots.js';

const START_TIMEOUT_MS = 15_000;

export interface ThreadedRuntime extends WasmRuntime {
  readonly pool: ThreadPool;
}

/** A runtime, or the reason threads cannot run here. */
export type ThreadsStart = { runtime: ThreadedRuntime } | { reason: string };

const isNode = () => typeof process === 'object' && !!process.versions?.node;

/** Why worker threads with shared memory cannot run here, or null when they can. */
export function threadsUnavailable(): string | null {
  if (!hasWebAssembly()) return 'WebAssembly with SIMD is not available';
  if (typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined' || (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === false)
    return 'shared memory needs a cross-origin isolated page (serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)';
  if (!isNode() && typeof Worker === 'undefined') return 'Web Workers are not available';
  return null;
}

let sharedModule: WebAssembly.Module | null = null;

function sharedBytes(): Uint8Array<ArrayBuffer> {
  return withSharedMemory(embeddedBytes(), MAX_PAGES);
}

interface Layout {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  exports: KernelExports;
  heap: Heap;
  slotBase: number;
}

function layout(module: WebAssembly.Module, threads: number): Layout {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  const heap = new Heap(memory, exports.heapBase());
  // the slots come first so that every worker's first view of the buffer covers them
  const slotBase = heap.alloc(SLOT_BYTES * (threads - 1));
  return { module, memory, exports, heap, slotBase };
}

function runtimeOf(l: Layout, workers: WorkerLike[]): ThreadedRuntime {
  return { exports: l.exports, heap: l.heap, pool: new ThreadPool(l.exports, l.memory, l.slotBase, workers) };
}

function workerData(l: Layout, t: number) {
  return { module: l.module, memory: l.memory, slot: l.slotBase + t * SLOT_BYTES };
}

/** Node: starts n − 1 worker_threads and blocks until they are ready. */
export function startThreadsSync(threads: number): ThreadsStart {
  const why = threadsUnavailable();
  if (why) return { reason: why };
  const wt = isNode() ? (process.getBuiltinModule?.('node:worker_threads') as typeof import('node:worker_threads') | undefined) : undefined;
  if (!wt) return { reason: 'starting threads synchronously needs Node ≥ 20.16; call await startThreads() first' };
  const l = layout((sharedModule ??= new WebAssembly.Module(sharedBytes())), threads);
  const workers: WorkerLike[] = [];
  let failure = '';
  for (let t = 0; t < threads - 1; t++) {
    const w = new wt.Worker(workerSource, { eval: true, workerData: workerData(l, t) });
    w.unref(); // an undisposed model must not keep the process alive
    w.on('error', (e) => (failure ||= String(e)));
    workers.push(w);
  }
  const rt = runtimeOf(l, workers);
  if (!rt.pool.waitReady(START_TIMEOUT_MS)) {
    rt.pool.end();
    return { reason: `the worker threads did not start${failure ? `: ${failure}` : ''}` };
  }
  return { runtime: rt };
}

/** Starts n − 1 workers (worker_threads in Node, Web Workers in browsers) and resolves when ready. */
export async function startThreads(threads: number): Promise<ThreadsStart> {
  if (isNode()) return startThreadsSync(threads);
  const why = threadsUnavailable();
  if (why) return { reason: why };
  const l = layout((sharedModule ??= await WebAssembly.compile(sharedBytes())), threads);
  const url = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads - 1 }, (_, t) => {
        const w = new Worker(url);
        workers.push(w);
        return new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('timed out')), START_TIMEOUT_MS);
          w.onmessage = () => (clearTimeout(timer), resolve());
          w.onerror = (e) => (clearTimeout(timer), reject(new Error(e.message || 'worker error')));
          w.postMessage(workerData(l, t));
        });
      }),
    );
  } catch (e) {
    for (const w of workers) w.terminate();
    return { reason: `the Web Workers did not start: ${(e as Error).message}` };
  } finally {
    URL.revokeObjectURL(url);
  }
  return { runtime: runtimeOf(l, workers) };
}
