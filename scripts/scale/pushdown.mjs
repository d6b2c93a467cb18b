// The scale test's SQL side, in its own process: the same fit with the gradient pushed down into
// DuckDB (sqlObjective over read_parquet), and J there at the streamed fit's coefficients.
// Prints one JSON line. Usage: node pushdown.mjs FILE METHOD [COEF_JSON]
import { DuckDBInstance } from '@duckdb/node-api';
import { minimize, setWarningHandler } from '../../dist/index.js';
import { sqlObjective } from '../../dist/sources.js';

const [file, method, other] = process.argv.slice(2);
setWarningHandler(null);
const con = await (await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '256MB' })).connect();
const features = Array.from({ length: 20 }, (_, j) => `x${j}`);
const from = `read_parquet('${file.replaceAll("'", "''")}')`;
const obj = await sqlObjective(con, { from, features, label: 'y' });
const t0 = performance.now();
const before = obj.passes;
const r = await minimize(obj, new Float64Array(21), { method, tol: 1e-8 });
const seconds = (performance.now() - t0) / 1000;
const passes = obj.passes - before;
let otherJ = null;
if (other) {
  const x = Float64Array.from(JSON.parse(other));
  otherJ = await obj.valueAndGradient(x, new Float64Array(21));
}
con.closeSync();
console.log(JSON.stringify({ J: r.value, otherJ, converged: r.converged, nIter: r.nIter, passes, seconds, secondsPerPass: seconds / passes, coef: Array.from(r.x.subarray(0, 20)), intercept: r.x[20], peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
