// An engine with WebAssembly but without SIMD (WebAssembly.validate refuses v128): the
// package detects it at load and uses the js backend instead of failing.
const validate = WebAssembly.validate;
WebAssembly.validate = (bytes) => (Array.from(new Uint8Array(bytes)).includes(253) ? false : validate(bytes));
const { init, LogisticRegression } = require('logreg-wasm');

init().then(() => {
  const m = new LogisticRegression().fit([[0], [1], [2], [3]], ['a', 'a', 'b', 'b']);
  console.log(JSON.stringify({ backend: m.backend, predictions: m.predict([[0], [3]]) }));
});
