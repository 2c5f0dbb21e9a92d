// Signed-in users with real Passport (passport-local) and express-session, in Chromium: the
// page is the CDN file, the session handler keys server state by `req.user`, and the page
// follows the identity the handler's answers name. Two browser contexts are two devices.
import {strict as assert} from 'node:assert';
import {once} from 'node:events';
import type {Server} from 'node:http';
import {resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import {Strategy as LocalStrategy} from 'passport-local';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {identify} from '../../docs/recipes/signed-in-express.js';
import {createSessionHandler, fileStore} from '../../src/server/index.js';
import {tempDir} from '../temp-dir.js';
import {launch, watchErrors} from './harness.js';

const USERS = [
  {id: 'u-ada', username: 'ada'},
  {id: 'u-grace', username: 'grace'},
];

/** The app's page: a draft in each storage, a login form, and sign-out buttons: one signs out on
 * the server and navigates (the next page learns it from the server's answer), the other first
 * tells page-state to keep the signed-out identity's drafts in this browser for its next sign-in. */
const PAGE = `<!doctype html><html><head><script type="module">
import {defineState, serverStorage, setIdentity, stateOf, stateVar} from '/dist/page-state.js';
const text = () => ({text: stateVar.string('', {urlKey: false})});
window.server = serverStorage('/page-state', {debounceMs: 0});
window.drafts = {
  server: stateOf(defineState('ServerDraft', {persist: window.server, vars: text()})),
  local: stateOf(defineState('LocalDraft', {persist: 'local', vars: text()})),
  session: stateOf(defineState('SessionDraft', {persist: 'session', vars: text()})),
};
window.identities = [];
document.addEventListener('page-state-identity', (e) => window.identities.push(e.detail.identity));
const signOut = async (keepOnSignOut) => {
  await fetch('/logout', {method: 'POST'});
  if (keepOnSignOut) setIdentity(null, {keepOnSignOut});
  location.assign('/app?after=logout');
};
document.querySelector('#logout').addEventListener('click', () => signOut(false));
document.querySelector('#logout-keep').addEventListener('click', () => signOut(true));
</script></head><body>
<form id="login" method="post" action="/login"><input name="username"><input name="password" value="demo"><button>Sign in</button></form>
<button id="logout">Sign out</button> <button id="logout-keep">Sign out, keep my drafts here</button>
</body></html>`;

/** The Express app: Passport over express-session, and page-state's handler keyed by req.user. */
async function signInApp(adoptAnonymous: 'none' | 'missing') {
  const app = express();
  const auth = new passport.Passport(); // one per app: the tests start several
  app.use(session({secret: 'the express-session secret of the test', resave: false, saveUninitialized: false}));
  auth.use(
    new LocalStrategy((username, _password, done) =>
      done(null, USERS.find((user) => user.username === username) ?? false),
    ),
  );
  auth.serializeUser((user, done) => done(null, (user as {id: string}).id));
  auth.deserializeUser((id: string, done) => done(null, USERS.find((user) => user.id === id) ?? false));
  app.use(auth.initialize(), auth.session());
  app.post(
    '/login',
    express.urlencoded({extended: false}),
    auth.authenticate('local', {failureRedirect: '/app'}),
    (_req, res) => res.redirect('/app?after=login'),
  );
  app.post('/logout', (req, res, next) => req.logout((error) => (error ? next(error) : res.status(204).end())));
  app.use(
    createSessionHandler({
      secret: 'the page-state secret of the sign-in test',
      store: fileStore(tempDir('sign-in')),
      adoptAnonymous,
      identify, // the signed-in users guide's
    }),
  );
  app.get('/app', (_req, res) => void res.type('html').send(PAGE));
  app.use('/dist', express.static(resolve('dist')));
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as {port: number}).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

describe('signed-in users: Passport and express-session, in Chromium', () => {
  let browser: Browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  /** A browser context (a device) on the app, with the page open and its errors watched. */
  const device = async (base: string) => {
    const context = await browser.newContext({baseURL: base});
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    await page.goto('/app');
    return {context, page, errors};
  };
  const drafts = (page: Page) =>
    page.evaluate(() => {
      const {server, local, session} = (window as unknown as {drafts: Record<string, {get(key: 'text'): string}>})
        .drafts;
      return {server: server!.get('text'), local: local!.get('text'), session: session!.get('text')};
    });
  const write = (page: Page, values: Record<string, string>) =>
    page.evaluate(async (values) => {
      const win = window as unknown as {
        drafts: Record<string, {set(key: 'text', value: string): void; ready: Promise<void>}>;
        server: {flush(): Promise<void>};
      };
      for (const [where, text] of Object.entries(values)) win.drafts[where]!.set('text', text);
      await new Promise((done) => setTimeout(done)); // browser storage saves at the end of the task
      await win.server.flush();
    }, values);
  /** Signs in through the form (a full navigation), then waits until the page knows who it is. */
  const signIn = async (page: Page, username: string) => {
    await page.fill('#login [name=username]', username);
    await Promise.all([page.waitForURL('**/app?after=login'), page.click('#login button')]);
    await page.waitForFunction(() => (window as unknown as {identities: unknown[]}).identities.length > 0);
  };
  const signOut = async (page: Page, keep = false) => {
    await Promise.all([page.waitForURL('**/app?after=logout'), page.click(keep ? '#logout-keep' : '#logout')]);
    await page.evaluate(() => (window as unknown as {drafts: {server: {ready: Promise<void>}}}).drafts.server.ready);
  };
  const nothing = {server: '', local: '', session: ''};

  it("Ada's draft follows her to a second device; Grace after her sees nothing of it; Ada gets it all back", async () => {
    const {base, close} = await signInApp('none');
    let laptop: Awaited<ReturnType<typeof device>> | undefined;
    let phone: BrowserContext | undefined;
    try {
      laptop = await device(base);
      await signIn(laptop.page, 'ada');
      await write(laptop.page, {server: 'ada server', local: 'ada local', session: 'ada session'});

      const other = await device(base);
      phone = other.context;
      await signIn(other.page, 'ada');
      await other.page.waitForFunction(
        () => (window as unknown as {drafts: {server: {get(k: string): string}}}).drafts.server.get('text') !== '',
      );
      assert.equal((await drafts(other.page)).server, 'ada server', 'another device reads the account');

      await signOut(laptop.page, true); // keeping Ada's partitions in this browser for her next sign-in
      assert.deepEqual(await drafts(laptop.page), nothing, 'signed out: nothing of Ada shows');
      await signIn(laptop.page, 'grace');
      assert.deepEqual(await drafts(laptop.page), nothing, "Grace sees nothing of Ada's");
      await signOut(laptop.page);
      await signIn(laptop.page, 'ada');
      await laptop.page.waitForFunction(
        () => (window as unknown as {drafts: {server: {get(k: string): string}}}).drafts.server.get('text') !== '',
      );
      assert.deepEqual(await drafts(laptop.page), {server: 'ada server', local: 'ada local', session: 'ada session'});
      assert.deepEqual([...laptop.errors, ...other.errors], []);
    } finally {
      await laptop?.context.close();
      await phone?.close();
      await close();
    }
  });

  it("signing out without keeping deletes the signed-out identity's local and session drafts from the browser", async () => {
    const {base, close} = await signInApp('none');
    const laptop = await device(base);
    try {
      await signIn(laptop.page, 'ada');
      await write(laptop.page, {local: 'ada local', session: 'ada session'});
      await signOut(laptop.page);
      const keys = await laptop.page.evaluate(() =>
        [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key.split(':').length > 2),
      );
      assert.deepEqual(keys, [], 'no partition of Ada left');
      await signIn(laptop.page, 'ada');
      assert.deepEqual({...(await drafts(laptop.page)), server: ''}, nothing);
    } finally {
      await laptop.context.close();
      await close();
    }
  });

  for (const adoptAnonymous of ['none', 'missing'] as const) {
    it(`an anonymous draft, then a sign-in with adoptAnonymous '${adoptAnonymous}'`, async () => {
      const {base, close} = await signInApp(adoptAnonymous);
      const laptop = await device(base);
      try {
        await write(laptop.page, {server: 'anonymous draft'});
        const [anonymous] = (await laptop.context.cookies()).filter((cookie) => cookie.name === 'page_state_sid');
        assert.ok(anonymous, 'the anonymous write got a session cookie');
        await signIn(laptop.page, 'ada');
        await laptop.page.evaluate(
          () => (window as unknown as {drafts: {server: {ready: Promise<void>}}}).drafts.server.ready,
        );
        if (adoptAnonymous === 'missing')
          await laptop.page.waitForFunction(
            () => (window as unknown as {drafts: {server: {get(k: string): string}}}).drafts.server.get('text') !== '',
          );
        assert.equal((await drafts(laptop.page)).server, adoptAnonymous === 'missing' ? 'anonymous draft' : '');
        const replayed = await fetch(`${base}/page-state/ServerDraft`, {
          headers: {cookie: `page_state_sid=${anonymous.value}`},
        });
        assert.equal(replayed.status, 204, 'the old anonymous cookie reads nothing');
        assert.deepEqual(
          (await laptop.context.cookies()).filter((cookie) => cookie.name === 'page_state_sid'),
          [],
          'its cookie expired',
        );
      } finally {
        await laptop.context.close();
        await close();
      }
    });
  }
});
