// fitAsync where no worker can start: the fit's own steps (one per solver iteration) run on this
// thread, and every 10 ms or so they pause for the event loop (so the page stays responsive and
// an abort is seen). The steps are resumed, not restarted: the result is fit()'s, bit for bit.
import type { AbortSignalLike } from '../core/host-types.js';
import type { IterationInfo } from '../optim/types.js';
import type { Progress } from '../optim/monitor.js';
import { Pending } from '../optim/pending.js';
import { Pauser } from './pause.js';
import { abortError } from './spawn.js';

export async function runSliced<T>(
  steps: Generator<Progress | Pending, T, unknown>,
  signal: AbortSignalLike | undefined,
  onProgress: ((info: IterationInfo) => void) | undefined,
): Promise<T> {
  const pause = new Pauser();
  try {
    let answer: unknown;
    for (;;) {
      const r = steps.next(answer);
      answer = undefined;
      if (r.done) return r.value;
      if (r.value instanceof Pending) {
        answer = await r.value.promise; // a rejection ends the steps through finally
        continue;
      }
      if (await pause.maybe()) {
        if (signal?.aborted) throw abortError();
        onProgress?.({ ...r.value.info(), x: undefined });
      }
    }
  } finally {
    steps.return(undefined as never); // frees the data if the steps did not finish
  }
}
