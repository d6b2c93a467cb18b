// The browser demo, built with Vite and driven in headless Chromium like a visitor would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic } from './chromium.js';
import { root } from './helpers.js';

const dist = join(root, 'demo/dist');
const artifacts = join(root, 'test/.artifacts');
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  await build({ configFile: join(root, 'demo/vite.config.ts'), logLevel: 'warn' });
  mkdirSync(artifacts, { recursive: true });
  site = await serveStatic(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('demo', () => {
  it('trains, shows the accuracy and draws the loss curve; the timing button reports both backends', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url);
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
