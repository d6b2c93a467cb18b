// Bundled by test/browser.test.ts and run in headless Chromium: the package's default entry,
// with no bundler configuration beyond resolving the import. The data comes from Node:
// generating it here would use this engine's Math.log/cos, which need not match Node's.
import { init, LogisticRegression, type LogisticRegressionOptions } from 'logreg-wasm';
import { hexBits } from '../problem.js';

interface Input {
  X: number[][];
  y: number[];
  fits: LogisticRegressionOptions[];
}

declare global {
  interface Window {
    runFits?: (input: Input) => Promise<unknown>;
  }
}

window.runFits = async ({ X, y, fits }: Input) => {
  await init();
  return fits.map((o) => {
    const m = new LogisticRegression(o).fit(X, y);
    return { backend: m.backend, coef: hexBits(m.coef), intercepts: hexBits(m.intercepts) };
  });
};
document.body.textContent = 'ready';
