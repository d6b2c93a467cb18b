// The browser demo, built with Vite and driven in headless Chromium like a visitor would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { root } from './helpers.js';

const dist = join(root, 'demo/dist');
const artifacts = join(root, 'test/.artifacts');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
let server: Server;
let browser: Browser;
let url = '';

beforeAll(async () => {
  await build({ configFile: join(root, 'demo/vite.config.ts'), logLevel: 'warn' });
  mkdirSync(artifacts, { recursive: true });
  server = createServer((req, res) => {
    const path = normalize(join(dist, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]));
    if (!path.startsWith(dist) || !existsSync(path)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
});

describe('demo', () => {
  it('trains, shows the accuracy and draws the loss curve; the timing button reports both backends', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.selectOption('#dataset', 'three');
    await page.click('#train');
    await page.waitForSelector('body[data-trained="true"]', { timeout: 30_000 });
    const accuracy = await page.textContent('#accuracy');
    expect(Number.parseFloat(accuracy ?? '')).toBeGreaterThan(90);
    // the loss curve is drawn: accent-coloured pixels on the curve canvas
    const drawn = await page.evaluate(() => {
      const c = document.getElementById('curve') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] === 91 && d[i + 1] === 192 && d[i + 2] === 190) n++;
      return n;
    });
    expect(drawn).toBeGreaterThan(100);
    await page.click('#time');
    await page.waitForSelector('body[data-timed="true"]', { timeout: 60_000 });
    const timing = await page.textContent('#timing');
    expect(timing).toMatch(/wasm [\d.]+ ms, js [\d.]+ ms/);
    await page.screenshot({ path: join(artifacts, 'demo.png') });
    console.log(`demo: accuracy ${accuracy}; ${timing}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
