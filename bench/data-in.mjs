// `npm run bench:data`: the copies that bring data in (bench/data-in/copies.ts), ns per value,
// median (min–max) over ROUNDS rounds that interleave them; writes bench/results/data-in.md.
// The Parquet and DuckDB passes are measured by `npm run test:scale` (docs/data-sources.md).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';
import { median } from './stats.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'build', 'bench-data-in.mjs');
await build({ entryPoints: [join(root, 'bench', 'data-in', 'copies.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' });
const { copyRound } = await import(pathToFileURL(bundle).href);

const sizes = [[1000000, 20], [200000, 100], [20000, 20]];
const f = (v) => v.toFixed(2);
const cell = (v) => `${f(median(v))} (${f(Math.min(...v))}–${f(Math.max(...v))})`;
let md = `ns per value: median (min–max) over ${ROUNDS} interleaved rounds. `;
md += '"set": `Float64Array.set` of the row-major values into a preallocated array (the floor); "row-major input": a fit\'s copy of `{ data, rows, cols }` into wasm memory (allocation, a block copy, the NaN/±Infinity check in wasm, the labels); ';
md += '"Arrow columns": the same from an apache-arrow Table\'s Float64 columns (each block\'s columns set into a staging area and transposed in wasm, then the same check).\n';
md += `Machine: ${os.cpus()[0]?.model?.trim()}, ${os.cpus().length} cores, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; \`npm run bench:data\`.\n\n`;
md += '| rows × features | set | row-major input | Arrow columns | Arrow ÷ set |\n|---|---:|---:|---:|---:|\n';
for (const [n, d] of sizes) {
  const r = { set: [], rowMajor: [], arrow: [], ratio: [] };
  for (let k = 0; k < ROUNDS; k++) {
    const t = copyRound(n, d);
    for (const key of ['set', 'rowMajor', 'arrow']) r[key].push(t[key]);
    r.ratio.push(t.arrow / t.set);
  }
  md += `| ${n} × ${d} | ${cell(r.set)} | ${cell(r.rowMajor)} | ${cell(r.arrow)} | ${cell(r.ratio)} |\n`;
  process.stderr.write(`${n} × ${d} done\n`);
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'data-in.md'), md);
console.log(md);
