// `npm run test:scale` (second part): a seeded Parquet file of SCALE_PARQUET_ROWS rows × 20 features
// (default 20,000,000: 3.2 GB of doubles) fitted exactly twice, each in its own process with its
// peak RSS measured: (a) streamed through the wasm kernels by fitStream over parquetBatches,
// (b) with the gradient pushed down into DuckDB by sqlObjective. Exits non-zero when a check fails.
import { report } from './scale/checks.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROWS = Number(process.env.SCALE_PARQUET_ROWS ?? 20_000_000);
const SOLVER = 'newton-cholesky';
/** the streamed fit on one thread, and with row-group shards on two workers */
const THREADS = [1, 2];
const RSS_LIMIT_MIB = 512;
const here = (f) => join(import.meta.dirname, 'scale', f);
const node = (script, ...args) => execFileSync(process.execPath, [here(script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim();

const dir = mkdtempSync(join(tmpdir(), 'logreg-parquet-'));
const file = join(dir, 'scale.parquet');
let failed = false;
try {
  let t = performance.now();
  node('generate-parquet.mjs', file, String(ROWS));
  console.log(`wrote ${(statSync(file).size / 1024 ** 3).toFixed(2)} GiB of Parquet, ${ROWS} rows × 20 features, in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const floor = JSON.parse(node('read-floor.mjs', file));
  console.log(`I/O floor: hyparquet reads and decodes the file once in ${floor.seconds.toFixed(1)} s (peak RSS ${floor.peakRssMiB.toFixed(0)} MiB)`);
  const streamed = THREADS.map((t) => JSON.parse(node('stream-parquet.mjs', file, SOLVER, String(t))));
  for (const s of streamed)
    console.log(
      `(a) streamed, ${s.threads} thread${s.threads > 1 ? 's' : ''}: ${SOLVER} ${s.nIter} iterations, ${s.passes} passes (census included) in ${s.fitSeconds.toFixed(1)} s, ` +
        `${s.secondsPerPass.toFixed(2)} s per pass = ${(s.secondsPerPass / floor.seconds).toFixed(2)} × the floor; peak RSS ${s.peakRssMiB.toFixed(0)} MiB${s.warnings.length ? '; warnings: ' + s.warnings.join(' / ') : ''}`,
    );
  const a = streamed[0];
  const b = JSON.parse(node('pushdown.mjs', file, SOLVER, JSON.stringify([...a.coef, a.intercept])));
  console.log(
    `(b) pushed down into DuckDB: ${b.nIter} iterations, ${b.passes} queries in ${b.seconds.toFixed(1)} s, ${b.secondsPerPass.toFixed(2)} s per pass ` +
      `(${(b.secondsPerPass / a.secondsPerPass).toFixed(2)} of the streamed pass); peak RSS ${b.peakRssMiB.toFixed(0)} MiB`,
  );
  const gap = Math.abs(b.otherJ - b.J) / b.J;
  console.log(`J = ${b.J} (DuckDB's optimum); the streamed fit's coefficients give J within ${gap.toExponential(1)} of it`);
  const checks = [
    [streamed.every((s) => s.converged) && b.converged, 'every fit converged'],
    [floor.rows === ROWS && streamed.every((s) => s.rows === ROWS), `all ${ROWS} rows read`],
    [streamed.every((s) => s.warnings.length === 0), 'no warnings (the shards ran on workers)'],
    [gap <= 1e-10, 'the streamed and pushed-down fits agree on J to 1e-10'],
    [streamed.every((s) => s.coef.every((c, j) => Math.abs(c - a.coef[j]) <= 1e-9 * (1 + Math.abs(c)))), 'one and two threads give the same coefficients to 1e-9'],
    [[...streamed, b].every((s) => s.peakRssMiB < RSS_LIMIT_MIB), `peak RSS under ${RSS_LIMIT_MIB} MiB in every fit`],
    [a.secondsPerPass <= 2 * floor.seconds, 'a streamed pass within 2× the time to read and decode the file once'],
  ];
  if (!report(checks)) failed = true;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? 'parquet scale test: FAILED' : 'parquet scale test: passed');
process.exitCode = failed ? 1 : 0;
