// The built package (npm test builds it first) loads through import and require, and both
// give the same weights bit for bit as the source.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crossFits } from './problem.js';
import { root } from './helpers.js';
import { serveStatic } from './chromium.js';
import { crossProblem, expectedCrossFits } from './cross-fits.js';

const { X, y } = crossProblem;
const input = JSON.stringify({ X, y, fits: crossFits });

function run(script: string) {
  const out = execFileSync(process.execPath, [join(root, 'test/consumers', script)], { input, cwd: root });
  return JSON.parse(out.toString()) as { backend: string; coef: string[]; intercept: string }[];
}

describe('built package', () => {
  const want = expectedCrossFits();
  it('import (ESM build) works and matches the source bit for bit', () => {
    expect(run('esm.mjs')).toEqual(want);
  });
  it('require (CJS build) works and matches the source bit for bit', () => {
    expect(run('cjs.cjs')).toEqual(want);
  });
  it('ships type declarations for both', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(root, 'dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(root, 'dist/index.d.cts'))).toBe(true);
  });
});

describe('type declarations', () => {
  // lib es2022 alone: no DOM lib and no @types/node, as in a worker, edge or library project
  const consumer = `import { LogisticRegression, init, type LogRegWarning } from 'logreg-wasm';
import MLLogisticRegression from 'logreg-wasm/ml';
import { TfidfVectorizer } from 'logreg-wasm/text';
import { parquetBatches, sqlObjective, type SqlObjective } from 'logreg-wasm/sources';
void init();
const sql: Promise<SqlObjective> = sqlObjective(async () => [[1]], { from: 't', features: ['a'], label: 'y' });
const parquet = parquetBatches('f.parquet', { label: 'y' });
const spam: string[] = new LogisticRegression().fit(new TfidfVectorizer().fitTransform(['win cash', 'hi mom']), ['spam', 'ham']).predict(new TfidfVectorizer().fitTransform(['aa']));
const byName: string[] = new LogisticRegression().fit([[0], [1]], ['a', 'b']).predict([[0]]);
const byNumber: number[] = new LogisticRegression().fit([[0], [1]], Float64Array.of(0, 1)).predict([[0]]);
const signal = { aborted: false, addEventListener() {}, removeEventListener() {} };
const later: Promise<LogisticRegression<boolean>> = new LogisticRegression().fitAsync([[0], [1]], [false, true], { signal });
const w: LogRegWarning['code'] = 'BACKEND';
export { byName, byNumber, later, w, MLLogisticRegression, spam, sql, parquet };
`;
  for (const [module, resolution, type] of [['nodenext', 'nodenext', 'module'], ['nodenext', 'nodenext', 'commonjs'], ['esnext', 'bundler', 'module']])
    it(`compile with lib es2022 only (${resolution}, ${type} consumer), and predict() has the label type of y`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'logreg-types-'));
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(root, join(dir, 'node_modules/logreg-wasm'), 'dir');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'types-consumer', private: true, type }));
      const options = { lib: ['es2022'], types: [], target: 'es2022', module, moduleResolution: resolution, strict: true, noEmit: true, skipLibCheck: false };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['main.ts'] }));
      writeFileSync(join(dir, 'main.ts'), consumer);
      const tsc = join(root, 'node_modules/typescript/bin/tsc');
      const r = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
});

describe('without WebAssembly', () => {
  it('init() resolves and models use the js backend, reporting it', () => {
    const out = execFileSync(process.execPath, [join(root, 'test/consumers/no-wasm.cjs')], { cwd: root });
    expect(JSON.parse(out.toString())).toEqual({
      backend: 'js',
      predictions: ['a', 'a', 'b', 'b', 'a', 'b'],
      finite: true,
    });
  });
});

describe('init sources and subpaths', () => {
  for (const mode of ['module', 'bytes', 'response'])
    it(`init(${mode}) loads the kernels`, () => {
      const out = execFileSync(process.execPath, [join(root, 'test/consumers/init-sources.mjs'), mode], { cwd: root });
      expect(JSON.parse(out.toString())).toEqual({ mode, backend: 'wasm', predictions: ['a', 'b'] });
    });

  it('init(url) fetches logreg-wasm/kernels.wasm over http', async () => {
    const site = await serveStatic(join(root, 'dist'));
    try {
      const { execFile } = await import('node:child_process');
      const out = await new Promise<string>((ok, fail) =>
        execFile(process.execPath, [join(root, 'test/consumers/init-sources.mjs'), 'url', `${site.url}kernels.wasm`], { cwd: root }, (e, stdout) =>
          e ? fail(e) : ok(stdout),
        ),
      );
      expect(JSON.parse(out)).toEqual({ mode: 'url', backend: 'wasm', predictions: ['a', 'b'] });
    } finally {
      await site.close();
    }
  });

  it("require('logreg-wasm/ml') is the class itself, as require('ml-logistic-regression') is", () => {
    const code = "const L = require('logreg-wasm/ml'); const M = require('ml-matrix').Matrix; const m = new L({ numSteps: 100 }); m.train(new M([[0],[1],[2],[3]]), M.columnVector([0,0,1,1])); console.log(JSON.stringify(m.predict(new M([[0],[3]]))))";
    const out = execFileSync(process.execPath, ['-e', code], { cwd: root });
    expect(JSON.parse(out.toString())).toEqual([0, 1]);
  });
});

describe('examples', () => {
  it('examples/solver-api.mjs runs and recovers the Poisson coefficients', () => {
    const out = execFileSync(process.execPath, [join(root, 'examples/solver-api.mjs')], { cwd: root }).toString();
    expect(out).toMatch(/converged after \d+ iterations/);
    const coef = out.match(/coefficients ([-\d.]+), ([-\d.]+), ([-\d.]+), intercept ([-\d.]+)/)!.slice(1).map(Number);
    expect(Math.abs(coef[0] - 1.2)).toBeLessThan(0.15);
    expect(Math.abs(coef[1] + 0.8)).toBeLessThan(0.15);
    expect(Math.abs(coef[3] - 0.5)).toBeLessThan(0.1);
  });

  it('npm start -- spam (examples/spam.mjs) classifies the SpamAssassin corpus as scikit-learn does (96.76% held out)', () => {
    const out = execFileSync(process.execPath, [join(root, 'examples/start.mjs'), 'spam'], { cwd: root }).toString();
    expect(out).toMatch(/data {7}6046 messages \(1896 spam, 4150 ham\)/);
    // scikit-learn's TfidfVectorizer and LogisticRegression(C=1) on the same split: 96.76% (bench/results/sparse.md)
    expect(Number(out.match(/held out {3}accuracy ([\d.]+)%/)![1])).toBeGreaterThanOrEqual(96.76);
    expect(out).toMatch(/spammy .*\nhammy /);
  });
});

describe('examples/sharded', () => {
  it('data-parallel L-BFGS over worker-thread shards equals the single-process fit to 1e-10', () => {
    const out = execFileSync(process.execPath, [join(root, 'examples/sharded/main.mjs')], { cwd: root, env: { ...process.env, ROWS: '20000', WORKERS: '3' } }).toString();
    const diff = Number(out.match(/max \|sharded − single\| over coefficients and intercept: (\S+)/)![1]);
    expect(diff).toBeLessThanOrEqual(1e-10);
    expect(out).toMatch(/3 shards .* converged after/);
  });
});

describe('without SIMD', () => {
  it('SIMD is detected at load; without it the js backend is used instead of failing', () => {
    const out = execFileSync(process.execPath, [join(root, 'test/consumers/no-simd.cjs')], { cwd: root });
    expect(JSON.parse(out.toString())).toEqual({ backend: 'js', predictions: ['a', 'b'] });
  });
});
