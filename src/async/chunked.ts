// fitAsync where no worker can be started: the fit runs in slices of a few iterations, each
// slice warm-started from the last, yielding to the event loop in between (so the page stays
// responsive and abort is seen between slices). L-BFGS restarts its memory at each slice, so
// it may take a few more iterations than one synchronous fit; the optimum is the same. Slices
// compute on one thread and report non-convergence once, for the whole fit.
import type { AbortSignalLike } from '../host-types.js';
import { LogisticRegression } from '../model/logistic-regression.js';
import type { IterationInfo } from '../optim/types.js';
import type { FitJob } from './protocol.js';
import type { JobResult } from './spawn.js';
import { abortError } from './spawn.js';
import type { ModelJSON } from '../model/json.js';
import { warnNotConverged } from '../model/convergence.js';
import { withoutWarnings } from '../warnings.js';

const SLICE = 10;

export async function runChunked(
  job: FitJob,
  signal: AbortSignalLike | undefined,
  onProgress: ((info: IterationInfo) => void) | undefined,
): Promise<JobResult> {
  const maxIter = (job.options.maxIter as number | undefined) ?? 1000;
  const history: number[] = [];
  let done = 0;
  let json: ModelJSON | null = job.start;
  let converged = false;
  for (let slice = 0; done < maxIter; slice++) {
    await new Promise((r) => setTimeout(r, 0));
    if (signal?.aborted) throw abortError();
    const opts = {
      ...job.options,
      maxIter: Math.min(SLICE, maxIter - done),
      warmStart: true,
      threads: 1, // a pool per slice would cost more than it saves
      seed: ((job.options.seed as number | undefined) ?? 0) + slice,
      onIteration: (info: IterationInfo) => onProgress?.({ ...info, iteration: done + info.iteration }),
    };
    const next: LogisticRegression = json ? LogisticRegression.fromJSON(json, opts) : new LogisticRegression(opts);
    try {
      // a slice that stops at its few iterations is not a fit that failed to converge
      withoutWarnings(() => next.fit(job.X, job.y, { sampleWeight: job.sampleWeight ?? undefined, classes: job.classes ?? undefined }), 'CONVERGENCE');
      const h = next.lossHistory;
      history.push(...(history.length ? h.slice(1) : h));
      done += next.nIter;
      json = next.toJSON();
      converged = next.converged;
      if (next.converged || next.nIter < opts.maxIter) break;
    } finally {
      next.dispose(); // ends its worker threads, if it had any
    }
  }
  if (!converged && done >= maxIter) warnNotConverged(String(job.options.solver ?? 'lbfgs'), 'maxIter', done);
  return { model: { ...json!, nIter: done }, lossHistory: history };
}
