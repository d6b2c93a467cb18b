// One fused gradient epoch (z = x·w + b, loss, p, g += r·x over every row) in every variant,
// measured in one process so the ratios are fair.
import { Bench } from 'tinybench';
import { kernelsFor } from '../src/engine/select.js';
import { jsKernels } from '../src/engine/js.js';
import { matrixSource } from '../src/data/matrix.js';
import { initSync, wasmRuntime } from '../src/wasm/load.js';
import { naiveEpoch } from './naive.js';
import { Rng } from '../src/optim/rng.js';
import { Region } from '../src/wasm/heap.js';
import { startThreadsSync } from '../src/engine/threads/runtime.js';
import { wasmKernels } from '../src/engine/wasm.js';
import { readFileSync } from 'node:fs';
import type { TestingExports } from '../src/wasm/exports.js';

export interface EpochRow {
  rows: number;
  cols: number;
  variant: string;
  /** Median, min and max over the rounds of each round's median. */
  nsPerRow: { median: number; min: number; max: number };
  /** Each round's median (rounds interleave the variants, so ratios are taken per round). */
  rounds: number[];
  gbPerS: number;
  samples: number;
}

/** Rounds per size: every variant runs once per round, so a machine slowing down mid-run hits all. */
export const ROUNDS = 5;

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];

export const VARIANTS = [
  'wasm f64',
  'wasm f64, gradient only',
  'wasm f32 storage',
  'wasm f64, 2 threads',
  'wasm f32, 2 threads',
  'SGD batches of 32, stored order',
  'SGD batches of 32, shuffled rows',
  'js backend',
  'naive JS (number[][])',
  'read X once (wasm sum)',
];

export function data(n: number, d: number, seed: number) {
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
  const X = new Float64Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = rand() * 2;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = rand() > 0 ? 1 : 0;
  const w = Float64Array.from({ length: d }, () => rand() * 0.2);
  return { X, y, w };
}

/**
 * The tasks, all on one n × d data set, in ROUNDS rounds of tinybench (timeMs in all), each
 * round running every task: one row per task with each round's median in ns per row.
 * iterations: the fewest runs of a task per round (tinybench's default, 64, unless given).
 */
export async function interleaved(
  tasks: [string, () => void][], n: number, d: number, timeMs: number, iterations?: number,
): Promise<EpochRow[]> {
  const perRound = new Map<string, number[]>(tasks.map(([name]) => [name, []]));
  let samples = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: timeMs / ROUNDS, warmup: round === 0, warmupIterations: 10, ...(iterations ? { iterations } : {}) });
    for (const [name, fn] of tasks) bench.add(name, fn);
    await bench.run();
    for (const task of bench.tasks) {
      const lat = (task.result as unknown as { latency: { p50: number; samplesCount?: number; samples?: number[] } }).latency;
      perRound.get(task.name)!.push((lat.p50 * 1e6) / n);
      samples += lat.samplesCount ?? lat.samples?.length ?? 0;
    }
  }
  return [...perRound].map(([name, r]) => {
    const med = median(r);
    return {
      rows: n,
      cols: d,
      variant: name,
      nsPerRow: { median: med, min: Math.min(...r), max: Math.max(...r) },
      rounds: r,
      gbPerS: (8 * d) / med,
      samples,
    };
  });
}

export async function epochBench(sizes: [number, number][], timeMs: number): Promise<EpochRow[]> {
  initSync();
  const rt = wasmRuntime()!;
  // the read floor (sumAll) lives in the testing build: instantiated on the same memory, over the
  // same X; its static data is the shipped build's (same heapBase), so instantiating it rewrites
  // those bytes unchanged
  const probes = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(new URL('../build/kernels.testing.wasm', import.meta.url))), {
    env: { memory: rt.heap.memory },
  }).exports as unknown as TestingExports;
  if (probes.heapBase() !== rt.exports.heapBase()) throw new Error('bench: the testing build does not lay out memory as kernels.wasm does');
  const started = startThreadsSync(2);
  if (!('runtime' in started)) throw new Error(`bench: no threads: ${started.reason}`);
  const threaded = wasmKernels(started.runtime);
  const out: EpochRow[] = [];
  for (const [n, d] of sizes) {
    const { X, y, w } = data(n, d, n + d);
    const src = () => matrixSource({ data: X, rows: n, cols: d });
    const wasm = kernelsFor('wasm').dataset(src(), y, null);
    const js = jsKernels.dataset(src(), y, null);
    const X32 = Float32Array.from(X);
    const f32 = kernelsFor('wasm').dataset(matrixSource({ data: X32, rows: n, cols: d }), y, null, 'float32');
    const two = threaded.dataset(src(), y, null);
    const two32 = threaded.dataset(matrixSource({ data: X32, rows: n, cols: d }), y, null, 'float32');
    const rows = Array.from({ length: n }, (_, i) => Array.from(X.subarray(i * d, i * d + d)));
    const yArr = Array.from(y);
    const wArr = Array.from(w);
    const gArr = new Array(d + 1).fill(0);
    const g = new Float64Array(d + 1);
    const stored = Int32Array.from({ length: n }, (_, i) => i);
    const shuffled = Int32Array.from(stored);
    new Rng(n ^ d).shuffle(shuffled); // the solvers' own shuffle
    // one SGD epoch as the solvers run it: all batches in one kernel call (tiny steps keep x sane)
    const x = new Float64Array(d + 1);
    const v = new Float64Array(d + 1);
    const constants = { nS: n, S: n, l2: 1e-4, fitIntercept: true, loss: 'log' } as const;
    const sgd = (order: Int32Array) => wasm.sgdEpoch({ x, v, order, batch: 32, eta: 1e-9, beta: 0, nesterov: false }, constants);
    const xPtr = rt.heap.alloc(8 * n * d);
    rt.heap.f64(xPtr, n * d).set(X);
    const tasks: [string, () => void][] = [
      [VARIANTS[0], () => void wasm.fusedGrad(w, 0.1, g, 'log', true)],
      [VARIANTS[1], () => void wasm.fusedGrad(w, 0.1, g, 'log', false)],
      [VARIANTS[2], () => void f32.fusedGrad(w, 0.1, g, 'log', true)],
      [VARIANTS[3], () => void two.fusedGrad(w, 0.1, g, 'log', true)],
      [VARIANTS[4], () => void two32.fusedGrad(w, 0.1, g, 'log', true)],
      [VARIANTS[5], () => sgd(stored)],
      [VARIANTS[6], () => sgd(shuffled)],
      [VARIANTS[7], () => void js.fusedGrad(w, 0.1, g, 'log', true)],
      [VARIANTS[8], () => void naiveEpoch(rows, yArr, wArr, 0.1, gArr)],
      [VARIANTS[9], () => void probes.sumAll(xPtr, n * d)],
    ];
    out.push(...(await interleaved(tasks, n, d, timeMs)));
    rt.heap.release(xPtr);
    wasm.dispose();
    f32.dispose();
    two.dispose();
    two32.dispose();
    js.dispose();
  }
  started.runtime.pool.end();
  return out;
}

/** Compile + instantiate time of the kernels (median of 20, fresh module each time). */
export function loadTimes(bytes: Uint8Array<ArrayBuffer>): { compileMs: number; instantiateMs: number } {
  const c: number[] = [];
  const i: number[] = [];
  for (let k = 0; k < 21; k++) {
    const t0 = performance.now();
    const m = new WebAssembly.Module(bytes);
    const t1 = performance.now();
    new WebAssembly.Instance(m, { env: { memory: new WebAssembly.Memory({ initial: 16, maximum: 65536 }) } });
    const t2 = performance.now();
    c.push(t1 - t0);
    i.push(t2 - t1);
  }
  const med = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1];
  return { compileMs: med(c), instantiateMs: med(i) };
}

/**
 * Time of one pass handed to a worker and back (2 shards of 8 rows, so the work is nothing):
 * to a worker still spinning after the previous pass, and to one that went to sleep
 * (each call after a 5 ms pause). Median µs of 200 calls each.
 */
export function poolHandoff(): { spinningUs: number; sleepingUs: number } {
  const started = startThreadsSync(2);
  if (!('runtime' in started)) throw new Error(`bench: no threads: ${started.reason}`);
  const { heap, pool } = started.runtime;
  const mem = new Region(heap);
  const d = 4;
  const X = mem.alloc(8 * 16 * d);
  const y = mem.alloc(8 * 16);
  const w = mem.isolated(8 * d);
  const g0 = mem.isolated(8 * (d + 1));
  const g1 = mem.isolated(8 * (d + 1));
  const pass = () => pool.run('fusedGrad', [[X, d, y, 0, 0, 0, 8, w, 0, g0, 0, 2], [X, d, y, 0, 0, 8, 8, w, 0, g1, 0, 2]]);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const time = (before: () => void) => {
    const t: number[] = [];
    for (let k = 0; k < 200; k++) {
      before();
      const t0 = performance.now();
      pass();
      t.push((performance.now() - t0) * 1000);
    }
    return t.sort((a, b) => a - b)[100];
  };
  for (let k = 0; k < 1000; k++) pass();
  const spinningUs = time(() => {});
  const sleepingUs = time(() => Atomics.wait(pause, 0, 0, 5));
  pool.end();
  return { spinningUs, sleepingUs };
}
