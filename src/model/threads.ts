// A model's worker threads (`threads: n`): started at the first fit (Node) or by startThreads()
// (browsers), reused by every later fit, ended by dispose(). Where threads cannot run, the model
// computes on one thread (the reason is said once, by the engine).
import { kernelsFor } from '../engine/select.js';
import { threadedKernels, threadedKernelsSync, type ThreadedKernels } from '../engine/threads/kernels.js';
import type { BackendName, Kernels } from '../engine/types.js';

export class ModelThreads {
  private pool: ThreadedKernels | null = null;
  private refused = false;
  private ended = false;

  constructor(
    private readonly backend: BackendName,
    private readonly wanted: number,
  ) {}

  private wants(): boolean {
    return this.wanted > 1 && !this.ended && !this.pool && !this.refused && kernelsFor(this.backend).name === 'wasm';
  }

  /** Starts the workers (asynchronously, as browsers need); resolves to the threads fits will use. */
  async start(): Promise<number> {
    if (this.wants()) {
      const pool = await threadedKernels(this.wanted);
      if (this.ended) pool?.end();
      else if (pool) this.pool ??= pool;
      else this.refused = true;
    }
    return this.count;
  }

  /** The kernels of a fit: the pool's (started here on first use) or the shared runtime's. */
  kernels(): Kernels {
    if (this.wants()) {
      this.pool = threadedKernelsSync(this.wanted);
      this.refused = !this.pool;
    }
    return this.pool ? this.pool.kernels : kernelsFor(this.backend);
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
