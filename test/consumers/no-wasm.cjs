// A runtime without WebAssembly (as under a CSP lacking wasm-unsafe-eval): the package still
// loads, init() resolves, and models fall back to the js backend and say so.
delete globalThis.WebAssembly;
const { init, LogisticRegression } = require('logreg-wasm');

init().then(() => {
  const X = [[0, 1], [1, 0], [2, 1], [3, 0], [0.5, 2], [2.5, 2]];
  const y = ['a', 'a', 'b', 'b', 'a', 'b'];
  const m = new LogisticRegression({ backend: 'wasm' }).fit(X, y);
  console.log(JSON.stringify({ backend: m.backend, predictions: m.predict(X), finite: Array.from(m.coef).every(Number.isFinite) }));
});
