// Bundles a page that imports the built package, serves it on 127.0.0.1 and fits in headless
// Chromium (Debian's chromium; CHROMIUM_PATH overrides): the weights equal Node's bit for bit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { root } from './helpers.js';
import { crossProblem, expectedCrossFits } from './cross-fits.js';
import { crossFits } from './problem.js';

const dir = join(root, 'test/.artifacts/browser');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let server: Server;
let browser: Browser;
let url = '';

beforeAll(async () => {
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH`);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(root, 'test/browser/page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(dir, 'page.js'),
    alias: { 'logreg-wasm': join(root, 'dist/index.js') },
    logLevel: 'warning',
  });
  const html = '<!doctype html><meta charset="utf-8"><title>logreg-wasm</title><body>running<script type="module" src="page.js"></script>';
  server = createServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(dir, 'page.js')));
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
});

describe('Chromium', () => {
  it('imports the package, fits with wasm, and matches Node bit for bit', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => window.runFits !== undefined, null, { timeout: 60_000 });
    const { X, y } = crossProblem;
    const result = await page.evaluate((input) => window.runFits!(input), { X, y, fits: crossFits as never });
    expect(errors).toEqual([]);
    expect(result).toEqual(expectedCrossFits());
    expect((result as { backend: string }[])[0].backend).toBe('wasm');
    await page.close();
  });
});
