import { readFileSync } from 'node:fs';
import { init } from './src/index.js';
import { kernelsFor } from './src/engine/select.js';
import { matrixSource } from './src/data/matrix.js';
await init();
const d = '/tmp/spamcsr/';
const b2 = (f: string, T: any) => { const b = readFileSync(d + f); return new T(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)); };
const shape = JSON.parse(readFileSync(d + 'shape.json', 'utf8'));
const X = { indptr: b2('indptr.bin', Int32Array), indices: b2('indices.bin', Int32Array), data: b2('data.bin', Float64Array), shape };
const y = b2('y.bin', Float64Array);
const n = shape[0], dd = shape[1];
const ds = kernelsFor('wasm').dataset(matrixSource(X), y, null);
const x = new Float64Array(dd + 1), avg = new Float64Array(dd + 1);
const order = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n);
const c = { scale: 1, rows: n, penalized: dd, fitIntercept: true, loss: 'log' as const };
for (const batch of [1, 8]) {
  const t: number[] = [];
  for (let e = 0; e < 7; e++) { const t0 = performance.now(); ds.sagaEpoch!({ x, avg, order, batch, eta: 0.5, thresh: 0, shrink: 0.9999 }, c); t.push(performance.now() - t0); }
  console.log('batch', batch, t.map((v) => v.toFixed(1)).join(' '), 'ms', (t.sort((a, b) => a - b)[3] * 1e6 / X.data.length).toFixed(1), 'ns/nnz');
}
