// The server storage client is a chunk of its own, loaded on first use (issue 37), in a Vite app
// importing only `page-state` (test/fixtures/lazy-notes, built by `vite build` from the packed
// package in scripts/bundles.mjs): with its notes on the server, the first load does not fetch
// the chunk, the first use does, and the notes hydrate from the session handler (the packed
// package's own) after a reload; with its notes in session storage, the chunk is never fetched.
import {strict as assert} from 'node:assert';
import {readdirSync, readFileSync} from 'node:fs';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {PACKED} from '../../bench/scenarios.js';
import {launch, staticServer, watchConsole} from './harness.js';

/** A string only the server client has: the header that tells a session handler's answer. */
const SERVER_CLIENT = 'page-state-protocol';

/** A build of the app: its page, the files its first load fetches (the entry and its
 * modulepreloads), and the files holding the server client. */
function built(name: 'lazy-server' | 'lazy-local') {
  const base = `/.build/bundles/${name}/`;
  const html = readFileSync(`.${base}index.html`, 'utf8');
  const firstLoad = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map(([, path]) => path!);
  const serverClient = readdirSync(`.${base}assets`)
    .map((file) => `${base}assets/${file}`)
    .filter((path) => path.endsWith('.js') && readFileSync(`.${path}`, 'utf8').includes(SERVER_CLIENT));
  return {page: `${base}index.html`, firstLoad, serverClient};
}

describe('a Vite app importing only page-state loads the server client on first use', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;

  before(async () => {
    const {createSessionHandler, memoryStore} = (await import(
      pathToFileURL(resolve(PACKED, 'dist/src/server/index.js')).href
    )) as typeof import('../../src/server/index.js');
    const handler = createSessionHandler({secret: 'the lazy chunk tests secret, 32+ chars', store: memoryStore()});
    const front = (req: IncomingMessage, res: ServerResponse, next: () => void) =>
      req.url === '/favicon.ico' ? void res.writeHead(204).end() : handler(req, res, next);
    server = await staticServer(undefined, '.', front);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh context's page on `app`, recording the path of every request it makes. */
  async function open(app: ReturnType<typeof built>) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const seen = watchConsole(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const load = async () => {
      await page.goto(`${server.base}${app.page}`);
      await page.waitForFunction(() => document.documentElement.dataset.loaded === 'yes');
    };
    await load();
    return {page, seen, requested, load, close: () => context.close()};
  }

  /** Opens the notes (their namespace's first use) and returns the draft they show once ready. */
  async function openNotes(page: Page) {
    await page.locator('#open').click();
    await page.waitForFunction(() => document.documentElement.dataset.notes === 'ready');
    return page.locator('#draft').inputValue();
  }

  it('vite build puts the server client in a chunk of its own, out of the first load', () => {
    const app = built('lazy-server');
    assert.ok(app.serverClient.length > 0, `no file of ${app.page}'s build holds the server client`);
    assert.deepEqual(
      app.serverClient.filter((file) => app.firstLoad.includes(file)),
      [],
      `the first load (${app.firstLoad.join(', ')}) holds the server client`,
    );
  });

  it('persist: "server": the chunk is fetched on first use, and the notes hydrate from the server after a reload', async () => {
    const app = built('lazy-server');
    const {page, seen, requested, load, close} = await open(app);
    const beforeUse = requested.length;
    assert.equal(await openNotes(page), '');
    const usedAt = requested.length;
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && new URL(response.url()).pathname === '/page-state/Notes',
    );
    await page.locator('#draft').fill('kept on the server');
    assert.ok((await saved).ok(), 'the session handler took the write');
    await load(); // the same context: the session cookie is kept, session storage has no notes
    assert.equal(await openNotes(page), 'kept on the server', 'the namespace hydrated from the server');
    assert.deepEqual(seen.errors, []);
    await close();
    const fetched = (paths: string[]) => paths.filter((path) => app.serverClient.includes(path));
    assert.deepEqual(fetched(requested.slice(0, beforeUse)), [], 'the first load fetched the server client');
    assert.notDeepEqual(fetched(requested.slice(beforeUse, usedAt)), [], 'the first use fetched the server client');
  });

  it('persist: "session" (the same app without server storage): the chunk is never fetched', async () => {
    const app = built('lazy-local');
    const {page, seen, requested, load, close} = await open(app);
    assert.equal(await openNotes(page), '');
    await page.locator('#draft').fill('kept in this tab');
    await load();
    assert.equal(await openNotes(page), 'kept in this tab', 'the namespace hydrated from session storage');
    assert.deepEqual(seen.errors, []);
    await close();
    assert.deepEqual(
      requested.filter((path) => app.serverClient.includes(path) || path.startsWith('/page-state')),
      [],
      'the app fetched the server client, or asked a session handler',
    );
  });
});
