// The I/O floor of the scale test: read and decode every row group of the file once with
// hyparquet, doing nothing with the values. Prints one JSON line. Usage: node read-floor.mjs FILE
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from 'hyparquet';

const buffer = await asyncBufferFromFile(process.argv[2]);
const metadata = await parquetMetadataAsync(buffer);
const t0 = performance.now();
let values = 0;
let rows = 0;
for (const g of metadata.row_groups) {
  const n = Number(g.num_rows);
  await parquetRead({ file: buffer, metadata, rowStart: rows, rowEnd: rows + n, onChunk: (c) => (values += c.columnData.length) });
  rows += n;
}
console.log(JSON.stringify({ rows, values, seconds: (performance.now() - t0) / 1000, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
