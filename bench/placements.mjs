// How much the placement of compiled code alone moves the kernels' speed: kernels.wasm compiled
// COPIES times (a custom section makes each copy a module of its own, so V8 puts its code at
// addresses of its own), all copies on one memory and one data set, every round timing each copy's
// fused pass (log loss, as the epoch table's "wasm f64") and its read of X (sumAll). A process gets
// one such placement, so the spread across copies is how far one run's figures for a size can sit
// from another's on the same machine with the same code (see bench/ab.mjs).
// Alone: `node bench/placements.mjs` (after a build; SIZES='[[n, d], ...]' for other sizes).
import { readFileSync } from 'node:fs';
import { kernelData, kernelPasses, compiledCopy } from './kernel-data.mjs';

export const COPIES = 8;

const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];

/** Per size: each copy's median ns/row (fused pass, read floor, and their ratio) over `rounds`. */
export function placementSpread(wasmBytes, sizes, rounds) {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536 });
  const copies = Array.from(
    { length: COPIES },
    (_, c) => new WebAssembly.Instance(compiledCopy(wasmBytes, 'placement', [c]), { env: { memory } }).exports,
  );
  const out = [];
  for (const [n, d] of sizes) {
    const p = kernelData(memory, copies[0].heapBase(), n, d, false);
    const passes = copies.map((ex) => kernelPasses(ex, memory, p, n, d, false, 0));
    const reps = Math.max(3, Math.round(2e7 / (n * d)));
    const time = (f) => {
      const t = performance.now();
      for (let r = 0; r < reps; r++) f();
      return ((performance.now() - t) / reps / n) * 1e6;
    };
    const fused = copies.map(() => []);
    const floor = copies.map(() => []);
    for (let round = 0; round <= rounds; round++) {
      for (let q = 0; q < COPIES; q++) {
        const c = (q + round) % COPIES; // the order rotates, so no copy always runs first
        const f = time(passes[c].fused);
        const s = time(() => copies[c].sumAll(p.X, n * d));
        if (round > 0) {
          // round 0 lets every copy tier up
          fused[c].push(f);
          floor[c].push(s);
        }
      }
    }
    const f = fused.map(median);
    const s = floor.map(median);
    out.push({ rows: n, cols: d, fused: f, floor: s, ratio: f.map((v, c) => v / s[c]) });
  }
  return out;
}

/** The markdown table of placementSpread's rows: median (min–max) over the copies. */
export function placementTable(rows, rounds) {
  const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const cell = (v, f = fmt) => `${f(median(v))} (${f(Math.min(...v))}–${f(Math.max(...v))})`;
  let md = `\nPlacement: the same kernels.wasm compiled ${COPIES} times in one process (each copy's code at addresses of its own), each copy's fused pass (log loss) and read of X timed in ${rounds} interleaved rounds; ns per row, median (min–max) over the copies of each copy's median. One process runs one placement, so this is how far a figure above can move between runs for that reason alone (\`bench/placements.mjs\`):\n\n`;
  md += `| rows × features | fused pass | read X once | fused ÷ read floor | slowest ÷ fastest copy |\n|---|---:|---:|---:|---:|\n`;
  for (const r of rows) {
    const spread = (Math.max(...r.fused) / Math.min(...r.fused)).toFixed(2);
    md += `| ${r.rows} × ${r.cols} | ${cell(r.fused)} | ${cell(r.floor)} | ${cell(r.ratio, (v) => v.toFixed(2))} | ${spread} |\n`;
  }
  return md;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.env.SIZES ? JSON.parse(process.env.SIZES) : [[2000, 64], [20000, 20], [100000, 50], [200000, 100], [1000000, 4]];
  const bytes = readFileSync(new URL('../build/kernels.wasm', import.meta.url));
  console.log(placementTable(placementSpread(bytes, sizes, 5), 5));
}
