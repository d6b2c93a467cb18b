// Loads the built package by name (self-reference through "exports") as ESM, fits the problem
// read from stdin with every configuration and prints the coefficients' bit patterns.
import { init, LogisticRegression } from 'logreg-wasm';
import { readFileSync } from 'node:fs';

const { X, y, fits } = JSON.parse(readFileSync(0, 'utf8'));
await init();
const hex = (v) => Array.from(new BigUint64Array(Float64Array.from(v).buffer), (b) => b.toString(16).padStart(16, '0'));
const out = fits.map((o) => {
  const m = new LogisticRegression(o).fit(X, y);
  return { backend: m.backend, coef: hex(m.coef), intercepts: hex(m.intercepts) };
});
console.log(JSON.stringify(out));
