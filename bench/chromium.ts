// The Chromium part of the bench: bench/browser.ts, bundled as users ship page-state (the
// production build, DEV off: scripts/dev-flag.mjs), run in the machine's Chromium.
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {chromium} from 'playwright-core';

const {devFlag} = (await import(pathToFileURL(resolve('scripts/dev-flag.mjs')).href)) as {
  devFlag(dev: boolean): Plugin;
};
const {CHROMIUM_ARGS} = (await import(pathToFileURL(resolve('scripts/tools.mjs')).href)) as {CHROMIUM_ARGS: string[]};

/** What bench/browser.ts measured, and the Chromium it ran in. */
export type BrowserResults = Awaited<ReturnType<typeof browserBench>>;

/** Runs bench/browser.ts in Chromium: what it measured, and the Chromium version. */
export async function browserBench() {
  const bundle = await build({
    entryPoints: ['bench/browser.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    plugins: [devFlag(false)],
  });
  const script = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/bench.js')) res.writeHead(200, {'content-type': 'text/javascript'}).end(script);
    else
      res
        .writeHead(200, {'content-type': 'text/html'})
        .end('<!doctype html><script type="module" src="/bench.js"></script>');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'bench' in window);
    return {
      chromium: browser.version(),
      ...(await page.evaluate(() => (window as unknown as {bench(): Promise<any>}).bench())),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
