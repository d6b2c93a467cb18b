// Bundles a page that imports the built package, serves it on 127.0.0.1 and fits in headless
// Chromium (Debian's chromium; CHROMIUM_PATH overrides): the weights equal Node's bit for bit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bundlePage, launchChromium, pageHtml, serveStatic } from './chromium.js';
import { root } from './helpers.js';
import { crossProblem, expectedCrossFits } from './cross-fits.js';
import { crossFits } from './problem.js';

const dir = join(root, 'test/.artifacts/browser');
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  await bundlePage(root, 'test/browser/page.ts', dir);
  site = await serveStatic(dir, pageHtml('logreg-wasm'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('Chromium', () => {
  it('imports the package, fits with wasm, and matches Node bit for bit', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url);
    await page.waitForFunction(() => window.runFits !== undefined, null, { timeout: 60_000 });
    const { X, y } = crossProblem;
    const result = await page.evaluate((input) => window.runFits!(input), { X, y, fits: crossFits as never });
    expect(errors).toEqual([]);
    expect(result).toEqual(expectedCrossFits());
    expect((result as { backend: string }[])[0].backend).toBe('wasm');
    await page.close();
  });
});
