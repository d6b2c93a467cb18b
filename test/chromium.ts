// Headless Chromium and a static file server on 127.0.0.1, shared by the browser tests.
// The browser is found in this order: CHROMIUM_PATH, a system Chromium, then the binary that
// the @sparticuz/chromium dev dependency carries inside its npm package (so a machine with only
// Node and npm runs the browser tests too).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The packaged binary is chrome-headless-shell built for serverless hosts; its own default flags
// add --single-process, which would put workers and the page in one process, so only what it
// needs to start as root without a zygote is taken.
const PACKAGED_FLAGS = [...FLAGS, '--no-zygote', '--disable-setuid-sandbox'];
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.png': 'image/png' };

/** Where the browser comes from: the executable and the flags it is launched with. */
export async function findChromium(): Promise<{ executablePath: string; args: string[]; source: string }> {
  const given = process.env.CHROMIUM_PATH;
  if (given !== undefined && given !== '') {
    if (!existsSync(given)) throw new Error(`CHROMIUM_PATH is ${given}, which does not exist`);
    return { executablePath: given, args: FLAGS, source: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system !== undefined) return { executablePath: system, args: FLAGS, source: 'system' };
  const packaged = (await import('@sparticuz/chromium')).default;
  return { executablePath: await packaged.executablePath(), args: PACKAGED_FLAGS, source: '@sparticuz/chromium' };
}

export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args });
}

/**
 * Serves `dir` (index.html at /, or `html` when given) with extra `headers` on every response
 * (e.g. COOP/COEP for a cross-origin isolated page); resolves to its URL and a close function.
 */
export async function serveStatic(dir: string, html?: string, headers: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const rel = (req.url ?? '/').split('?')[0];
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (rel === '/' && html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
      return;
    }
    const path = normalize(join(dir, rel === '/' ? 'index.html' : rel));
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Bundles `entry` (a test page importing 'logreg-wasm' = the built dist/index.js) to `dir`/page.js. */
export async function bundlePage(root: string, entry: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(dir, 'page.js'),
    alias: { 'logreg-wasm': join(root, 'dist/index.js') },
    logLevel: 'warning',
  });
}

/** An HTML page that loads the bundled page.js. */
export const pageHtml = (title: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body>running<script type="module" src="page.js"></script>`;
