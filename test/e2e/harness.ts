import {mkdtempSync} from 'node:fs';
import {createServer as netServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium, type Browser, type Page} from 'playwright-core';
import {createServer, type ViteDevServer} from 'vite';

async function freePort(): Promise<number> {
  const probe = netServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const {port} = probe.address() as {port: number};
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The server `npm start` runs (vite + the session store), on a free port, storing in a temp folder. */
export async function startDemo(): Promise<{base: string; server: ViteDevServer}> {
  process.env.PAGE_STATE_DIR = mkdtempSync(join(tmpdir(), 'page-state-e2e-'));
  process.env.PAGE_STATE_SECRET = 'end-to-end tests';
  const port = await freePort();
  const server = await createServer({configFile: 'vite.config.ts', logLevel: 'error', server: {port, strictPort: true}});
  await server.listen();
  return {base: `http://127.0.0.1:${port}`, server};
}

/** Debian's Chromium, kept off the network. */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
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
