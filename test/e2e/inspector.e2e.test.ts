// <state-inspector> (issue 23): opened by the demo's toggle, from the CDN file on the
// micro-frontends page (three copies of page-state) and from the Vite-built demo; it shows every
// namespace and who owns each URL param, restores a past state (the URL follows), is used with
// the keyboard alone, and axe-core finds nothing in it, in light and dark.
import {strict as assert} from 'node:assert';
import {mkdirSync} from 'node:fs';
import {resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {createSessionHandler, memoryStore} from '../../src/server/index.js';
import {launch, staticServer, watchConsole} from './harness.js';

const DEEP_LINK = 'nav_section=calendar&in_query=mail&cal_view=week&utm_source=news&junk=1';
const panel = (page: Page) => page.locator('state-inspector section');

/** axe-core's violations inside the inspector, as `rule: target` lines. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({path: resolve('node_modules/axe-core/axe.min.js')});
  return page.evaluate(async () => {
    type Axe = {run(context: unknown): Promise<{violations: {id: string; nodes: {target: unknown}[]}[]}>};
    const {violations} = await (window as unknown as {axe: Axe}).axe.run({include: [['state-inspector']]});
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

/** Presses Tab until the focus is on `selector` inside the inspector (at most 60 times). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate(
      (s) => !!document.querySelector('state-inspector')?.shadowRoot?.activeElement?.matches(s),
      selector,
    );
    if (there) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('<state-inspector>', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;

  before(async () => {
    server = await staticServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('from the CDN file: namespaces of every copy, URL owners, time travel by keyboard, axe-clean in light and dark', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const seen = watchConsole(page);
    await page.goto(`${server.base}/demo/micro-frontends.html?order=cdn-first&${DEEP_LINK}`);
    await page.waitForFunction(() => document.documentElement.dataset.loaded === 'cdn-first');
    await page.waitForFunction(() => !location.search.includes('junk'));
    // Keyboard only: Tab to the toggle, Enter opens the inspector (loaded now, not before).
    await page.focus('body');
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.id === 'inspect')); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await panel(page).waitFor();
    const text = (await panel(page).textContent())!;
    for (const name of ['NavState', 'Inbox', 'Calendar']) assert.match(text, new RegExp(name));
    const url = await page.locator('state-inspector .param').allTextContents();
    assert.ok(url.includes('in_query=mail own: Inbox'), url.join('\n'));
    assert.ok(url.includes('cal_view=week own: Calendar'), url.join('\n'));
    assert.ok(url.includes('nav_section=calendar shared: NavState'), url.join('\n'));
    assert.ok(url.includes('utm_source=news kept'), url.join('\n'));
    assert.ok(url.includes('order=cdn-first kept'), url.join('\n'));
    assert.ok(url.includes('junk=1 purged by the claim of Inbox'), url.join('\n'));

    // Two writes, then the first one's state restored: the binding and the URL follow.
    const query = page.locator('inbox-app input[name=query]');
    await query.fill('invoices');
    await page.waitForURL((u) => u.searchParams.get('in_query') === 'invoices');
    await query.fill('receipts');
    await page.waitForURL((u) => u.searchParams.get('in_query') === 'receipts');
    const target = 'button[aria-label^="Restore the state after Inbox.query = \\"invoices\\""]';
    await page.locator(`state-inspector ${target}`).waitFor();
    await tabTo(page, target);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('in_query') === 'invoices');
    assert.equal(await query.inputValue(), 'invoices');
    const newest = await page.locator('state-inspector .changes li').first().textContent();
    assert.match(newest!, /Inbox\.query = "invoices" set: time travel \(state-inspector\)/);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({colorScheme: scheme});
      assert.deepEqual(await violations(page), [], scheme);
      mkdirSync('.build/screenshots', {recursive: true});
      await page.locator('state-inspector').screenshot({path: `.build/screenshots/inspector-${scheme}.png`});
    }
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('from the Vite-built demo: the toggle loads it on demand and it lists the app', async () => {
    // The demo as `vite build` made it, at its root, with the session handler its notes persist to.
    const sessions = createSessionHandler({secret: 'the inspector test secret, 32+ chars', store: memoryStore()});
    const built = await staticServer(undefined, 'dist/demo', sessions);
    after(() => built.close());
    const page = await browser.newPage();
    const seen = watchConsole(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${built.base}/index.html`);
    await page.locator('#inspect').waitFor();
    assert.equal(
      requested.some((path) => /inspector-/.test(path)),
      false,
    );
    await page.locator('#inspect').click();
    await panel(page).waitFor();
    assert.ok(
      requested.some((path) => /\/assets\/inspector-[\w-]+\.js$/.test(path)),
      requested.join('\n'),
    );
    assert.match((await panel(page).textContent())!, /Workspace/);
    assert.equal(await page.locator('#inspect').getAttribute('aria-expanded'), 'true');
    await page.locator('#inspect').click();
    assert.equal(await page.locator('state-inspector').isHidden(), true);
    // A static host has no session store: the demo's persist: 'server' namespace gets 404s.
    assert.deepEqual(
      seen.errors.filter((error) => !/Failed to load resource: .* 404/.test(error)),
      [],
    );
    await page.close();
  });
});
