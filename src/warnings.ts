// Warnings (non-fatal conditions such as a fit that stopped before converging) go through one
// user-settable handler: console.warn by default, silenced with setWarningHandler(null).

export interface LogRegWarning {
  code: 'CONVERGENCE' | 'THREADS';
  message: string;
}

export type WarningHandler = (warning: LogRegWarning) => void;

const defaultHandler: WarningHandler = (w) => console.warn(`logreg-wasm: ${w.message}`);
let handler: WarningHandler | null = defaultHandler;

/** Sets the warning handler; null silences warnings, undefined restores console.warn. */
export function setWarningHandler(h: WarningHandler | null | undefined): void {
  handler = h === undefined ? defaultHandler : h;
}

export function emitWarning(w: LogRegWarning): void {
  handler?.(w);
}
