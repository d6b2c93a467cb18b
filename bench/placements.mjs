// How much the placement of compiled code alone moves the kernels' speed: kernels.wasm compiled
// COPIES times (a custom section makes each copy a module of its own, so V8 puts its code at
// addresses of its own), all copies on one memory and one data set, every round timing each copy's
// fused pass (log loss, as the epoch table's "wasm f64"), the same pass over at most 512 KiB of rows
// (cachedRows: repeated, they stay in cache, so it times the pass's own work) and its read of X
// (sumAll). A process gets one such placement, so the spread across copies is how far one run's
// figures for a size can sit from another's on the same machine with the same code (see
// bench/ab.mjs); in cache ÷ read floor is how close the pass could come to the floor if its
// memory access overlapped its work perfectly.
// Alone: `node bench/placements.mjs` (after a build; SIZES='[[n, d], ...]' for other sizes).
import { readFileSync } from 'node:fs';
import { kernelData, kernelPasses, compiledCopy } from './kernel-data.mjs';
import { median, fmt, withRange } from './stats.mjs';

export const COPIES = 8;

/**
 * Rows of d float64 values that fit in 512 KiB (all n when X is smaller): the same pass over them,
 * repeated, runs from cache, so its time is the pass's own work with memory taken out.
 */
export const cachedRows = (n, d) => Math.min(n, Math.max(8, Math.floor((1 << 19) / (8 * d))));

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
    const m = cachedRows(n, d);
    const passes = copies.map((ex) => kernelPasses(ex, memory, p, n, d, false, 0));
    const cachedPasses = copies.map((ex) => kernelPasses(ex, memory, p, m, d, false, 0));
    const time = (f, rows) => {
      const reps = Math.max(3, Math.round(2e7 / (rows * d)));
      const t = performance.now();
      for (let r = 0; r < reps; r++) f();
      return ((performance.now() - t) / reps / rows) * 1e6;
    };
    const fused = copies.map(() => []);
    const cached = copies.map(() => []);
    const floor = copies.map(() => []);
    for (let round = 0; round <= rounds; round++) {
      for (let q = 0; q < COPIES; q++) {
        const c = (q + round) % COPIES; // the order rotates, so no copy always runs first
        const f = time(passes[c].fused, n);
        const s = time(() => copies[c].sumAll(p.X, n * d), n);
        const h = time(cachedPasses[c].fused, m);
        if (round > 0) {
          // round 0 lets every copy tier up
          fused[c].push(f);
          floor[c].push(s);
          cached[c].push(h);
        }
      }
    }
    const f = fused.map(median);
    const s = floor.map(median);
    const h = cached.map(median);
    out.push({ rows: n, cols: d, cachedRows: m, fused: f, cached: h, floor: s, ratio: f.map((v, c) => v / s[c]), cachedRatio: h.map((v, c) => v / s[c]) });
  }
  return out;
}

/** The markdown table of placementSpread's rows: median (min–max) over the copies. */
export function placementTable(rows, rounds) {
  const cell = (v, f = fmt) => withRange(median(v), Math.min(...v), Math.max(...v), f);
  let md = `\nPlacement: the same kernels.wasm compiled ${COPIES} times in one process (each copy's code at addresses of its own), each copy's fused pass (log loss), the same pass over the first rows only (at most 512 KiB of X, repeated, so they stay in cache: the pass's own work without memory access) and the read of X timed in ${rounds} interleaved rounds; ns per row, median (min–max) over the copies of each copy's median. One process runs one placement, so this is how far a figure above can move between runs for that reason alone (\`bench/placements.mjs\`):\n\n`;
  md += `| rows × features | fused pass | same pass in cache (rows) | read X once | fused ÷ read floor | in cache ÷ read floor | slowest ÷ fastest copy |\n|---|---:|---:|---:|---:|---:|---:|\n`;
  const ratio = (v) => cell(v, (x) => x.toFixed(2));
  for (const r of rows) {
    const spread = (Math.max(...r.fused) / Math.min(...r.fused)).toFixed(2);
    md += `| ${r.rows} × ${r.cols} | ${cell(r.fused)} | ${cell(r.cached)} (${r.cachedRows}) | ${cell(r.floor)} | ${ratio(r.ratio)} | ${ratio(r.cachedRatio)} | ${spread} |\n`;
  }
  return md;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.env.SIZES ? JSON.parse(process.env.SIZES) : [[2000, 64], [20000, 20], [100000, 50], [200000, 100], [1000000, 4]];
  // the testing build: the shipped kernels plus sumAll, the read floor
  const bytes = readFileSync(new URL('../build/kernels.testing.wasm', import.meta.url));
  console.log(placementTable(placementSpread(bytes, sizes, 5), 5));
}
