// `npm run test:scale`: writes a 2 GB CSV (generated on the fly, seeded), streams it through
// fitStream + csvBatches, and asserts that memory stays bounded; exits non-zero on failure.
import { report } from './scale/checks.mjs';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { initSync, LogisticRegression, csvBatches } from '../dist/index.js';

const TARGET_BYTES = Number(process.env.SCALE_BYTES ?? 2 * 1024 ** 3);
const D = 20;
const RSS_LIMIT = 512 * 1024 ** 2;

const dir = mkdtempSync(join(tmpdir(), 'logreg-scale-'));
const file = join(dir, 'big.csv');
let failed = false;
try {
  // --- write the CSV -------------------------------------------------------------------
  const t0 = performance.now();
  const out = createWriteStream(file);
  out.write(Array.from({ length: D }, (_, j) => `x${j}`).concat('y').join(',') + '\n');
  let s = 12345;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const w = Array.from({ length: D }, (_, j) => Math.sin(j + 1));
  let bytes = 0;
  let rows = 0;
  while (bytes < TARGET_BYTES) {
    let chunk = '';
    for (let r = 0; r < 2000; r++) {
      let z = 0.3;
      const cells = [];
      for (let j = 0; j < D; j++) {
        const v = rand() * 4 - 2;
        z += v * w[j];
        cells.push(v.toFixed(5));
      }
      cells.push(rand() < 1 / (1 + Math.exp(-z)) ? 'pos' : 'neg');
      chunk += cells.join(',') + '\n';
    }
    bytes += Buffer.byteLength(chunk);
    rows += 2000;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const size = statSync(file).size;
  console.log(`wrote ${(size / 1024 ** 3).toFixed(2)} GiB, ${rows} rows × ${D} features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // --- stream it through fitStream ------------------------------------------------------
  initSync();
  const t1 = performance.now();
  let peakRss = 0;
  let peakHeap = 0;
  let seenRows = 0;
  const m = new LogisticRegression({ solver: 'sgd', batchSize: 256, seed: 1, learningRate: 0.05 });
  await m.fitStream(csvBatches(file, { target: 'y', batchSize: 20000 }), {
    classes: ['neg', 'pos'],
    onProgress: ({ rows: r }) => {
      const mu = process.memoryUsage();
      peakRss = Math.max(peakRss, mu.rss);
      peakHeap = Math.max(peakHeap, mu.heapUsed);
      seenRows = r ?? seenRows;
    },
  });
  const secs = (performance.now() - t1) / 1000;
  const cos = (() => {
    let a = 0, b = 0, c = 0;
    for (let j = 0; j < D; j++) (a += m.coef[j] * w[j]), (b += m.coef[j] ** 2), (c += w[j] ** 2);
    return a / Math.sqrt(b * c);
  })();
  console.log(`streamed ${seenRows} rows in ${secs.toFixed(1)} s (${(size / 1024 ** 2 / secs).toFixed(0)} MiB/s); peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MiB, peak JS heap ${(peakHeap / 1024 ** 2).toFixed(0)} MiB; cos(coef, true w) = ${cos.toFixed(4)}`);
  const checks = [
    [seenRows === rows, `all ${rows} rows seen`],
    [peakRss < RSS_LIMIT, `peak RSS under ${RSS_LIMIT / 1024 ** 2} MiB (file: ${(size / 1024 ** 2).toFixed(0)} MiB)`],
    [cos > 0.99, 'the coefficients point the way of the generating weights'],
  ];
  if (!report(checks)) failed = true;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? 'scale test: FAILED' : 'scale test: passed');
process.exitCode = failed ? 1 : 0;
