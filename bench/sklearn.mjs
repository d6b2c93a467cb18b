// `npm run bench:sklearn`: time to solution side by side with scikit-learn. For each problem both
// sides pick their fastest solver at the loosest tolerance that gets J within 1e-8 of the optimum
// (bench/sklearn/ours.ts, bench/sklearn/side.py), then ROUNDS rounds interleave the two sides at 1
// and 2 threads; the table gives median (min–max) per side and the ratio of medians.
// Needs Debian's python3-sklearn (PYTHON overrides /usr/bin/python3).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { median } from './stats.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const THREAD_REPEATS = Number(process.env.THREAD_REPEATS ?? 100);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'bench-sklearn.mjs');
await build({ entryPoints: [join(root, 'bench', 'sklearn', 'ours.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const ours = await import(pathToFileURL(out).href);

const python = process.env.PYTHON ?? '/usr/bin/python3';
const dir = join(os.tmpdir(), 'logreg-bench-sklearn');
mkdirSync(dir, { recursive: true });
const specFile = join(dir, 'spec.json');
/** Runs side.py in `mode` with BLAS on `threads` threads; one JSON object per output line. */
function side(mode, spec, threads = 1) {
  if (spec) writeFileSync(specFile, JSON.stringify(spec));
  const env = { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads) };
  const text = execFileSync(python, [join(root, 'bench', 'sklearn', 'side.py'), mode, dir, specFile], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

const log = (s) => process.stderr.write(`${s}\n`);
ours.writeData(dir);
side('export', null);
const problems = ours.PROBLEMS.map((p) => ({ ...p }));

log('reference optima …');
const pyRef = side('reference', problems);
for (const [i, p] of problems.entries()) p.jStar = Math.min(ours.reference(dir, p), pyRef[i].J);

log('choosing solvers …');
const pyChoice = side('select', problems);
const choices = problems.map((p, i) => ({ ours: ours.select(dir, p, p.jStar), sklearn: pyChoice[i].choice }));
for (const [i, p] of problems.entries()) log(`  ${p.name}: ours ${JSON.stringify(choices[i].ours)}, scikit-learn ${JSON.stringify(choices[i].sklearn)}`);

const times = problems.map(() => ({ ours1: [], sk1: [], ours2: [], sk2: [] }));
for (let r = 0; r < ROUNDS; r++) {
  log(`round ${r + 1} of ${ROUNDS} …`);
  for (const threads of [1, 2]) {
    const timed = problems.filter((_, i) => choices[i].ours && choices[i].sklearn);
    const py = side('time', timed.map((p) => ({ ...p, choice: choices[problems.indexOf(p)].sklearn })), threads);
    for (const [k, p] of timed.entries()) {
      const i = problems.indexOf(p);
      times[i][`sk${threads}`].push(py[k].ms);
      times[i][`ours${threads}`].push(ours.timeOnce(dir, p, choices[i].ours, threads).ms);
    }
  }
}

const f = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const cell = (v, solver) => (v.length ? `${solver} ${f(median(v))} (${f(Math.min(...v))}–${f(Math.max(...v))})` : 'n/a');
const ratio = (a, b) => (a.length && b.length ? (median(a) / median(b)).toFixed(2) : 'n/a');
const machine = `${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
const skVersion = execFileSync(python, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' }).trim();
let md = `Time to solution against scikit-learn ${skVersion}: wall time of one fit in ms (data copied in included) with each side's fastest solver at the loosest tolerance that gets J within 1e-8 of the optimum, median (min–max) of ${ROUNDS} interleaved rounds, each after a warm-up fit (which also starts this package's workers); ratio = this package ÷ scikit-learn (below 1: faster). scikit-learn's threads are BLAS threads (OPENBLAS_NUM_THREADS).\n`;
md += `Machine: ${machine}; ${new Date().toISOString().slice(0, 10)}; \`npm run bench:sklearn\`.\n\n`;
md += '| problem | this package, 1 thread | scikit-learn, 1 thread | ratio | this package, 2 threads | scikit-learn, 2 threads | ratio |\n|---|---|---|---:|---|---|---:|\n';
for (const [i, p] of problems.entries()) {
  const t = times[i];
  const { ours: o, sklearn: s } = choices[i];
  md += `| ${p.name} | ${cell(t.ours1, o?.solver)} | ${cell(t.sk1, s?.solver)} | ${ratio(t.ours1, t.sk1)} | ${cell(t.ours2, o?.solver)} | ${cell(t.sk2, s?.solver)} | ${ratio(t.ours2, t.sk2)} |\n`;
}
md += `\nTolerances chosen: ${problems.map((p, i) => `${p.name}: ${choices[i].ours?.tol ?? '–'} / ${choices[i].sklearn?.tol ?? '–'}`).join('; ')}.\n`;
log('predictProba …');
const pred = [1, 2].map((threads) => ({ threads, ours: ours.predictMs(dir, threads), sklearn: side('predict', null, threads)[0].ms }));
md += `\n\`predictProba\` on 1000000 × 20 (float64, this package from a Float64Array, scikit-learn's \`predict_proba\` from a NumPy array): median of 15 calls in ms.\n\n| threads | this package | scikit-learn | ratio |\n|---:|---:|---:|---:|\n`;
for (const p of pred) md += `| ${p.threads} | ${f(p.ours)} | ${f(p.sklearn)} | ${(p.ours / p.sklearn).toFixed(2)} |\n`;
log('cross-validation …');
const cvRows = ours.CV_PROBLEMS.map((p) => ({ ...p, ...Object.fromEntries([1, 2].flatMap((t) => [[`ours${t}`, ours.cvMs(dir, p.data, t)], [`sk${t}`, side('cv', [p], t)[0].ms]])) }));
md += `\nCross-validated C: \`LogisticRegressionCV\` with 10 values of C and 5 stratified folds, each side's defaults (this package: solver 'auto', tol 1e-6, warm-started paths; scikit-learn: lbfgs, tol 1e-4, \`n_jobs=1\`): median of 5 fits in ms.\n\n| problem | this package, 1 thread | scikit-learn, 1 thread | ratio | this package, 2 threads | scikit-learn, 2 threads | ratio |\n|---|---:|---:|---:|---:|---:|---:|\n`;
for (const r of cvRows) md += `| ${r.name} | ${f(r.ours1)} | ${f(r.sk1)} | ${(r.ours1 / r.sk1).toFixed(2)} | ${f(r.ours2)} | ${f(r.sk2)} | ${(r.ours2 / r.sk2).toFixed(2)} |\n`;
log('2 threads against 1 …');
const thr = ours.threadsRows(dir, THREAD_REPEATS);
md += `\n2 threads against 1 in this package, fit by fit (solver 'auto', the two models alternating, ${THREAD_REPEATS} fits each, ${Math.max(10, Math.round(THREAD_REPEATS / 5))} above 100 ms a fit): medians in ms, their ratio, the slowest fit over the 1-thread median and how many fits were more than 5% slower than it, for the 2-thread fits and (the machine's own noise) the 1-thread ones.\n\n`;
md += '| problem | solver | 1 thread | 2 threads | ratio | slowest ÷ 1-thread median: 2 threads / 1 thread | fits > 1.05×: 2 threads / 1 thread |\n|---|---|---:|---:|---:|---:|---:|\n';
for (const r of thr) md += `| ${r.name} | ${r.solver} | ${f(r.one)} | ${f(r.two)} | ${(r.two / r.one).toFixed(2)} | ${r.worst.toFixed(2)} / ${r.worstOne.toFixed(2)} | ${r.over5} / ${r.over5One} of ${r.repeats} |\n`;
console.log(md);
if (!process.argv.includes('--no-save')) {
  writeFileSync(join(root, 'bench', 'results', 'sklearn.md'), md);
  writeFileSync(join(root, 'bench', 'results', 'sklearn.json'), JSON.stringify({ machine, problems, choices, times, predict: pred, cv: cvRows, threads: thr }, null, 1));
}
