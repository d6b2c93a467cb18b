// A consumer app: imports the installed tarball as any user would.
import { init, LogisticRegression, setWarningHandler } from 'logreg-wasm';

const warnings = [];
setWarningHandler((w) => warnings.push(w.code));

const X = [];
const y = [];
for (let i = 0; i < 400; i++) {
  const a = (i * 7919) % 400 / 400 - 0.5;
  const b = (i * 104729) % 400 / 400 - 0.5;
  X.push([a, b]);
  y.push(a + 2 * b > 0.1 ? 'yes' : 'no');
}

async function main() {
  await init();
  const m = new LogisticRegression({ C: 10 }).fit(X, y);
  const progress = [];
  const a = await new LogisticRegression({ C: 10, solver: 'gd', maxIter: 1000 }).fitAsync(X, y, { onProgress: (p) => progress.push(p.iteration) });
  window.__result = {
    backend: m.backend,
    accuracy: m.score(X, y),
    asyncAccuracy: a.score(X, y),
    classes: m.classes,
    workerLoaded: performance.getEntriesByType('resource').some((e) => /worker/.test(e.name)),
    warnings,
  };
}
main().catch((e) => (window.__error = String(e && e.stack || e)));
