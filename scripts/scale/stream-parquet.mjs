// The scale test's streamed side, in its own process so its peak RSS is its own: an exact fit by
// fitStream over parquetBatches (with THREADS > 1, row-group shards on workers). Prints one JSON line.
// Usage: node stream-parquet.mjs FILE SOLVER [THREADS]
import { initSync, LogisticRegression, setWarningHandler } from '../../dist/index.js';
import { parquetBatches } from '../../dist/sources.js';

const [file, solver, threadsArg] = process.argv.slice(2);
const threads = Number(threadsArg ?? 1);
initSync();
const warnings = [];
setWarningHandler((w) => warnings.push(w.message));

let passes = 0;
let rows = 0;
const t1 = performance.now();
const m = await new LogisticRegression({ solver, tol: 1e-8, threads }).fitStream(parquetBatches(file, { label: 'y' }), {
  classes: [0, 1],
  onProgress: (p) => {
    passes = Math.max(passes, p.epoch);
    rows = Math.max(rows, p.rows);
  },
});
const fit = (performance.now() - t1) / 1000;
console.log(
  JSON.stringify({
    threads,
    rows,
    warnings,
    fitSeconds: fit,
    passes: passes + 1, // the census too
    secondsPerPass: fit / (passes + 1),
    nIter: m.nIter,
    converged: m.converged,
    coef: Array.from(m.coef),
    intercept: m.intercept,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
