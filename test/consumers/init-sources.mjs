// init() with each kind of source, in a fresh process (init is once per process):
// node init-sources.mjs module|bytes|response|url URL
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init, LogisticRegression } from 'logreg-wasm';

const require = createRequire(import.meta.url);
const wasmPath = require.resolve('logreg-wasm/kernels.wasm');
const [mode, url] = process.argv.slice(2);
const bytes = readFileSync(wasmPath);
const source = {
  module: () => new WebAssembly.Module(bytes),
  bytes: () => bytes,
  response: () => new Response(bytes),
  url: () => new URL(url),
}[mode]();
await init(source);
const m = new LogisticRegression().fit([[0], [1], [2], [3]], ['a', 'a', 'b', 'b']);
console.log(JSON.stringify({ mode, backend: m.backend, predictions: m.predict([[0], [3]]) }));
