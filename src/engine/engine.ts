// The one choice of engine: the backend asked for (wasm, or js where wasm cannot run) on one
// thread or, for `threads: n`, on a pool of workers sharing its memory, started on first use
// (Node) or by start() (browsers), reused until end(). Where threads cannot run, it computes on
// one thread (the reason is said once). With 'auto' the pool has the cores and serves data of
// AUTO_THREADS_MIN_VALUES or more; it starts and falls back silently. The model and
// logisticObjective both take one.
import { kernelsFor } from './select.js';
import { threadedKernels, threadedKernelsSync, type ThreadedKernels } from './threads/kernels.js';
import type { BackendName, Kernels } from './types.js';
import { AUTO_THREADS_MIN_VALUES, autoThreadCount } from './threads/auto.js';

export class Engine {
  private pool: ThreadedKernels | null = null;
  private refused = false;
  private ended = false;

  private readonly auto: boolean;
  private readonly wanted: number;

  constructor(
    private readonly backend: BackendName,
    threads: number | 'auto',
  ) {
    this.auto = threads === 'auto';
    this.wanted = threads === 'auto' ? autoThreadCount() : threads;
  }

  private wants(): boolean {
    return this.wanted > 1 && !this.ended && !this.pool && !this.refused && kernelsFor(this.backend).name === 'wasm';
  }

  /** Starts the workers (asynchronously, as browsers need); resolves to the threads fits will use. */
  async start(): Promise<number> {
    if (this.wants()) {
      const pool = await threadedKernels(this.wanted, this.auto);
      if (this.ended) pool?.end();
      else if (pool) this.pool ??= pool;
      else this.refused = true;
    }
    return this.count;
  }

  /**
   * The kernels to compute with for data of `values` values (rows × features): the pool's (started
   * here on first use) or the one-thread engine's (always, with 'auto', for smaller data).
   */
  kernels(values = Infinity): Kernels {
    if (this.auto && values < AUTO_THREADS_MIN_VALUES) return kernelsFor(this.backend);
    if (this.wants()) {
      this.pool = threadedKernelsSync(this.wanted, this.auto);
      this.refused = !this.pool;
    }
    return this.pool ? this.pool.kernels : kernelsFor(this.backend);
  }

  /** One-thread kernels, for passes too short to split (minibatches, online steps). */
  single(): Kernels {
    return kernelsFor(this.backend);
  }

  get count(): number {
    return this.pool ? this.pool.threads : 1;
  }

  end(): void {
    this.ended = true;
    this.pool?.end();
    this.pool = null;
  }
}
