import {readFile} from 'node:fs/promises';
import {createServer as httpServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {createServer as netServer} from 'node:net';
import {extname, resolve} from 'node:path';
import {chromium, type Browser, type Page} from 'playwright-core';
import {createServer, type ViteDevServer} from 'vite';
import {pathToFileURL} from 'node:url';
import {tempDir} from '../temp-dir.js';

// Shared with the bench and web-test-runner (scripts are plain .mjs, read from the project root).
const {CHROMIUM_ARGS} = (await import(pathToFileURL(resolve('scripts/tools.mjs')).href)) as {CHROMIUM_ARGS: string[]};

/** A free loopback port (the OS picks it; closed again before use). */
export async function freePort(): Promise<number> {
  const probe = netServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const {port} = probe.address() as {port: number};
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The server `npm start` runs (vite + the session store), on a free port, storing in a temp folder. */
export async function startDemo(): Promise<{base: string; server: ViteDevServer}> {
  process.env.PAGE_STATE_DIR = tempDir('e2e');
  process.env.PAGE_STATE_SECRET = 'the end-to-end tests secret, 32+ chars';
  const port = await freePort();
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: {port, strictPort: true},
  });
  await server.listen();
  return {base: `http://127.0.0.1:${port}`, server};
}

/** Debian's Chromium, kept off the network. */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });

/** Collects uncaught errors of a page (the suite asserts there are none). */
export function watchErrors(page: Page, errors: string[]): Page {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** Distinct colours in a screenshot, counted by the browser itself (no image library needed). */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), {width: image.width, height: image.height});
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const {data} = context.getImageData(0, 0, image.width, image.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A page a test serves itself: the HTML for a request, or undefined to fall through to files. */
export type Pages = (path: string, req: IncomingMessage) => string | undefined;

/**
 * Serves the repository's files (or those of `root`) as they are (no transform, as a CDN or
 * static host would), plus the `pages` a test makes, and records every path asked for.
 */
export async function staticServer(
  pages: Pages = () => undefined,
  root = '.',
  /** Middleware in front of the files, as an app mounts page-state's session handler. */
  front?: (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown,
): Promise<{server: Server; base: string; requested: string[]; close(): Promise<void>}> {
  const requested: string[] = [];
  const server = httpServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requested.push(path);
    if (front) {
      let passed = false;
      await front(req, res, () => (passed = true));
      if (!passed) return; // the middleware answered
    }
    const page = pages(path, req);
    if (page !== undefined)
      return void res.writeHead(200, {'content-type': 'text/html', 'cache-control': 'no-store'}).end(page);
    try {
      // A folder's address is its index.html, as static hosts answer it.
      const file = path.endsWith('/') ? `${path}index.html` : path;
      const body = await readFile(resolve(root, `.${file}`));
      res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'}).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
  return {server, base, requested, close: () => new Promise((done) => server.close(() => done()))};
}

/** Console errors and uncaught exceptions of a page, for tests that assert there are none. */
export function watchConsole(page: Page): {errors: string[]; warnings: string[]} {
  const seen = {errors: [] as string[], warnings: [] as string[]};
  page.on('pageerror', (error) => seen.errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      seen.errors.push(message.text());
    if (message.type() === 'warning') seen.warnings.push(message.text());
  });
  return seen;
}

/**
 * An init script recording what a page shows in its first animation frame (`read`, run in the
 * page then: its result is `window.firstFrame`), and every layout shift after it (`window.shifts`).
 */
export const firstFrameScript = (read: () => unknown): string => `
window.shifts = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts += entry.value;
}).observe({type: 'layout-shift', buffered: true});
requestAnimationFrame(() => (window.firstFrame = (${read.toString()})()));`;

/** What `firstFrameScript` recorded on `page`, once two more frames have rendered (a shift made
 * by a change is reported with the frame that paints it). */
export async function firstFrame<T>(page: Page): Promise<{first: T; shifts: number}> {
  await page.waitForFunction(() => 'firstFrame' in window);
  return page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    await frame();
    await frame();
    const recorded = window as unknown as {firstFrame: T; shifts: number};
    return {first: recorded.firstFrame, shifts: recorded.shifts};
  });
}
