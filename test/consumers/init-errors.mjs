// init / initSync with bad inputs, in a fresh process (init runs once per process):
// node init-errors.mjs garbage|other-module|missing-url URL
import { init, initSync, LogRegError } from 'logreg-wasm';

const [mode, url] = process.argv.slice(2);
// a valid module with no imports and no exports: not the kernels
const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
const attempt = {
  garbage: () => initSync(new Uint8Array([1, 2, 3, 4])),
  'other-module': () => initSync(new WebAssembly.Module(empty)),
  'not-bytes': () => initSync(42),
  'missing-url': () => init(url),
}[mode];
try {
  await attempt();
  console.log(JSON.stringify({ mode, threw: false }));
} catch (e) {
  console.log(JSON.stringify({ mode, threw: true, typed: e instanceof LogRegError, code: e.code, message: e.message }));
}
