// The work a fit worker does: one fit, with progress reported through `post`.
import { toWorkerError } from '../async/worker-errors.js';
import { LogisticRegression } from '../model/logistic-regression.js';
import { setWarningHandler } from '../core/warnings.js';
import type { IterationInfo } from '../optim/types.js';
import type { FitJob, WorkerMessage } from '../async/protocol.js';

/** Runs the job; progress messages at most every 50 ms. */
export function runJob(job: FitJob, post: (m: WorkerMessage) => void): void {
  // the caller's warning handler lives on the other thread: send warnings there
  setWarningHandler((warning) => post({ type: 'warning', warning }));
  try {
    let last = 0;
    const onIteration = (info: IterationInfo) => {
      const now = Date.now();
      if (now - last >= 50) {
        last = now;
        post({ type: 'progress', info: { ...info, x: info.x?.slice() } });
      }
    };
    const options = { ...job.options, onIteration };
    const model = job.start ? LogisticRegression.fromJSON(job.start, options) : new LogisticRegression(options);
    try {
      model.fit(job.X, job.y, { sampleWeight: job.sampleWeight ?? undefined, classes: job.classes ?? undefined });
      post({ type: 'done', model: model.toJSON(), lossHistory: model.lossHistory });
    } finally {
      model.dispose(); // ends its worker threads, if any
    }
  } catch (e) {
    post({ type: 'error', ...toWorkerError(e) });
  }
}
