// `npm run bench`: bundles the TypeScript benchmarks with esbuild, runs them with tinybench in
// one process (so ratios are fair), writes bench/results/epoch.json and epoch.md, and puts the
// table into README.md between the bench markers.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'bench-epoch.mjs');
await build({
  entryPoints: [join(root, 'bench', 'epoch.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
  external: ['tinybench'],
});
const { epochBench } = await import(pathToFileURL(out).href);

const quick = process.argv.includes('--quick');
const sizes = [
  [2000, 64],
  [20000, 20],
  [100000, 50],
];
const rows = await epochBench(sizes, quick ? 300 : 1500);

const machine = `${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
const when = new Date().toISOString().slice(0, 10);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'epoch.json'), JSON.stringify({ machine, date: when, rows }, null, 2) + '\n');

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
let md = `One fused gradient epoch (z = x·w + b, log loss, p, g += r·x over all rows), ns per row: median (min–max) of tinybench samples.\n`;
md += `Machine: ${machine}; ${when}; \`npm run bench\`.\n\n`;
md += '| rows × features | wasm f64 | js backend | wasm speed-up | wasm GB/s of X |\n|---|---:|---:|---:|---:|\n';
for (const [n, d] of sizes) {
  const w = rows.find((r) => r.rows === n && r.cols === d && r.variant === 'wasm f64');
  const j = rows.find((r) => r.rows === n && r.cols === d && r.variant === 'js backend');
  const cell = (r) => `${fmt(r.nsPerRow.median)} (${fmt(r.nsPerRow.min)}–${fmt(r.nsPerRow.max)})`;
  md += `| ${n} × ${d} | ${cell(w)} | ${cell(j)} | ${(j.nsPerRow.median / w.nsPerRow.median).toFixed(2)}× | ${w.gbPerS.toFixed(2)} |\n`;
}
writeFileSync(join(root, 'bench', 'results', 'epoch.md'), md);
console.log(md);

const readmePath = join(root, 'README.md');
const start = '<!-- bench:epoch:start -->';
const end = '<!-- bench:epoch:end -->';
try {
  const readme = readFileSync(readmePath, 'utf8');
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a >= 0 && b > a && !quick) {
    writeFileSync(readmePath, readme.slice(0, a + start.length) + '\n' + md + readme.slice(b));
    console.log('README.md benchmark table updated');
  }
} catch {
  // no README: nothing to update
}
