// The scale test's streamed side, in its own process so its peak RSS is its own: the I/O floor
// (read and decode every row group once with hyparquet, nothing else), then an exact fit by
// fitStream over parquetBatches. Prints one JSON line.
// Usage: node stream-parquet.mjs FILE SOLVER
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from 'hyparquet';
import { initSync, LogisticRegression, setWarningHandler } from '../../dist/index.js';
import { parquetBatches } from '../../dist/sources.js';

const [file, solver] = process.argv.slice(2);
initSync();
setWarningHandler(null);

const buffer = await asyncBufferFromFile(file);
const metadata = await parquetMetadataAsync(buffer);
const t0 = performance.now();
let values = 0;
let row0 = 0;
for (const g of metadata.row_groups) {
  const n = Number(g.num_rows);
  await parquetRead({ file: buffer, metadata, rowStart: row0, rowEnd: row0 + n, onChunk: (c) => (values += c.columnData.length) });
  row0 += n;
}
const ioFloor = (performance.now() - t0) / 1000;

let passes = 0;
const t1 = performance.now();
const m = await new LogisticRegression({ solver, tol: 1e-8 }).fitStream(parquetBatches(file, { label: 'y' }), {
  classes: [0, 1],
  onProgress: (p) => (passes = Math.max(passes, p.epoch)),
});
const fit = (performance.now() - t1) / 1000;
console.log(
  JSON.stringify({
    rows: row0,
    values,
    ioFloorSeconds: ioFloor,
    fitSeconds: fit,
    passes: passes + 1, // the census too
    secondsPerPass: fit / (passes + 1),
    nIter: m.nIter,
    converged: m.converged,
    coef: Array.from(m.coef),
    intercept: m.intercept,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
