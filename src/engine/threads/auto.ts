// threads: 'auto' — the machine's cores for data large enough to pay for the hand-offs, one
// thread below (bench/results/sklearn.md, the threads table: 2 threads gave nothing at 569×30
// and 150×4, 0.80 of the time at 1797×64, 0.7 at 20000×20 and above).

/** Values of X (rows × features) from which a fit with threads: 'auto' uses the cores. */
export const AUTO_THREADS_MIN_VALUES = 100_000;
/** At most this many threads for 'auto': the passes are bound by memory bandwidth beyond it. */
export const AUTO_THREADS_MAX = 8;

/** The cores this runtime reports (browsers: hardwareConcurrency; Node: availableParallelism). */
export function coreCount(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav?.hardwareConcurrency) return nav.hardwareConcurrency;
  const proc = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process;
  const os = proc?.getBuiltinModule?.('node:os') as { availableParallelism?(): number } | undefined;
  return os?.availableParallelism?.() ?? 1;
}

/** The threads 'auto' asks for: the cores (at most AUTO_THREADS_MAX). */
export function autoThreadCount(): number {
  return Math.max(1, Math.min(AUTO_THREADS_MAX, coreCount()));
}
