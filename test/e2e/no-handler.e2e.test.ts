// persist: 'server' where no session handler answers (yet), in both CDN builds: what answers at
// /page-state is the app's own 404, a static server's HTML 404, or a redirect to a login page.
// Every write waits and lands once the handler is mounted, one page-state-error says so, the
// development build says how to mount it; and a first visit to a mounted handler is quiet.
import {strict as assert} from 'node:assert';
import {readFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {createSessionHandler, memoryStore} from '../../src/server/index.js';
import {launch} from './harness.js';

/** What answers at /page-state: page-state's handler, or one of the things that stand in for it. */
type Mode = 'mounted' | 'app 404' | 'static HTML 404' | '302 to a login page' | 'the handler refusing (503)';
let mode: Mode = 'mounted';
const handler = createSessionHandler({secret: 'the no-handler tests secret, 32+ chars', store: memoryStore()});
/** Every request to /page-state and what answered it. */
const log: {method: string; path: string; status: number; mode: Mode}[] = [];
const waiters = new Set<() => void>();
/** Resolves once a logged request matches `wanted` (one logged already counts). */
const until = (wanted: (entry: (typeof log)[number]) => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => log.some(wanted) && (waiters.delete(check), resolve(), true);
    if (!check()) waiters.add(check);
  });

const page = (dist: string) => `<!doctype html><meta charset="utf-8"><script type="module">
  import {defineState, stateVar, stateOf} from '${dist}';
  const reports = [];
  document.addEventListener('page-state-error', (event) => reports.push(event.detail));
  const Notes = defineState('Notes', {persist: 'server', vars: {note: stateVar.string('', {urlKey: false})}});
  const Prefs = defineState('Prefs', {persist: 'server', vars: {theme: stateVar.string('light', {urlKey: false})}});
  Object.assign(window, {reports, notes: stateOf(Notes), prefs: stateOf(Prefs)});
</script>`;

async function serve(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url!, 'http://x').pathname;
  if (path === '/production.html' || path === '/development.html') {
    return void res
      .writeHead(200, {'content-type': 'text/html'})
      .end(page(path === '/production.html' ? '/dist/page-state.js' : '/dist/page-state.dev.js'));
  }
  if (path.startsWith('/dist/'))
    return void res.writeHead(200, {'content-type': 'text/javascript'}).end(await readFile(`.${path}`));
  if (path === '/favicon.ico') return void res.writeHead(204).end(); // no 404 of the test's own making
  if (path === '/login') return void res.writeHead(200, {'content-type': 'text/html'}).end('<form>Sign in</form>');
  if (!path.startsWith('/page-state/')) return void res.writeHead(404).end();
  const answered = mode;
  res.once('finish', () => {
    log.push({method: req.method!, path, status: res.statusCode, mode: answered});
    waiters.forEach((check) => check());
  });
  if (mode === 'mounted') return handler(req, res);
  req.resume(); // a stand-in reads no body
  if (mode === 'the handler refusing (503)')
    return void res.writeHead(503, {'page-state-protocol': '1', 'retry-after': '1'}).end();
  if (mode === 'app 404')
    return void res.writeHead(404, {'content-type': 'text/plain'}).end('Cannot ' + req.method + ' ' + path);
  if (mode === 'static HTML 404')
    return void res.writeHead(404, {'content-type': 'text/html'}).end('<h1>404 Not Found</h1><hr>nginx');
  res.writeHead(302, {location: '/login'}).end();
}

/** The page's console errors and its requests that failed or answered 400+. */
function watch(tab: Page) {
  const seen = {errors: [] as string[], failed: [] as string[]};
  tab.on('console', (message) => void (message.type() === 'error' && seen.errors.push(message.text())));
  tab.on('pageerror', (error) => seen.errors.push(`uncaught: ${error.message}`));
  tab.on('requestfailed', (request) => seen.failed.push(`${request.method()} ${request.url()} failed`));
  tab.on(
    'response',
    (response) =>
      void (
        response.status() >= 400 &&
        seen.failed.push(`${response.request().method()} ${response.url()} ${response.status()}`)
      ),
  );
  return seen;
}

const BUILDS = ['production', 'development'] as const;
/** A write that never lands fails its test instead of hanging the run. */
const LIMIT = {timeout: 20_000};
const noteOf = (tab: Page) =>
  tab.evaluate(async () => {
    const {notes} = window as unknown as {notes: {ready: Promise<void>; state: {note: string}}};
    await notes.ready;
    return notes.state.note;
  });

describe('persist: server where no session handler answers', () => {
  let browser: Browser;
  let base = '';
  const server = createServer((req, res) => void serve(req, res));
  before(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await new Promise((done) => server.close(done));
  });

  /** A tab of a context of its own on `build`'s page while `stranger` answers at /page-state: its
   * read failed, `note` was typed, and its write was refused. */
  async function typedWhileRefused(build: (typeof BUILDS)[number], stranger: Mode, note: string) {
    mode = stranger;
    log.length = 0;
    const context = await browser.newContext();
    const tab = await context.newPage();
    const seen = watch(tab);
    await tab.goto(`${base}/${build}.html`);
    assert.equal(await noteOf(tab), '', 'the failed read leaves the default');
    const refused = until((entry) => entry.method === 'PUT' && entry.mode === stranger);
    await tab.evaluate(
      (text) => ((window as unknown as {notes: {state: {note: string}}}).notes.state.note = text),
      note,
    );
    await refused;
    return {context, tab, seen};
  }

  for (const build of BUILDS) {
    it(`${build}: a first visit to a mounted handler prints nothing red and fails no request`, LIMIT, async () => {
      mode = 'mounted';
      const context = await browser.newContext();
      const tab = await context.newPage();
      const seen = watch(tab);
      await tab.goto(`${base}/${build}.html`);
      assert.equal(await noteOf(tab), '');
      const landed = until((entry) => entry.method === 'PUT' && entry.status === 204 && entry.mode === 'mounted');
      await tab.evaluate(() => ((window as unknown as {notes: {state: {note: string}}}).notes.state.note = 'first'));
      await landed;
      assert.deepEqual(seen, {errors: [], failed: []});
      assert.deepEqual(await tab.evaluate(() => (window as unknown as {reports: unknown[]}).reports), []);
      await context.close();
    });

    for (const stranger of ['app 404', 'static HTML 404', '302 to a login page'] as const) {
      it(
        `${build}: ${stranger}, then the handler is mounted: the write waits, lands, and was reported once`,
        LIMIT,
        async () => {
          const {context, tab, seen} = await typedWhileRefused(build, stranger, 'not lost');
          mode = 'mounted';
          await until((entry) => entry.method === 'PUT' && entry.status === 204 && entry.mode === 'mounted');
          const reports = await tab.evaluate(
            () => (window as unknown as {reports: {namespace: string; reason: string; raw: unknown}[]}).reports,
          );
          const status = stranger === '302 to a login page' ? 200 : 404;
          assert.equal(reports.length, 1, JSON.stringify(reports));
          assert.equal(reports[0]!.namespace, 'Notes');
          assert.match(
            reports[0]!.reason,
            new RegExp(`^PS_NO_SESSION_HANDLER: GET /page-state/Notes answered ${status}`),
          );
          assert.deepEqual(reports[0]!.raw, {endpoint: '/page-state', method: 'GET', status});
          const ours = seen.errors.filter((text) => text.includes('PS_NO_SESSION_HANDLER'));
          if (build === 'development') {
            assert.equal(ours.length, 1, seen.errors.join('\n'));
            assert.match(ours[0]!, /no session handler answers at \/page-state/);
            assert.match(ours[0]!, /app\.use\(createSessionHandler\(\{store: fileStore\('\.\/sessions'\)\}\)\)/);
          } else assert.deepEqual(ours, [], 'production logs nothing of its own');
          await tab.reload();
          assert.equal(await noteOf(tab), 'not lost', 'the server holds the write made while nothing answered');
          await context.close();
        },
      );
    }

    it(
      `${build}: a reload while nothing answers keeps what was typed: the next page shows it and sends it until the handler answers`,
      LIMIT,
      async () => {
        const {context, tab} = await typedWhileRefused(build, 'app 404', 'typed');
        await tab.reload(); // its keepalive write is refused too
        assert.equal(await noteOf(tab), 'typed', 'the page after the reload shows what the one before still owed');
        const landed = until((entry) => entry.method === 'PUT' && entry.status === 204 && entry.mode === 'mounted');
        mode = 'mounted';
        await landed;
        const fresh = await context.newPage(); // a page of its own: no hand-over, the server's answer
        await fresh.goto(`${base}/${build}.html`);
        assert.equal(await noteOf(fresh), 'typed', 'the server holds it');
        await context.close();
      },
    );

    it(
      `${build}: what the page before still owed is not taken over by a page reached otherwise than by a reload, nor when the handler answered the read`,
      LIMIT,
      async () => {
        for (const [stranger, next] of [
          ['app 404', 'a link to the same page'],
          ['the handler refusing (503)', 'a reload'],
        ] as const) {
          const {context, tab} = await typedWhileRefused(build, stranger, 'owed');
          // A link may lead through a sign-in page; a refusal may come after those writes landed.
          if (next === 'a reload') await tab.reload();
          else await tab.goto(`${base}/${build}.html`);
          assert.equal(await noteOf(tab), '', `${stranger}, then ${next}`);
          await context.close();
        }
        mode = 'mounted';
      },
    );
  }
});
