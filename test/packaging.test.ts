// The built package (npm test builds it first) loads through import and require, and both
// give the same weights bit for bit as the source.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { crossFits } from './problem.js';
import { root } from './helpers.js';
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
