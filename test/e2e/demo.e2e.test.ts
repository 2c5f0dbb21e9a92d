// End to end: the demo served as `npm start` serves it, driven in Debian's Chromium.
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import type {ViteDevServer} from 'vite';
import {distinctColours, launch, startDemo, watchErrors} from './harness.js';

describe('the demo, end to end', () => {
  let base = '';
  let server: ViteDevServer;
  let browser: Browser;
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const open = async (path = '/', context?: BrowserContext): Promise<Page> => {
    const ctx = context ?? (await browser.newContext());
    if (!context) contexts.push(ctx);
    const page = watchErrors(await ctx.newPage(), errors);
    await page.goto(base + path);
    await page.locator('ticket-detail #priority').waitFor();
    return page;
  };
  const search = (page: Page) => decodeURIComponent(new URL(page.url()).search);

  before(async () => {
    ({base, server} = await startDemo());
    browser = await launch();
  });
  after(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });

  it('mounts the session store: nothing stored yet answers 204, as page-state', async () => {
    const nothing = await fetch(`${base}/page-state/SomeNamespace`);
    assert.equal(nothing.status, 204);
    assert.equal(nothing.headers.get('page-state-protocol'), '1');
  });

  it('passes the refresh test', async () => {
    const page = await open();
    await page.click('[data-ticket="T-1043"]');
    await page.selectOption('#priority', '3');
    await page.selectOption('#status', 'triaged');
    await page.fill('#tags', 'pdf, billing');
    await page.press('#tags', 'Tab');
    await page.fill('#due', '2026-12-01');
    await page.waitForURL((url) => url.search.includes('ws_due=2026-12-01'));
    assert.equal(search(page), '?ws_tid=T-1043&ws_pri=high&ws_status=triaged&ws_tags=pdf,billing&ws_due=2026-12-01');
    await page.reload();
    await page.locator('#ticket-title').waitFor();
    assert.deepEqual(
      [
        await page.inputValue('#priority'),
        await page.inputValue('#status'),
        await page.inputValue('#tags'),
        await page.inputValue('#due'),
      ],
      ['3', 'triaged', 'pdf, billing', '2026-12-01'],
    );
    assert.match((await page.textContent('#ticket-title'))!, /T-1043/);
  });

  it('opens a deep link in a fresh browser context', async () => {
    const page = await open('/?ws_tid=T-1047&ws_pri=low&ws_tags=export,csv&view=board');
    assert.match((await page.textContent('#ticket-title'))!, /T-1047/);
    assert.equal(await page.inputValue('#priority'), '1');
    assert.equal(await page.getAttribute('#view-board', 'aria-pressed'), 'true');
    assert.equal(search(page), '?ws_tid=T-1047&ws_pri=low&ws_tags=export,csv&view=board');
  });

  it("shows a bad deep link's rejected params in the inspector and corrects the URL", async () => {
    const page = await open('/?ws_tid=T-1044&ws_pri=urgent&ws_due=2026-02-30');
    await page.waitForURL((url) => !url.search.includes('urgent'));
    assert.equal(search(page), '?ws_tid=T-1044');
    const rejected = await page.locator('activity-log #errors').textContent();
    assert.match(rejected!, /Workspace\.priority/);
    assert.match(rejected!, /Workspace\.due.*2026-02-30 is not a day of the calendar/);
  });

  it('goes back and forward through opened tickets', async () => {
    const page = await open();
    for (const id of ['T-1042', 'T-1044', 'T-1046']) {
      await page.click(`[data-ticket="${id}"]`);
      await page.waitForURL((url) => url.search.includes(id));
    }
    await page.goBack();
    await page.waitForURL((url) => url.search.includes('T-1044'));
    assert.match((await page.textContent('#ticket-title'))!, /T-1044/);
    await page.goBack();
    assert.match((await page.locator('#ticket-title').textContent())!, /T-1042/);
    await page.goForward();
    await page.waitForURL((url) => url.search.includes('T-1044'));
    assert.match((await page.textContent('#ticket-title'))!, /T-1044/);
  });

  it('purges foreign params for the selfish workspace, keeps the shared view, and focus() claims the URL', async () => {
    const page = await open('/?view=board&ws_tid=T-1045&junk=1&utm_source=mail');
    await page.waitForURL((url) => !url.search.includes('junk'));
    assert.equal(search(page), '?view=board&ws_tid=T-1045');
    await page.evaluate(() => history.replaceState(null, '', `${location.search}&campaign=x`));
    await page.click('#focus');
    await page.waitForURL((url) => !url.search.includes('campaign'));
    assert.equal(search(page), '?view=board&ws_tid=T-1045');
  });

  it('restores params that vanished from a hand-edited URL when the workspace is touched', async () => {
    const page = await open('/?ws_tid=T-1048&ws_pri=high');
    await page.evaluate(() => history.replaceState(null, '', '/?unrelated=1'));
    await page.fill('#draft', 'touching re-renders the ticket panel');
    await page.waitForURL((url) => url.search.includes('ws_tid'));
    assert.equal(search(page), '?unrelated=1&ws_tid=T-1048&ws_pri=high');
  });

  it('syncs local settings between two tabs', async () => {
    const first = await open();
    const second = await open('/', first.context());
    await first.click('#theme');
    await second.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await second.selectOption('#density', 'compact');
    await first.waitForFunction(() => document.documentElement.dataset.density === 'compact');
    await first.click('#theme'); // back to light for the screenshot below
    await second.selectOption('#density', 'comfortable');
  });

  it('keeps the server draft across a reload and in a new context with the cookie, and forgets it after clear()', async () => {
    const page = await open();
    const saved = page.waitForResponse((r) => r.url().endsWith('/page-state/Notes') && r.request().method() === 'PUT');
    await page.fill('#draft', 'Call the vendor about T-1047');
    assert.equal((await saved).status(), 204);
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('ticket-detail')?.shadowRoot?.querySelector('textarea')?.value !== '',
    );
    assert.equal(await page.inputValue('#draft'), 'Call the vendor about T-1047');

    const other = await browser.newContext();
    contexts.push(other);
    await other.addCookies(await page.context().cookies());
    const elsewhere = await open('/', other);
    await elsewhere.waitForFunction(
      () => document.querySelector('ticket-detail')?.shadowRoot?.querySelector('textarea')?.value !== '',
    );
    assert.equal(await elsewhere.inputValue('#draft'), 'Call the vendor about T-1047');

    const deleted = page.waitForResponse(
      (r) => r.url().endsWith('/page-state/Notes') && r.request().method() === 'DELETE',
    );
    await page.click('#clear-notes');
    assert.equal((await deleted).status(), 204);
    // Listen before reloading: the page may fetch the draft before reload() returns.
    const notes = page.waitForResponse((r) => r.url().endsWith('/page-state/Notes') && r.request().method() === 'GET');
    await page.reload();
    assert.equal((await notes).status(), 204);
    assert.equal(await page.inputValue('#draft'), '');
  });

  it('shows the private notes in the first frame that shows the notes at all, with no request for them (the page is served with them)', async () => {
    const page = await open();
    const saved = page.waitForResponse((r) => r.url().endsWith('/page-state/Notes') && r.request().method() === 'PUT');
    await page.fill('#draft', 'Served with the page');
    assert.equal((await saved).status(), 204);
    // Every frame until the notes are on screen: what they showed then.
    await page.context().addInitScript(() => {
      const look = () => {
        const notes = document.querySelector('ticket-detail')?.shadowRoot?.querySelector('textarea');
        if (notes) (window as {firstNotes?: string}).firstNotes = notes.value;
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    const gets: string[] = [];
    page.on('request', (r) => r.url().includes('/page-state/') && r.method() === 'GET' && gets.push(r.url()));
    await page.reload();
    await page.waitForFunction(() => 'firstNotes' in window);
    assert.equal(await page.evaluate(() => (window as {firstNotes?: string}).firstNotes), 'Served with the page');
    assert.deepEqual(gets, []);
  });

  it("signs in with the demo's accounts: Ada's draft follows her into a second window, Grace's window shows none of it", async () => {
    const draft = (page: Page) =>
      page.waitForFunction(
        () => document.querySelector('ticket-detail')?.shadowRoot?.querySelector('textarea')?.value !== '',
      );
    /** Signs a window in through the app bar's picker (the page reloads, served with who it is). */
    const signIn = async (page: Page, account: string) => {
      await Promise.all([page.waitForEvent('load'), page.selectOption('app-bar #account', account)]);
      await page.locator('ticket-detail #priority').waitFor();
    };
    const laptop = await open();
    await signIn(laptop, 'ada');
    const saved = laptop.waitForResponse(
      (r) => r.url().endsWith('/page-state/Notes') && r.request().method() === 'PUT',
    );
    await laptop.fill('#draft', "Ada's draft: call the vendor");
    assert.equal((await saved).status(), 204);
    assert.equal((await saved).headers()['page-state-identity']?.length, 22, 'the answer names the account');

    const phone = await open(); // another browser context: no cookie shared
    await signIn(phone, 'ada');
    await draft(phone);
    assert.equal(await phone.inputValue('#draft'), "Ada's draft: call the vendor");

    const shared = await open();
    await signIn(shared, 'grace');
    assert.equal(await shared.inputValue('#draft'), '', "Grace's window shows nothing of Ada's");
    await signIn(shared, '');
    assert.equal(await shared.inputValue('#draft'), '');
  });

  it('renders a demo that is not blank, with no uncaught errors anywhere', async () => {
    const page = await open('/?ws_tid=T-1042&ws_pri=high&ws_tags=safari,ui');
    await page.setViewportSize({width: 1400, height: 900});
    const png = await page.screenshot({path: process.env.DEMO_SCREENSHOT || undefined});
    assert.ok(png.length > 20_000, `screenshot is ${png.length} bytes`);
    assert.ok((await distinctColours(page, png)) > 50, 'the screenshot shows more than a blank page');
    for (const path of ['/demo/plain.html?p_tid=T-7', '/demo/micro-frontends.html']) {
      const other = watchErrors(await page.context().newPage(), errors);
      await other.goto(base + path);
      await other.waitForLoadState('networkidle');
    }
    assert.deepEqual(errors, []);
  });
});
