// Lets the event loop run during a long loop over a synchronous (or instantly resolving) source,
// so a timer's abort, progress rendering and I/O get their turn: at most once per PAUSE_MS of
// work, through a macrotask (setImmediate in Node, a MessageChannel message in browsers, which
// escapes the 4 ms clamp of nested setTimeout).

const PAUSE_MS = 10;

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => void; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') return new Promise((ok) => g.setImmediate!(ok));
  if (typeof g.MessageChannel === 'function') {
    const { port1, port2 } = new g.MessageChannel();
    return new Promise((ok) => {
      port1.onmessage = () => {
        port1.close();
        ok();
      };
      port2.postMessage(null);
    });
  }
  return new Promise((ok) => setTimeout(ok, 0));
}

export class Pauser {
  private last = clock();

  /** Resolves at once (false), or after a macrotask when PAUSE_MS have passed since the last one (true). */
  async maybe(): Promise<boolean> {
    if (clock() - this.last < PAUSE_MS) return false;
    await macrotask();
    this.last = clock();
    return true;
  }
}
