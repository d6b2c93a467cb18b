// `npm run bench`: bundles the TypeScript benchmarks with esbuild, runs them with tinybench in
// one process (so ratios are fair) and writes the tables to bench/results/*.{json,md} (bench/README.md
// says how to read them; the README links to them).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { nativeBenchApart, nativeTable } from './native.mjs';
import { placementSpread, placementTable } from './placements.mjs';
import { fmt, median, withRange } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'bench.mjs');
await build({
  entryPoints: [join(root, 'bench', 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
  external: ['tinybench', 'ml-matrix', 'ml-logistic-regression', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
});
const { epochBench, loadTimes, poolHandoff, VARIANTS, ROUNDS, solverBench, libraryBench, synthetic, breastCancer, softmaxBench, softmaxVariant, SOFTMAX_CLASSES } = await import(pathToFileURL(out).href);

const quick = process.argv.includes('--quick');
const sizes = [
  [2000, 64],
  [20000, 20],
  [100000, 50],
  ...(quick ? [] : [[200000, 100], [1000000, 4]]),
];
const rows = await epochBench(sizes, quick ? 300 : 1500);
/** The median over rounds of a ÷ b within each round (a, b: the per-round times of two variants). */
const medianRatio = (a, b) => median(a.map((v, i) => v / b[i]));

const machine = `${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
const when = new Date().toISOString().slice(0, 10);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
/** bench/results/<name>; --quick runs (small sizes, short timings) leave the committed results alone. */
const saveResult = (name, text) => {
  if (!quick) writeFileSync(join(root, 'bench', 'results', name), text);
};
const wasmBytes = readFileSync(join(root, 'build', 'kernels.wasm'));
const load = loadTimes(new Uint8Array(wasmBytes));
const distSize = (f) => statSync(join(root, 'dist', f)).size;
const entryBytes = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js') && !['cli.js', 'worker.js', 'ml.js'].includes(f)).reduce((s, f) => s + distSize(f), 0);

let md = `One fused gradient epoch (z = x·w + b, log loss, p, g += r·x over all rows), ns per row: median (min–max) over ${ROUNDS} rounds of each round's tinybench median; the rounds interleave the variants. `;
md += `"2 threads": the same pass split between this thread and one worker on a shared memory; "SGD batches of 32": one epoch of minibatch SGD as the solvers run it (all batches and updates in one kernel call, no loss value), rows in stored order or in a fresh permutation; "full epoch" = the wasm f64 column.\n`;
md += `Machine: ${machine}; ${when}; \`npm run bench\`.\n\n`;
md += `| rows × features | ${VARIANTS.join(' | ')} |\n|---|${VARIANTS.map(() => '---:').join('|')}|\n`;
const get = (n, d, v) => rows.find((r) => r.rows === n && r.cols === d && r.variant === v);
/** An epoch-table cell: ns/row, median (min–max) over the rounds. */
const cell = (r) => withRange(r.nsPerRow.median, r.nsPerRow.min, r.nsPerRow.max);
for (const [n, d] of sizes) {
  md += `| ${n} × ${d} | ${VARIANTS.map((v) => cell(get(n, d, v))).join(' | ')} |\n`;
}
// the issue's targets as ratios of medians from the same run
const ratios = [
  ['wasm f64 vs js backend', 'js backend', 'wasm f64', '×'],
  ['wasm f32 vs js backend', 'js backend', 'wasm f32 storage', '×'],
  ['2 threads vs js backend', 'js backend', 'wasm f64, 2 threads', '×'],
  ['f32, 2 threads vs js backend', 'js backend', 'wasm f32, 2 threads', '×'],
  ['2 threads vs 1 (f64)', 'wasm f64', 'wasm f64, 2 threads', '×'],
  ['2 threads vs 1 (f32)', 'wasm f32 storage', 'wasm f32, 2 threads', '×'],
  ['wasm f64 ÷ read floor', 'wasm f64', 'read X once (wasm sum)'],
  ['2 threads f32 ÷ read floor', 'wasm f32, 2 threads', 'read X once (wasm sum)'],
  ['SGD stored order ÷ full epoch', 'SGD batches of 32, stored order', 'wasm f64'],
  ['SGD stored order ÷ gradient-only pass', 'SGD batches of 32, stored order', 'wasm f64, gradient only'],
  ['SGD shuffled ÷ full epoch', 'SGD batches of 32, shuffled rows', 'wasm f64'],
];
md += `\nRatios, each the median over the rounds of the ratio within a round (speed-ups as ×; "÷" = time over time):\n\n`;
md += `| rows × features | ${ratios.map((r) => r[0]).join(' | ')} | wasm f64 GB/s of X |\n|---|${ratios.map(() => '---:').join('|')}|---:|\n`;
for (const [n, d] of sizes) {
  const cells = ratios.map(([, a, b, unit = '']) => `${medianRatio(get(n, d, a).rounds, get(n, d, b).rounds).toFixed(2)}${unit}`);
  md += `| ${n} × ${d} | ${cells.join(' | ')} | ${get(n, d, 'wasm f64').gbPerS.toFixed(1)} |\n`;
}
// how far where V8 puts the code moves the fused pass and the read floor, and the pass in cache
// the testing build: the shipped kernels plus sumAll, the read floor
const placement = placementSpread(readFileSync(join(root, 'build', 'kernels.testing.wasm')), sizes, ROUNDS);
md += placementTable(placement, ROUNDS);
// the multinomial pass on both backends
const softRows = await softmaxBench(sizes, quick ? 300 : 1500);
const softCols = SOFTMAX_CLASSES.flatMap((k) => ['wasm', 'wasm f32', 'js backend'].map((b) => softmaxVariant(k, b)));
// per k: wasm (f64) vs js, and float32 storage vs float64 (speed-ups within a round)
const softRatios = SOFTMAX_CLASSES.flatMap((k) => [
  [`k = ${k}: wasm vs js`, softmaxVariant(k, 'js backend'), softmaxVariant(k, 'wasm')],
  [`k = ${k}: f32 vs f64`, softmaxVariant(k, 'wasm'), softmaxVariant(k, 'wasm f32')],
]);
md += `\nOne multinomial pass (k margins per row, the stable log-sum-exp loss, G += r·xᵀ; \`softmaxGrad\`, \`softmaxGradF32\` and the js counterpart), ns per row, median (min–max) over ${ROUNDS} rounds, and speed-ups as the median of the ratios within a round:\n\n`;
md += `| rows × features | ${softCols.join(' | ')} | ${softRatios.map((r) => r[0]).join(' | ')} |\n|---|${[...softCols, ...softRatios].map(() => '---:').join('|')}|\n`;
for (const [n, d] of sizes) {
  const at = (v) => softRows.find((r) => r.rows === n && r.cols === d && r.variant === v);
  const speedup = ([, slow, fast]) => `${medianRatio(at(slow).rounds, at(fast).rounds).toFixed(2)}×`;
  md += `| ${n} × ${d} | ${softCols.map((v) => cell(at(v))).join(' | ')} | ${softRatios.map(speedup).join(' | ')} |\n`;
}
// the native reference, in a process of its own (a C compiler is needed; the table says so when
// there is none)
const native = nativeBenchApart(root, sizes, ROUNDS);
md += nativeTable(native, ROUNDS);
const handoff = poolHandoff();
md += `\nThread hand-off (a pass of 2 × 8 rows through the pool, median of 200): ${handoff.spinningUs.toFixed(1)} µs to a worker still spinning, ${handoff.sleepingUs.toFixed(1)} µs to one asleep in Atomics.wait.\n`;
md += `\nLoad: kernels.wasm ${wasmBytes.length} bytes, compile ${load.compileMs.toFixed(2)} ms + instantiate ${load.instantiateMs.toFixed(2)} ms (median of 21); ESM entry with chunks ${(entryBytes / 1024).toFixed(0)} KB unminified.\n`;
saveResult('epoch.json', JSON.stringify({ machine, date: when, rows, placement, softmax: softRows, native, load, sizes: { wasm: wasmBytes.length, esmEntry: entryBytes } }, null, 2) + '\n');
saveResult('epoch.md', md);
console.log(md);


// time to solution
const only = process.argv.includes('--epoch-only');
if (!only) {
  const datasets = [breastCancer(), synthetic(20000, 20, 1), synthetic(100000, 50, 2), ...(quick ? [] : [synthetic(200000, 100, 3)])];
  const configs = [
    { label: 'lbfgs', opts: { solver: 'lbfgs' } },
    { label: 'newton', opts: { solver: 'newton' } },
    { label: 'gd', opts: { solver: 'gd' } },
    { label: 'nesterov', opts: { solver: 'nesterov' } },
    { label: 'saga (batch 32)', opts: { solver: 'saga', batchSize: 32 } },
    { label: 'sgd (batch 32, invscaling)', opts: { solver: 'sgd', batchSize: 32, learningRateSchedule: 'invscaling' } },
    { label: 'adam (batch 256)', opts: { solver: 'adam', batchSize: 256 } },
    { label: 'lbfgs, js backend', opts: { solver: 'lbfgs', backend: 'js' } },
    { label: 'newton, js backend', opts: { solver: 'newton', backend: 'js' } },
  ];
  const budget = quick ? 1000 : 8000;
  const srows = solverBench(datasets, configs, budget, quick ? 2 : 5);
  saveResult('solvers.json', JSON.stringify({ machine, date: when, budgetMs: budget, rows: srows }, null, 2) + '\n');
  const names = datasets.map((d) => d.name);
  let t = `Time to solution: wall time of \`fit()\` (copying the data in included) until J is within 1e-8 relative of the optimum (C = 1, l2), `;
  t += `median (min–max) of up to 5 runs, iterations or epochs in brackets; "—" = not within ${budget / 1000} s (final relative gap shown).\n`;
  t += `Machine: ${machine}; ${when}; \`npm run bench\`.\n\n`;
  t += `| solver | ${names.join(' | ')} |\n|---|${names.map(() => '---:').join('|')}|\n`;
  for (const { label } of configs) {
    const cells = names.map((n) => {
      const r = srows.find((x) => x.dataset === n && x.solver === label);
      if (!r.reached) return `— (gap ${r.finalGap.toExponential(1)} after ${r.iterations})`;
      return `${fmt(r.ms.median)} ms (${fmt(r.ms.min)}–${fmt(r.ms.max)}) [${r.iterations}]`;
    });
    t += `| ${label} | ${cells.join(' | ')} |\n`;
  }
  saveResult('solvers.md', t);
  console.log(t);
}

// against the JS libraries (skipped with --no-libs)
if (!only && !process.argv.includes('--no-libs')) {
  const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
  const { createRequire } = await import('node:module');
  const req = createRequire(import.meta.url);
  setWasmPaths(dirname(req.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
  const silence = console.log;
  const datasets = quick ? [synthetic(20000, 20, 1)] : [synthetic(20000, 20, 1), synthetic(100000, 50, 2), synthetic(200000, 100, 3)];
  const budget = quick ? 2000 : 20000;
  console.log = (...a) => (String(a[0]).includes('TensorFlow.js in Node.js') || String(a[0]).startsWith('=====') ? undefined : silence(...a));
  const lrows = await libraryBench(datasets, budget);
  console.log = silence;
  saveResult('libraries.json', JSON.stringify({ machine, date: when, budgetMs: budget, rows: lrows }, null, 2) + '\n');
  const names = datasets.map((d) => d.name);
  const libs = [...new Set(lrows.map((r) => r.library))];
  let t = `Time to solution against JS libraries: unpenalised log loss with an intercept (the problem all of them express; breast-cancer is left out, being linearly separable it has no unpenalised optimum), `;
  t += `until J is within 1e-6 relative of the optimum; "—" = not within ${budget / 1000} s (relative gap reached). `;
  t += `logreg-wasm and TF.js: time of the optimisation steps; ml-logistic-regression: the first numSteps (doubling from 50) that gets there, as a user must choose it in advance.\n`;
  t += `Machine: ${machine}; ${when}; \`npm run bench\`.\n\n`;
  t += `| library (settings) | ${names.join(' | ')} |\n|---|${names.map(() => '---:').join('|')}|\n`;
  for (const lib of libs) {
    const settings = lrows.find((r) => r.library === lib).settings;
    const cells = names.map((n) => {
      const r = lrows.find((x) => x.dataset === n && x.library === lib);
      return r.reached ? `${fmt(r.ms)} ms [${r.steps}]` : `— (gap ${r.finalGap.toExponential(1)} after ${r.steps})`;
    });
    t += `| ${lib} (${settings}) | ${cells.join(' | ')} |\n`;
  }
  const ratio = names.map((n) => {
    const w = lrows.find((x) => x.dataset === n && x.library === 'logreg-wasm (wasm)');
    const others = lrows.filter((x) => x.dataset === n && !x.library.startsWith('logreg-wasm') && x.reached);
    return others.length ? `${n}: ${others.map((o) => `${(o.ms / w.ms).toFixed(0)}× faster than ${o.library}`).join(', ')}` : `${n}: no other library reached the target`;
  });
  t += `\n${ratio.join('; ')}.\n`;
  saveResult('libraries.md', t);
  console.log(t);
}
