// `npm run build`, run before start, test, bench and typecheck: compiles the kernels and bundles
// dist/ only when an input changed since the last build (a hash of every input file, kept in
// build/inputs.sha256), so a built tree starts in seconds. FORCE=1 rebuilds regardless.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INPUT_DIRS = ['assembly', 'src'];
const INPUT_FILES = ['asconfig.json', 'tsup.config.ts', 'tsconfig.json', 'package.json', 'scripts/build-wasm.mjs'];
const GENERATED = new Set(['src/wasm/kernels.generated.ts']);
const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/kernels.wasm', 'src/wasm/kernels.generated.ts', 'build/kernels.threads.wasm', 'build/kernels.testing.wasm'];
const stamp = join(root, 'build', 'inputs.sha256');

function files(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? files(rel) : [rel];
  });
}

function inputsHash() {
  const h = createHash('sha256');
  const all = [...INPUT_DIRS.flatMap(files), ...INPUT_FILES].filter((f) => !GENERATED.has(f)).sort();
  for (const f of all) h.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex');
}

const hash = inputsHash();
const built = OUTPUTS.every((f) => existsSync(join(root, f))) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
if (built && process.env.FORCE !== '1') {
  console.log(`build: up to date (${relative(root, stamp)}); FORCE=1 npm run build rebuilds`);
} else {
  const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  run(['scripts/build-wasm.mjs']);
  run([join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')]);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, hash);
}
