// threads: 2 in headless Chromium: Web Workers on one shared memory when the page is
// cross-origin isolated (COOP + COEP); one thread and a one-time notice when it is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bundlePage, launchChromium, pageHtml, serveStatic } from './chromium.js';
import { makeProblem, root } from './helpers.js';

const dir = join(root, 'test/.artifacts/browser-threads');
const html = pageHtml('threads');
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
let browser: Browser;
const sites: { url: string; close: () => Promise<void> }[] = [];

beforeAll(async () => {
  await bundlePage(root, 'test/browser/threads-page.ts', dir);
  sites.push(await serveStatic(dir, html, isolation), await serveStatic(dir, html));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const s of sites) await s.close();
});

interface Outcome {
  isolated: boolean;
  started: number;
  threads: number;
  earlyThreads: number;
  repeat: boolean;
  maxDiff: number;
  notices: string[];
}

async function run(url: string): Promise<Outcome> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.runThreads !== undefined, null, { timeout: 60_000 });
  const { X, y } = makeProblem(20000, 10, 8);
  const out = (await page.evaluate((input) => window.runThreads!(input), { X, y })) as Outcome;
  await page.close();
  expect(errors).toEqual([]);
  return out;
}

describe('Chromium threads', () => {
  it('a cross-origin isolated page fits on 2 threads, as one thread does', async () => {
    const r = await run(sites[0].url);
    expect(r.isolated).toBe(true);
    expect(r.started).toBe(2);
    expect(r.threads).toBe(1); // after dispose()
    expect(r.repeat).toBe(true);
    expect(r.maxDiff).toBeLessThan(1e-9);
    // fit() before startThreads() could not start workers: one thread, said once
    expect(r.earlyThreads).toBe(1);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/^THREADS: threads: 2 requested, computing on one thread: .*startThreads/);
  });

  it('a page that is not isolated computes on one thread and says why once', async () => {
    const r = await run(sites[1].url);
    expect(r.isolated).toBe(false);
    expect(r.started).toBe(1);
    expect(r.earlyThreads).toBe(1);
    expect(r.maxDiff).toBe(0);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toMatch(/cross-origin isolated/);
  });
});
