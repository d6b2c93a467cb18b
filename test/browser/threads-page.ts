// Bundled by test/browser-threads.test.ts: fits with threads: 2 in Chromium (Web Workers on a
// shared memory when the page is cross-origin isolated) and reports what happened.
import { init, LogisticRegression, setWarningHandler } from 'logreg-wasm';

interface Input {
  X: number[][];
  y: number[];
}

declare global {
  interface Window {
    runThreads?: (input: Input) => Promise<unknown>;
  }
}

window.runThreads = async ({ X, y }: Input) => {
  await init();
  const notices: string[] = [];
  setWarningHandler((w) => notices.push(`${w.code}: ${w.message}`));
  const opts = { solver: 'newton', tol: 1e-10 } as const;
  const one = new LogisticRegression(opts).fit(X, y);
  // fit() before startThreads(): a page's thread cannot wait for a worker to start
  const early = new LogisticRegression({ ...opts, threads: 2 }).fit(X, y);
  const m = new LogisticRegression({ ...opts, threads: 2 });
  const started = await m.startThreads();
  m.fit(X, y);
  const first = Array.from(m.coef);
  m.fit(X, y);
  const repeat = Array.from(m.coef).every((v, i) => v === first[i]);
  let maxDiff = 0;
  for (let j = 0; j < first.length; j++) maxDiff = Math.max(maxDiff, Math.abs(first[j] - one.coef[j]));
  m.dispose();
  return { isolated: crossOriginIsolated, started, threads: m.threads, earlyThreads: early.threads, repeat, maxDiff, notices };
};
document.body.textContent = 'ready';
