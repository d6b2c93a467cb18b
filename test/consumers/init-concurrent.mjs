// init() called three times at once, in a fresh process (nothing compiled yet): how many
// compilations ran, and whether all three resolved with the wasm backend ready.
const compile = WebAssembly.compile;
let compiles = 0;
WebAssembly.compile = (bytes) => {
  compiles++;
  return compile(bytes);
};
const { init, LogisticRegression } = await import('logreg-wasm');
const results = await Promise.all([init(), init(), init()]);
console.log(JSON.stringify({ compiles, resolved: results.length, backend: new LogisticRegression().backend }));
