// Server state at first paint (issue 38), in Chromium over a real node:http server (Express, the
// docs' recipe, docs/examples/first-paint/express.ts) with the file store: a reload shows the
// stored value in its first animation frame, sends no GET for it and shifts no layout; the same
// page without inject() loads it as before; a reload right after typing shows what was typed; a
// value no markup may hold is shown as text; signed in, each account's first frame is its own.
import {strict as assert} from 'node:assert';
import {once} from 'node:events';
import type {Server} from 'node:http';
import {resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import express from 'express';
import type {Browser, Page} from 'playwright-core';
import {demoLogin} from '../../demo/login.js';
import {createSessionHandler, fileStore} from '../../src/server/index.js';
import {tempDir} from '../temp-dir.js';
import {recipe} from '../recipes.js';
import {firstFrame, firstFrameScript, launch, watchErrors} from './harness.js';

const SECRET = 'the first-paint tests secret, 32+ chars';
/** Long enough to wrap: arriving late, it pushes what is below it down (a layout shift). */
const DRAFT = 'Call the customer back about the refund; '.repeat(12).trim();
const HOSTILE = '</script><script>window.pwned = 1</script><!-- \u2028\u2029 & <b>bold</b> é';

/** Serves the pages (with inject(), through the docs' recipe, or without it), the CDN file and the demo's sign-in. */
async function serve(withInject: boolean, dir: string) {
  const pages = resolve('test/fixtures/first-paint');
  const login = demoLogin(SECRET);
  const options = {secret: SECRET, store: fileStore(dir), identify: login.identify};
  const app = express();
  app.use('/dist', express.static(resolve('dist')));
  app.use(login.middleware);
  if (withInject)
    app.use(
      (await recipe<typeof import('../../docs/examples/first-paint/express.js')>('first-paint/express')).appWithState(
        pages,
        options,
      ),
    );
  else app.use(createSessionHandler(options), express.static(pages));
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as {port: number}).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

interface Shown {
  text: string | null;
  local: string | null;
  session: string | null;
  hydrated?: boolean;
}
/** Records the drafts on screen in a page's first frame, and whether the server's store had its value then. */
const SHOWN = firstFrameScript(() => ({
  text: document.querySelector('#notes')?.textContent ?? null,
  local: document.querySelector('#local')?.textContent ?? null,
  session: document.querySelector('#session')?.textContent ?? null,
  hydrated: (window as unknown as {notes?: {hydrated: boolean}}).notes?.hydrated,
}));

/** What a load (or a reload) showed: its first frame, its layout shifts and the GETs it sent. */
async function load(page: Page, url?: string) {
  const gets: string[] = [];
  const record = (request: {method(): string; url(): string}) =>
    request.method() === 'GET' && request.url().includes('/page-state/') && gets.push(new URL(request.url()).pathname);
  page.on('request', record);
  await (url ? page.goto(url) : page.reload());
  await page.waitForFunction(() => (window as unknown as {notes?: {hydrated: boolean}}).notes?.hydrated);
  const {first, shifts} = await firstFrame<Shown>(page);
  page.off('request', record);
  return {...first, shifts, gets};
}

type Where = 'notes' | 'local' | 'session';
/** Writes drafts in the page; with `landed`, waits until the server took the server one. */
async function write(page: Page, drafts: Partial<Record<Where, string>>, landed = true) {
  const put = landed && drafts.notes !== undefined && page.waitForResponse((r) => r.request().method() === 'PUT');
  await page.evaluate((drafts) => {
    const stores = window as unknown as Record<Where, {set(key: string, value: string): void}>;
    for (const [where, text] of Object.entries(drafts)) stores[where as Where].set('draft', text);
  }, drafts);
  if (put) assert.equal((await put).status(), 204);
}
const signIn = (page: Page, as?: string) =>
  page.evaluate((as) => (window as unknown as {signIn(as?: string): Promise<Response>}).signIn(as), as);

describe('server state at first paint: Chromium, Express and the file store', () => {
  let browser: Browser;
  let servers: Awaited<ReturnType<typeof serve>>[];
  let base: string;
  before(async () => {
    const dir = tempDir('first-paint');
    servers = await Promise.all([serve(true, dir), serve(false, dir)]);
    base = servers[0]!.base;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
  });
  /** A fresh browser context (a device) recording first frames, its page's errors watched. */
  const device = async () => {
    const context = await browser.newContext();
    await context.addInitScript({content: SHOWN});
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    return {context, page, errors};
  };

  it('a reload shows the stored draft in its first frame, with no GET and no layout shift; without inject() the page loads it as before', async () => {
    const {context, page, errors} = await device();
    try {
      const first = await load(page, `${base}/notes.html`);
      assert.deepEqual(first.gets, ['/page-state/Notes'], 'a first visit has nothing stored: the page asks');
      await write(page, {notes: DRAFT});

      const reloaded = await load(page);
      assert.deepEqual(
        {text: reloaded.text, hydrated: reloaded.hydrated, gets: reloaded.gets, shifts: reloaded.shifts},
        {text: DRAFT, hydrated: true, gets: [], shifts: 0},
      );

      // The same page and session without inject(): a placeholder first, then the GET's answer.
      const without = await load(page, `${servers[1]!.base}/notes.html`);
      assert.deepEqual(
        {text: without.text, hydrated: without.hydrated, gets: without.gets},
        {text: '', hydrated: false, gets: ['/page-state/Notes']},
      );
      assert.equal(await page.textContent('#notes'), DRAFT, 'the GET brings the draft a moment later');
      assert.ok(without.shifts > 0, `the late draft shifts the layout (${without.shifts}): the measure sees shifts`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it("a reload right after typing shows what was typed: the page's own last write wins over the older bootstrap", async () => {
    const {context, page, errors} = await device();
    try {
      await load(page, `${base}/notes.html`);
      await write(page, {notes: 'saved'});
      // Within the debounce: the write leaves with pagehide, after this reload's page was answered.
      await write(page, {notes: 'typed just now'}, false);
      const reloaded = await load(page);
      assert.deepEqual({text: reloaded.text, gets: reloaded.gets}, {text: 'typed just now', gets: []});
      const again = await load(page);
      assert.equal(again.text, 'typed just now', 'and the server has it');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('a stored value holding </script>, <!--, U+2028 and U+2029 is shown intact and runs nothing', async () => {
    const {context, page, errors} = await device();
    try {
      await load(page, `${base}/notes.html`);
      await write(page, {notes: HOSTILE});
      const reloaded = await load(page);
      assert.deepEqual({text: reloaded.text, gets: reloaded.gets}, {text: HOSTILE, gets: []});
      assert.equal(await page.evaluate(() => (window as {pwned?: number}).pwned), undefined, 'no script ran');
      const html = await (await page.request.get(`${base}/notes.html`)).text();
      assert.equal(html.match(/<script/g)?.length, 2, "the bootstrap and the page's own script, no other");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it("signed in: Ada's first frame shows her drafts; after she signs out and Grace signs in, Grace's first frame shows nothing of Ada's", async () => {
    const {context, page, errors} = await device();
    const nothing = {text: '', local: '', session: ''};
    try {
      await load(page, `${base}/notes.html`);
      await signIn(page, 'ada');
      await load(page);
      await write(page, {notes: 'ada server', local: 'ada local', session: 'ada session'});
      const ada = await load(page);
      assert.deepEqual(
        {text: ada.text, local: ada.local, session: ada.session, gets: ada.gets},
        {text: 'ada server', local: 'ada local', session: 'ada session', gets: []},
      );

      await signIn(page); // signs out
      await signIn(page, 'grace');
      const grace = await load(page);
      assert.deepEqual({text: grace.text, local: grace.local, session: grace.session}, nothing, "none of Ada's");
      const left = await page.evaluate(() =>
        [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => /^page-state:.+:/.test(key)),
      );
      assert.deepEqual(left, [], "Ada's partitions left this browser");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
