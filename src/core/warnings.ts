// Warnings (non-fatal conditions such as a fit that stopped before converging) go through one
// user-settable handler: console.warn by default, silenced with setWarningHandler(null).

export interface LogRegWarning {
  /**
   * CONVERGENCE: a fit stopped before its convergence test held; THREADS: fewer threads than
   * asked; BACKEND: the js backend computes although wasm was asked for; WORKER: fitAsync
   * found no worker and fits in slices on the calling thread; INFERENCE: inference on a penalised fit.
   */
  code: 'CONVERGENCE' | 'THREADS' | 'BACKEND' | 'WORKER' | 'INFERENCE';
  message: string;
}

export type WarningHandler = (warning: LogRegWarning) => void;

const defaultHandler: WarningHandler = (w) => console.warn(`logreg-wasm: ${w.message}`);
let handler: WarningHandler | null = defaultHandler;

/** Sets the warning handler; null silences warnings, undefined restores console.warn. */
export function setWarningHandler(h: WarningHandler | null | undefined): void {
  handler = h === undefined ? defaultHandler : h;
}

/** The codes held back now (null: every code), innermost last. */
const held: (LogRegWarning['code'] | null)[] = [];
const isHeld = (w: LogRegWarning) => held.some((c) => c === null || c === w.code);

/**
 * Runs the synchronous `f` with the warnings of `code` (every warning when absent) held back:
 * for fits that are steps of a larger one, and for callers that promise to be quiet.
 */
export function withoutWarnings<T>(f: () => T, code: LogRegWarning['code'] | null = null): T {
  held.push(code);
  try {
    return f();
  } finally {
    held.pop();
  }
}

export function emitWarning(w: LogRegWarning): void {
  if (!isHeld(w)) handler?.(w);
}

const said = new Set<string>();

/** emitWarning, once per process for each `key` (conditions that do not change while it runs). */
export function emitWarningOnce(key: string, w: LogRegWarning): void {
  if (said.has(key) || isHeld(w)) return;
  said.add(key);
  emitWarning(w);
}
