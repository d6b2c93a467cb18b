// Entry of the fit worker (Node worker_threads or a browser module Worker): one job per worker.
import { initSync } from '../engine/select.js';
import { runJob } from './run-job.js';
import type { FitJob, WorkerMessage } from '../async/protocol.js';

interface Port {
  postMessage(m: WorkerMessage): void;
}

const g = globalThis as unknown as { process?: { versions?: { node?: string } } };
if (g.process?.versions?.node) {
  // no top-level await: bundlers build workers as classic scripts by default (Vite: iife)
  const mod = 'node:worker_threads';
  void (import(/* @vite-ignore */ mod) as Promise<typeof import('node:worker_threads')>).then(({ parentPort }) => {
    parentPort!.once('message', (job: FitJob) => {
      initSync();
      runJob(job, (m) => parentPort!.postMessage(m));
    });
  });
} else {
  const self = globalThis as unknown as Port & { addEventListener(t: 'message', f: (e: MessageEvent) => void): void };
  self.addEventListener('message', (e) => {
    initSync(); // inside a worker, synchronous compilation is allowed
    runJob(e.data as FitJob, (m) => self.postMessage(m));
  });
}
