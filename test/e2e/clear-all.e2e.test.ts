// clearAll() (issue 38), in Chromium over Express and the file store: a server, a local, a session
// and a scoped namespace back at their defaults, on screen and after a reload; nothing of them in
// either storage; the session cookie expired, and a replayed copy of it writes into a new session.
// A URL-only namespace is no persisted one: it keeps its value.
import {strict as assert} from 'node:assert';
import {once} from 'node:events';
import type {Server} from 'node:http';
import {resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import express from 'express';
import type {Browser, Page, Route} from 'playwright-core';
import {fileStore} from '../../src/server/index.js';
import {tempDir} from '../temp-dir.js';
import {recipe} from '../recipes.js';
import {launch, watchErrors} from './harness.js';

const WHERE = ['notes', 'local', 'session', 'scoped', 'url'] as const;
type Stores = Record<(typeof WHERE)[number], {set(key: string, value: string): void}>;

/** What each namespace shows on the page. */
const shown = (page: Page) =>
  page.evaluate(
    (where) => Object.fromEntries(where.map((id) => [id, document.querySelector(`#${id}`)!.textContent])),
    [...WHERE],
  );

describe('clearAll(): Chromium, Express and the file store', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  before(async () => {
    const {appWithState} =
      await recipe<typeof import('../../docs/examples/first-paint/express.js')>('first-paint/express');
    const app = express();
    app.use('/dist', express.static(resolve('dist')));
    app.use(
      appWithState(resolve('test/fixtures/first-paint'), {
        secret: 'the clearAll tests secret, 32+ chars',
        store: fileStore(tempDir('clear-all')),
      }),
    );
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('resets every persisted namespace of every scope, empties both storages, ends the session, and retires its id', async () => {
    const context = await browser.newContext({baseURL: base});
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    try {
      await page.goto('/clear-all.html');
      await page.waitForFunction(() => 'stores' in window);
      const put = page.waitForResponse((response) => response.request().method() === 'PUT');
      await page.evaluate(
        (where) => {
          const stores = (window as unknown as {stores: Stores}).stores;
          for (const id of where) stores[id].set(id === 'url' ? 'q' : 'draft', `${id} value`);
        },
        [...WHERE],
      );
      assert.equal((await put).status(), 204);
      const [cookie] = (await context.cookies()).filter((c) => c.name === 'page_state_sid');
      assert.ok(cookie, 'the write started a session');
      // A namespace another page of the app keeps, and another identity's (not this one's to delete).
      await page.evaluate(() => {
        localStorage.setItem('page-state:Elsewhere', '{"version":1,"values":{}}');
        localStorage.setItem('page-state:someone:Elsewhere', '{"version":1,"values":{}}');
      });

      // While the server cannot delete, clearAll rejects (never done before it is) and the
      // deletion is retried like a write: it lands once the server is back.
      const down = (route: Route) => route.fulfill({status: 503, headers: {'page-state-protocol': '1'}, body: ''});
      await page.route('**/page-state/', down);
      const failed = await page.evaluate(() =>
        (window as unknown as {clearAll(): Promise<void>}).clearAll().then(
          () => 'resolved',
          (error: Error) => error.message,
        ),
      );
      assert.match(failed, /DELETE \/page-state\/ failed; retrying/);
      const deleted = page.waitForResponse((response) => response.request().method() === 'DELETE');
      await page.unroute('**/page-state/', down);
      assert.equal((await deleted).status(), 204, 'the retry lands');

      const defaults = {notes: '', local: '', session: '', scoped: '', url: 'url value'};
      assert.deepEqual(await shown(page), defaults, 'on screen');
      assert.deepEqual(
        await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]),
        ['page-state:someone:Elsewhere'],
        "nothing of this identity's left in either storage",
      );
      assert.deepEqual(
        (await context.cookies()).filter((c) => c.name === 'page_state_sid'),
        [],
        'the session cookie expired',
      );
      await page.reload();
      await page.waitForFunction(() => 'stores' in window);
      assert.deepEqual(await shown(page), {...defaults, url: 'url value'}, 'after a reload');

      // A replayed copy of the old cookie reads nothing, and its write starts a new session.
      const old = {cookie: `page_state_sid=${cookie.value}`};
      assert.equal((await fetch(`${base}/page-state/Notes`, {headers: old})).status, 204);
      const replayed = await fetch(`${base}/page-state/Notes`, {
        method: 'PUT',
        headers: {...old, 'content-type': 'application/json'},
        body: JSON.stringify({version: 1, values: {draft: 'replayed'}}),
      });
      assert.equal(replayed.status, 204);
      const fresh = replayed.headers.get('set-cookie')?.split(';')[0] ?? '';
      assert.ok(fresh && !fresh.startsWith(`page_state_sid=${cookie.value.split('.')[0]}`), 'a new session id');
      assert.equal((await fetch(`${base}/page-state/Notes`, {headers: old})).status, 204, 'not into the old one');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
