// The same as esm.mjs through require(): the CommonJS build, initialised synchronously.
const { initSync, LogisticRegression } = require('logreg-wasm');
const { readFileSync } = require('node:fs');

const { X, y, fits } = JSON.parse(readFileSync(0, 'utf8'));
initSync();
const hex = (v) => Array.from(new BigUint64Array(Float64Array.from(v).buffer), (b) => b.toString(16).padStart(16, '0'));
const out = fits.map((o) => {
  const m = new LogisticRegression(o).fit(X, y);
  return { backend: m.backend, coef: hex(m.coef), intercepts: hex(m.intercepts) };
});
console.log(JSON.stringify(out));
