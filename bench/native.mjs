// The native reference row of the epoch table: bench/native/epoch.c (the same fused epoch as plain
// C, gcc -O3 -march=native -ffast-math: widest vectors, FMA, glibc's vector exp/log1p) against the
// wasm kernel on the same seeded data (bench/kernel-data.mjs), alternating within each round: one
// native process, then the wasm pass in this one. Each side warms up, then times the same number
// of passes twice and keeps the faster (the first wasm timing after a native process was up to
// 1.4× slower at 200000×100, its 160 MB having just been displaced); the ratio is taken within a
// round. Skipped, saying why, without a C compiler.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kernelData, kernelPasses } from './kernel-data.mjs';
import { median, fmt as f } from './stats.mjs';

export const NATIVE_FLAGS = ['-O3', '-march=native', '-ffast-math', '-fopenmp-simd'];

/** Compiles the reference; returns the binary's path, or { skipped } with the reason. */
function compile(root) {
  const cc = process.env.CC ?? 'cc';
  const dir = join(root, 'build', 'native');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'epoch');
  const r = spawnSync(cc, [...NATIVE_FLAGS, '-o', out, join(root, 'bench', 'native', 'epoch.c'), '-lm'], { encoding: 'utf8' });
  if (r.error) return { skipped: `no C compiler (${cc}: ${r.error.code})` };
  if (r.status !== 0) return { skipped: `${cc} failed: ${r.stderr.trim().split('\n')[0]}` };
  const version = spawnSync(cc, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  return { out, compiler: `${version}, ${NATIVE_FLAGS.join(' ')}` };
}

/**
 * Per size: native epoch and read-floor ns/row (medians and mins of the rounds), wasm f64 ns/row
 * in the same rounds, wasm ÷ native and native ÷ its floor as medians of per-round ratios, and
 * the relative difference of the two losses (the same data, so it measures only exp/log1p
 * accuracy and summation order).
 */
export function nativeBench(root, sizes, rounds) {
  const built = compile(root);
  if (built.skipped) return built;
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536 });
  const module = new WebAssembly.Module(readFileSync(join(root, 'build', 'kernels.wasm')));
  const ex = new WebAssembly.Instance(module, { env: { memory } }).exports;
  const rows = [];
  for (const [n, d] of sizes) {
    const p = kernelData(memory, ex.heapBase(), n, d, false);
    const { fused } = kernelPasses(ex, memory, p, n, d, false, 0);
    const reps = Math.max(3, Math.floor(2e7 / (n * d))); // as epoch.c
    for (let k = 0; k < 3; k++) fused(); // tier-up
    const native = [];
    const wasm = [];
    let loss = 0;
    for (let r = 0; r < rounds; r++) {
      const run = spawnSync(built.out, [String(n), String(d), '2'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`native epoch failed: ${run.stderr}`);
      native.push(JSON.parse(run.stdout));
      fused(); // untimed, as epoch.c warms up after starting
      let best = Infinity;
      for (let t = 0; t < 2; t++) {
        const t0 = process.hrtime.bigint();
        for (let k = 0; k < reps; k++) loss = fused();
        best = Math.min(best, Number(process.hrtime.bigint() - t0) / reps / n);
      }
      wasm.push(best);
    }
    const ratio = (f) => median(native.map((v, i) => f(v, i)));
    rows.push({
      rows: n,
      cols: d,
      nativeNs: median(native.map((v) => v.epochMinNs)),
      nativeMinNs: Math.min(...native.map((v) => v.epochMinNs)),
      floorNs: median(native.map((v) => v.floorMinNs)),
      wasmNs: median(wasm),
      wasmMinNs: Math.min(...wasm),
      wasmOverNative: ratio((v, i) => wasm[i] / v.epochMinNs),
      nativeOverFloor: ratio((v) => v.epochMinNs / v.floorMinNs),
      lossRelDiff: Math.abs(loss - native[0].loss) / Math.abs(loss),
    });
  }
  return { compiler: built.compiler, rows };
}

/** The markdown for nativeBench's result. */
export function nativeTable(result, rounds) {
  if (result.skipped) return `\nNative reference: skipped (${result.skipped}).\n`;
  let md = `\nNative reference (\`bench/native/epoch.c\`, ${result.compiler}; the same epoch in blocks of 8 rows, libmvec exp/log1p): ns per row, median of ${rounds} rounds that alternate one native process and the wasm f64 pass on the same seeded data (each side the faster of two timings), ratios within a round:\n\n`;
  md += '| rows × features | native C | native read X once | wasm f64 | wasm ÷ native | native ÷ its read floor | loss, relative difference |\n|---|---:|---:|---:|---:|---:|---:|\n';
  for (const r of result.rows) {
    md += `| ${r.rows} × ${r.cols} | ${f(r.nativeNs)} (min ${f(r.nativeMinNs)}) | ${f(r.floorNs)} | ${f(r.wasmNs)} (min ${f(r.wasmMinNs)}) | ${r.wasmOverNative.toFixed(2)} | ${r.nativeOverFloor.toFixed(2)} | ${r.lossRelDiff.toExponential(1)} |\n`;
  }
  return md;
}

/**
 * nativeBench in a fresh node process (`node bench/native.mjs --json`): in the process of the
 * other tables, with their data and heaps behind it, the wasm pass ran 1.3–1.5× slower at
 * 100000×50 and 200000×100 than in its own process, and the native one did not.
 */
export function nativeBenchApart(root, sizes, rounds) {
  const args = [join(root, 'bench', 'native.mjs'), '--json', JSON.stringify(sizes), String(rounds)];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`bench/native.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

// node bench/native.mjs: the table alone (nothing written); --json SIZES ROUNDS: the result as JSON
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(new URL('.', import.meta.url).pathname, '..');
  if (process.argv[2] === '--json') {
    console.log(JSON.stringify(nativeBench(root, JSON.parse(process.argv[3]), Number(process.argv[4]))));
  } else {
    const sizes = [[2000, 64], [20000, 20], [100000, 50], [200000, 100], [1000000, 4]];
    console.log(nativeTable(nativeBench(root, sizes, 5), 5));
  }
}
