// A host that refuses synchronous compilation (as browsers do on the main thread for modules
// over 4 KB): a fit without init() computes on the js backend and says why once (BACKEND);
// after await init() the wasm backend serves.
const Sync = WebAssembly.Module;
WebAssembly.Module = function () {
  throw new RangeError('WebAssembly.Module is disallowed on the main thread, if the buffer size is larger than 4KB');
};
WebAssembly.Module.prototype = Sync.prototype;
const { init, LogisticRegression, setWarningHandler } = require('logreg-wasm');

const warnings = [];
setWarningHandler((w) => warnings.push(w));
const X = [[0], [1], [2], [3]];
const y = ['a', 'a', 'b', 'b'];
const before = [new LogisticRegression().fit(X, y).backend, new LogisticRegression().fit(X, y).backend];
init().then(() => {
  const after = new LogisticRegression().fit(X, y).backend;
  console.log(JSON.stringify({ before, after, warnings }));
});
