// `npm run bench:auto`: the table behind solver 'auto' (bench/auto-rule.ts), printed and written
// to bench/results/auto-rule.md.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'bench-auto-rule.mjs');
await build({ entryPoints: [join(root, 'bench', 'auto-rule.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const { autoRuleGrid, SOLVERS, CAP_MS } = await import(pathToFileURL(out).href);

const rows = autoRuleGrid();
const f = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const cell = (c) => (c.capped ? `> ${CAP_MS / 1000} s (${c.iterations} it, stopped)` : `${f(c.ms)} ms (${c.iterations} it${c.converged ? '' : ', not converged'})`);
const machine = `${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
let md = `Fit time at the default tol (1e-6), best of 3, one thread, data copied in included; "raw": the same columns scaled by 1 + 30·(j mod 7) and offset by 50·(j mod 3). The auto column names what it chose.\n`;
md += `Machine: ${machine}; ${new Date().toISOString().slice(0, 10)}; \`npm run bench:auto\`.\n\n`;
md += `| data | ${SOLVERS.join(' | ')} |\n|---|${SOLVERS.map(() => '---').join('|')}|\n`;
for (const r of rows) md += `| ${r.name} | ${r.cells.map((c, i) => (SOLVERS[i] === 'auto' ? `${c.solver}: ${cell(c)}` : cell(c))).join(' | ')} |\n`;
console.log(md);
if (!process.argv.includes('--no-save')) writeFileSync(join(root, 'bench', 'results', 'auto-rule.md'), md);
