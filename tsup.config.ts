import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', ml: 'src/ml.ts', text: 'src/text/index.ts', sources: 'src/sources/index.ts', cli: 'src/cli/main.ts', worker: 'src/worker/fit-worker.ts', 'shard-worker': 'src/worker/shard-worker.ts' },
  shims: true, // import.meta.url in the CJS build locates dist/worker.js
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', ml: 'src/ml.ts', text: 'src/text/index.ts', sources: 'src/sources/index.ts' } },
  clean: true,
  target: 'es2022',
  cjsInterop: true,
  splitting: true,
  // the raw binary too, for `logreg-wasm/kernels.wasm` (init(url) / precompiled modules)
  onSuccess: `node -e "require('fs').copyFileSync('build/kernels.wasm', 'dist/kernels.wasm')"`,
});
