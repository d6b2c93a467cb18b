// One fused gradient epoch (z = x·w + b, loss, p, g += r·x over every row), wasm vs js backend.
import { Bench } from 'tinybench';
import { kernelsFor } from '../src/backend/select.js';
import { jsKernels } from '../src/backend/js.js';
import { matrixSource } from '../src/data/matrix.js';
import { initSync } from '../src/wasm/load.js';
import type { Kernels } from '../src/backend/types.js';

export interface EpochRow {
  rows: number;
  cols: number;
  variant: string;
  nsPerRow: { median: number; min: number; max: number };
  gbPerS: number;
  samples: number;
}

function data(n: number, d: number, seed: number) {
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

export async function epochBench(sizes: [number, number][], timeMs: number): Promise<EpochRow[]> {
  initSync();
  const out: EpochRow[] = [];
  const variants: [string, Kernels][] = [
    ['wasm f64', kernelsFor('wasm')],
    ['js backend', jsKernels],
  ];
  for (const [n, d] of sizes) {
    const { X, y, w } = data(n, d, n + d);
    const bench = new Bench({ time: timeMs, warmup: true, warmupIterations: 10 });
    const datasets = variants.map(([, k]) => k.dataset(matrixSource({ data: X, rows: n, cols: d }), y, null));
    const g = new Float64Array(d + 1);
    variants.forEach(([name], v) => bench.add(name, () => void datasets[v].fusedGrad(w, 0.1, g, 'log', true)));
    await bench.run();
    for (const task of bench.tasks) {
      const r = task.result as unknown as { latency: { samples?: number[]; p50?: number; min: number; max: number; samplesCount?: number } };
      const lat = r.latency;
      const median = lat.p50 as number;
      out.push({
        rows: n,
        cols: d,
        variant: task.name,
        nsPerRow: { median: (median * 1e6) / n, min: (lat.min * 1e6) / n, max: (lat.max * 1e6) / n },
        gbPerS: (8 * n * d) / (median * 1e-3) / 1e9,
        samples: lat.samplesCount ?? lat.samples?.length ?? 0,
      });
    }
    datasets.forEach((ds) => ds.dispose());
  }
  return out;
}
