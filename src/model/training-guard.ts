// A model trains one thing at a time: while fitAsync or fitStream runs, another fit is refused
// (BUSY); dispose() aborts the running one, which then rejects with DISPOSED.
import type { AbortSignalLike } from '../core/host-types.js';
import { LogRegError } from '../core/errors.js';
import { abortError } from '../async/spawn.js';

export class TrainingGuard {
  private running: AbortController | null = null;
  private disposed = false;

  /** Throws DISPOSED after dispose(), BUSY while a training runs. */
  idle(): void {
    this.usable();
    if (this.running)
      throw new LogRegError('BUSY', 'this model is training in fitAsync or fitStream: await it (or abort it) before starting another fit');
  }

  usable(): void {
    if (this.disposed) throw new LogRegError('DISPOSED', 'this model was disposed');
  }

  /** Runs `run` as the one training; its signal fires on the caller's abort and on dispose(). */
  async run<T>(signal: AbortSignalLike | undefined, run: (signal: AbortSignalLike) => Promise<T>): Promise<T> {
    this.idle();
    const ctl = new AbortController();
    const forward = () => ctl.abort();
    if (signal?.aborted) throw abortError();
    signal?.addEventListener('abort', forward, { once: true });
    this.running = ctl;
    try {
      return await run(ctl.signal);
    } catch (e) {
      throw this.disposed ? new LogRegError('DISPOSED', 'the model was disposed during training') : e;
    } finally {
      signal?.removeEventListener('abort', forward);
      if (this.running === ctl) this.running = null;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.running?.abort();
    this.running = null;
  }
}
