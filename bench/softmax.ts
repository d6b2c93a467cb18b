// One multinomial (softmax) pass — k margins per row, the stable log-sum-exp loss, G += r·xᵀ —
// on the wasm backend (X stored as float64 and as float32) and the js backend, measured like the
// binary epoch (bench/epoch.ts).
import { kernelsFor } from '../src/engine/select.js';
import { matrixSource } from '../src/data/matrix.js';
import { data, interleaved, type EpochRow } from './epoch.js';

export const SOFTMAX_CLASSES = [3, 10];

export type SoftmaxBackend = 'wasm' | 'wasm f32' | 'js backend';
export const softmaxVariant = (k: number, backend: SoftmaxBackend) => `multinomial k = ${k}, ${backend}`;

export async function softmaxBench(sizes: [number, number][], timeMs: number): Promise<EpochRow[]> {
  const out: EpochRow[] = [];
  for (const [n, d] of sizes) {
    const { X } = data(n, d, n + d);
    const tasks: [string, () => void][] = [];
    const datasets = [];
    for (const k of SOFTMAX_CLASSES) {
      // seeded labels in [0, k) and parameters in [−0.3, 0.3)
      const y = Int32Array.from(data(n, 1, k).X, (v) => Math.min(k - 1, Math.floor(((v + 1) / 2) * k)));
      const Wb = data(k * d + k, 1, k + 1).X.map((v) => 0.3 * v);
      const W = Wb.subarray(0, k * d);
      const b = Wb.subarray(k * d);
      const g = new Float64Array(k * d + k);
      const runs = [
        ['wasm', 'wasm', 'float64'],
        ['wasm f32', 'wasm', 'float32'],
        ['js backend', 'js', 'float64'],
      ] as const;
      for (const [variant, backend, storage] of runs) {
        const ds = kernelsFor(backend).softmaxDataset(matrixSource({ data: X, rows: n, cols: d }), y, k, null, storage);
        datasets.push(ds);
        tasks.push([softmaxVariant(k, variant), () => void ds.grad(W, b, g)]);
      }
    }
    // at least 4 runs per round, not tinybench's 64: a js pass with k = 10 at 200000 × 100
    // takes 0.4 s, and 64 of each per round made this table take 7 minutes
    out.push(...(await interleaved(tasks, n, d, timeMs, 4)));
    for (const ds of datasets) ds.dispose();
  }
  return out;
}
