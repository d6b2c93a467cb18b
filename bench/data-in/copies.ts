// The copies that bring data in, in ns per value (bench/data-in.mjs runs and tabulates them):
// a plain Float64Array.set of n·d values (the floor), and a fit's copy into wasm memory (the
// dataset: X copied and checked for NaN and ±Infinity, labels copied) from row-major typed input
// and from an Arrow table's columns.
import { vectorFromArray, Table } from 'apache-arrow';
import { initSync, kernelsFor } from '../../src/engine/select.js';
import { matrixSource } from '../../src/data/matrix.js';
import { tableFeatures } from '../../src/data/arrow.js';

export interface CopyTimes {
  set: number;
  rowMajor: number;
  arrow: number;
}

function timed(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/** One round: each copy once (after a warm-up call), in ns per value. */
export function copyRound(n: number, d: number): CopyTimes {
  initSync();
  const kernels = kernelsFor('wasm');
  const values = n * d;
  const rowMajor = new Float64Array(values);
  for (let i = 0; i < values; i++) rowMajor[i] = Math.sin(i) * 3;
  const columns: Record<string, ReturnType<typeof vectorFromArray>> = {};
  const names: string[] = [];
  for (let j = 0; j < d; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = rowMajor[i * d + j];
    names.push(`x${j}`);
    columns[`x${j}`] = vectorFromArray(col);
  }
  const table = new Table(columns);
  const y = new Float64Array(n).map((_, i) => i % 2);
  const target = new Float64Array(values);
  const intoWasm = (X: unknown) => () => kernels.dataset(matrixSource(X), y, null).dispose();
  const runs = { set: () => target.set(rowMajor), rowMajor: intoWasm({ data: rowMajor, rows: n, cols: d }), arrow: intoWasm(tableFeatures(table, names)) };
  const out = {} as CopyTimes;
  for (const [name, f] of Object.entries(runs)) {
    f();
    out[name as keyof CopyTimes] = (timed(f) * 1e6) / values;
  }
  const check = new Float64Array(values);
  matrixSource(tableFeatures(table, names)).fill(check);
  for (let k = 0; k < values; k += 9973) if (check[k] !== rowMajor[k]) throw new Error('the Arrow copy is wrong');
  return out;
}
