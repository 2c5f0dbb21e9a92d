// The first-paint row (issue 38): from navigation start to the server's value on screen, for the
// same page and session served with the bootstrap (handler.inject()) and without it, in one run,
// in Chromium over a network of a phone's round trip (its latency emulated through CDP). The page
// is the production CDN file's, with a stored draft in a `persist: 'server'` namespace.
import {once} from 'node:events';
import {readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';
import {createSessionHandler, fileStore} from '../src/server/index.js';
import {tempDir} from '../test/temp-dir.js';

// The flags every other Chromium of the tests and the bench starts with (scripts are plain .mjs).
const {CHROMIUM_ARGS} = (await import(pathToFileURL(resolve('scripts/tools.mjs')).href)) as {CHROMIUM_ARGS: string[]};

/** The round trip the page's requests take (a 4G phone's is 50 to 150 ms). */
export const LATENCY_MS = 100;
/** Page loads per side: the two medians differ by less than one load's noise (±20 ms here), so
 * more loads than the other rows' 7, in alternating order so a slower spell weighs on both. */
const RUNS = 15;
const median = (times: number[]) => [...times].sort((a, b) => a - b)[times.length >> 1]!;

/** The page: the draft shown as text, and when the frame that shows it ran (`window.onScreen`). Its
 * script blocks rendering (a page whose content its script renders wants no frame without it), so
 * its first paint is the script's first frame: what the bootstrap can fill with the server's value. */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script type="module" blocking="render">
import {defineState, stateOf, stateVar} from '/page-state.js';
const notes = stateOf(defineState('Notes', {persist: 'server', vars: {draft: stateVar.string('', {urlKey: false})}}));
const show = () => {
  document.querySelector('p').textContent = notes.get('draft');
  if (notes.get('draft')) requestAnimationFrame(() => (window.onScreen ??= performance.now()));
};
notes.subscribe(show);
show();
</script></head><body><p></p><p>What comes below the draft.</p></body></html>`;

/** Medians (ms after navigation start) of the value on screen and of the first paint, with the bootstrap and without. */
export async function firstPaintBench() {
  const handler = createSessionHandler({
    secret: 'the first-paint bench secret, 32+ chars',
    store: fileStore(tempDir('bench-first-paint')),
  });
  const inject = handler.inject();
  const script = readFileSync('dist/page-state.js');
  const server = createServer((req, res) => {
    if (req.url === '/page-state.js') return void res.writeHead(200, {'content-type': 'text/javascript'}).end(script);
    const page = () => void res.writeHead(200, {'content-type': 'text/html'}).end(PAGE);
    void handler(req, res, () => (req.url === '/with' ? inject(req, res, page) : page()));
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const written = await fetch(`${base}/page-state/Notes`, {
    method: 'PUT',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({version: 1, values: {draft: 'Call the customer back about the refund'}}),
  });
  const [name, value] = written.headers.get('set-cookie')!.split(';')[0]!.split('=') as [string, string];
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const times = {
    with: [] as number[],
    without: [] as number[],
    paintWith: [] as number[],
    paintWithout: [] as number[],
  };
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const path of run % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const)) {
        // A fresh context each time: nothing cached, the session cookie only.
        const context = await browser.newContext();
        await context.addCookies([{name, value, url: base}]);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: LATENCY_MS,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
        await page.goto(`${base}/${path}`);
        await page.waitForFunction(() => 'onScreen' in window);
        const [onScreen, paint] = await page.evaluate(() => [
          (window as unknown as {onScreen: number}).onScreen,
          performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
        ]);
        times[path].push(onScreen!);
        times[path === 'with' ? 'paintWith' : 'paintWithout'].push(paint!);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return {
    latency: LATENCY_MS,
    runs: RUNS,
    withBootstrap: median(times.with),
    without: median(times.without),
    firstPaintWith: median(times.paintWith),
    firstPaintWithout: median(times.paintWithout),
  };
}
