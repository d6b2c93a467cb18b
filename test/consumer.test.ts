// Packs the package, installs the tarball (offline) into a throwaway app, bundles the app with
// Vite and with esbuild, and runs both bundles in headless Chromium: a sync fit and a fitAsync
// (in a worker with Vite; in slices, said once through the warning handler, with esbuild).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic } from './chromium.js';
import { root } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'logreg-consumer-'));
const app = join(work, 'app');
let browser: Browser;
const sites: { close: () => Promise<void> }[] = [];

async function serve(dir: string): Promise<string> {
  const site = await serveStatic(dir);
  sites.push(site);
  return site.url;
}

beforeAll(async () => {
  execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root });
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  cpSync(join(root, 'test/consumer-app'), app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'logreg-wasm': `file:../${tgz}` } }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent'], { cwd: app });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const s of sites) await s.close();
});

async function run(url: string) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as never as { __result?: unknown; __error?: unknown }).__result || (window as never as { __error?: unknown }).__error, null, { timeout: 60_000 });
  const out = await page.evaluate(() => ({ r: (window as never as { __result?: unknown }).__result, e: (window as never as { __error?: unknown }).__error }));
  await page.close();
  expect(out.e).toBeUndefined();
  return out.r as { backend: string; accuracy: number; asyncAccuracy: number; classes: string[]; workerLoaded: boolean; warnings: string[] };
}

describe('a consumer of the packed tarball', () => {
  it('Vite app: builds, fits with wasm, fitAsync in a worker', async () => {
    await viteBuild({ root: app, logLevel: 'warn', build: { outDir: join(app, 'dist-vite') } });
    const r = await run(await serve(join(app, 'dist-vite')));
    expect(r.backend).toBe('wasm');
    expect(r.classes).toEqual(['no', 'yes']);
    expect(r.accuracy).toBeGreaterThan(0.95);
    expect(r.asyncAccuracy).toBeGreaterThan(0.95);
    expect(r.workerLoaded).toBe(true); // Vite bundled dist/worker.js and the page loaded it
    expect(r.warnings).toEqual([]);
  });

  it('esbuild bundle: builds, fits with wasm, fitAsync falls back to event-loop slices', async () => {
    const out = join(app, 'dist-esbuild');
    await esbuild({ entryPoints: [join(app, 'main.js')], bundle: true, format: 'esm', outdir: out, absWorkingDir: app, logLevel: 'warning' });
    cpSync(join(app, 'index.html'), join(out, 'index.html'));
    const r = await run(await serve(out));
    expect(r.backend).toBe('wasm');
    expect(r.accuracy).toBeGreaterThan(0.95);
    expect(r.asyncAccuracy).toBeGreaterThan(0.95);
    expect(r.workerLoaded).toBe(false);
    expect(r.warnings).toEqual(['WORKER']); // the fallback to slices is said, once
  });

  // A tripwire for accidental bloat; CONTRIBUTING.md keeps the history of each raise and why.
  it('size budget: kernels.wasm under 110 KB, the ESM entry (with its chunks and the embedded kernels) under 425 KB', () => {
    const dist = join(app, 'node_modules/logreg-wasm/dist');
    // index.js and the chunks it imports, transitively (chunks of the subpaths alone do not count)
    const js = new Set<string>();
    const visit = (f: string) => {
      if (js.has(f)) return;
      js.add(f);
      for (const m of readFileSync(join(dist, f), 'utf8').matchAll(/from\s*"\.\/([\w.-]+\.js)"/g)) visit(m[1]);
    };
    visit('index.js');
    const bytes = [...js].reduce((s, f) => s + statSync(join(dist, f)).size, 0);
    const wasm = statSync(join(dist, 'kernels.wasm')).size;
    console.log(`size: ESM entry + chunks ${bytes} bytes, kernels.wasm ${wasm} bytes`);
    expect(wasm).toBeLessThan(110_000);
    expect(bytes).toBeLessThan(425_000);
  });
});
