// Micro-frontends for real (issue 12): the shell loads the CDN file, the inbox and the calendar
// are separate Vite bundles of the packed npm package (each with its own page-state and Lit),
// loaded in every order a page can load them (demo/micro-frontends.html?order=...).
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {launch, staticServer, watchConsole} from './harness.js';

const ELEMENTS = ['page-state', 'state-namespace', 'state-var', 'state-bind', 'state-focus'];
const DEEP_LINK = 'nav_section=calendar&in_query=mail&cal_view=week&utm_source=news&junk=1';
const params = (url: string) => [...new URL(url).searchParams].map(([k, v]) => `${k}=${v}`).sort();

describe('micro-frontends: separately bundled copies in any load order', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;

  before(async () => {
    server = await staticServer((path) =>
      path.startsWith('/bundle/')
        ? `<!doctype html><script type="module" src="/.build/bundles/${path.slice(8)}.js"></script>`
        : undefined,
    );
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (order: string) => {
    const page = await browser.newPage();
    const seen = watchConsole(page);
    await page.goto(`${server.base}/demo/micro-frontends.html?order=${order}&${DEEP_LINK}`);
    await page.waitForFunction((o) => document.documentElement.dataset.loaded === o, order, {timeout: 10_000});
    return {page, seen};
  };
  const inboxQuery = (page: Page) => page.locator('inbox-app input[name=query]');
  const calendarView = (page: Page) => page.locator('calendar-app select[name=view]');

  for (const order of ['cdn-first', 'cdn-last', 'bundles-only', 'lazy', 'other-version']) {
    it(`${order}: one runtime, every module's params in one URL, bindings that survive a reload`, async () => {
      const {page, seen} = await open(order);
      // Deep-link params reach every module, the late one included; the selfish inbox purged only junk.
      assert.equal(await inboxQuery(page).inputValue(), 'mail');
      assert.equal(await calendarView(page).inputValue(), 'week');
      assert.equal(
        await page
          .locator('inbox-app state-bind[path="NavState.section"]')
          .evaluate((bind) => bind.shadowRoot!.textContent),
        'calendar',
      );
      await page.waitForFunction(() => !location.search.includes('junk'));
      assert.deepEqual(params(page.url()), [
        'cal_view=week',
        'in_query=mail',
        'nav_section=calendar',
        `order=${order}`,
        'utm_source=news',
      ]);
      const state = await page.evaluate(() => ({
        defined: ['page-state', 'state-namespace', 'state-var', 'state-bind', 'state-focus'].map(
          (name) => !!customElements.get(name),
        ),
        copies: (window as unknown as {pageStateCopies: {api: {VERSION: string}}[]}).pageStateCopies.map(
          (c) => c.api.VERSION,
        ),
      }));
      assert.deepEqual(
        state.defined,
        ELEMENTS.map(() => true),
      );
      assert.deepEqual(state.copies, ['0.1.0', order === 'other-version' ? '0.0.9-other' : '0.1.0']);

      // A task writing through every copy makes one history write.
      const writes = await page.evaluate(async () => {
        type Api = typeof import('../../src/index.js');
        type Copy = {api: Api; definitions: Record<string, Parameters<Api['stateOf']>[0]>};
        const copies = (window as unknown as {pageStateCopies: Copy[]}).pageStateCopies;
        const scopeIn = (app: string) => document.querySelector(app)!.shadowRoot!.querySelector('page-state')!;
        let count = 0;
        (window as unknown as {navigation: EventTarget}).navigation.addEventListener(
          'currententrychange',
          () => count++,
        );
        const nav = document.querySelector('state-namespace')!;
        const shell = (window as unknown as {cdn?: Api}).cdn;
        (shell ?? copies[0]!.api).stateOf(nav.definition!, nav).set('section', 'inbox'); // the default: leaves the URL
        copies[0]!.api.stateOf(copies[0]!.definitions.Inbox!, scopeIn('inbox-app')).set('thread', 3);
        copies[1]!.api.stateOf(copies[1]!.definitions.Calendar!, scopeIn('calendar-app')).set('view', 'month');
        await new Promise((done) => setTimeout(done));
        return count;
      });
      assert.equal(writes, 1);
      assert.deepEqual(params(page.url()), [
        'cal_view=month',
        'in_query=mail',
        'in_thread=3',
        `order=${order}`,
        'utm_source=news',
      ]);

      // Typing in each module's shadow-root binding: the selfish inbox keeps shared and kept
      // params, and the calendar's, which is on screen beside it.
      await page.locator('header select[name=section]').selectOption('calendar');
      await page.waitForURL((url) => url.searchParams.get('nav_section') === 'calendar');
      await inboxQuery(page).fill('invoices');
      await page.waitForURL((url) => url.searchParams.get('in_query') === 'invoices');
      assert.deepEqual(params(page.url()), [
        'cal_view=month',
        'in_query=invoices',
        'in_thread=3',
        'nav_section=calendar',
        `order=${order}`,
        'utm_source=news',
      ]);
      await page.locator('calendar-app input[name=day]').fill('2026-12-24');
      await page.waitForURL((url) => url.searchParams.get('cal_day') === '2026-12-24');
      await inboxQuery(page).fill('receipts');
      await page.waitForURL((url) => url.searchParams.get('in_query') === 'receipts');
      assert.deepEqual(params(page.url()), [
        'cal_day=2026-12-24',
        'cal_view=month',
        'in_query=receipts',
        'in_thread=3',
        'nav_section=calendar',
        `order=${order}`,
        'utm_source=news',
      ]);
      // The refresh test, for everything on screen.
      await page.reload();
      await page.waitForFunction((o) => document.documentElement.dataset.loaded === o, order, {timeout: 10_000});
      assert.equal(await inboxQuery(page).inputValue(), 'receipts');
      assert.equal(await calendarView(page).inputValue(), 'month');
      assert.equal(await page.locator('calendar-app input[name=day]').inputValue(), '2026-12-24');
      assert.equal(await page.locator('header select[name=section]').inputValue(), 'calendar');
      assert.deepEqual(seen.errors, []);
      // Versions that differ but speak one protocol work together; saying so is a warning, and
      // warnings are the development build's: these bundles and the CDN file are production ones.
      assert.deepEqual(
        seen.warnings.filter((w) => /shares this page with page-state/.test(w)),
        [],
      );
      await page.close();
    });
  }

  it('a copy of another protocol says so in one console error and crashes nothing', async () => {
    const {page, seen} = await open('other-protocol');
    assert.equal(await inboxQuery(page).inputValue(), 'mail');
    assert.equal(seen.errors.length, 1, seen.errors.join('\n'));
    assert.match(
      seen.errors[0]!,
      /page-state 0\.1\.0 \(protocol 99\) (cannot share this page with|works alone beside) page-state 0\.1\.0 \(protocol 3\)/,
    );
    assert.ok(!seen.errors.some((e) => e.startsWith('uncaught')));
    await inboxQuery(page).fill('still works');
    await page.waitForURL((url) => url.searchParams.get('in_query') === 'still works');
    await page.close();
  });

  // `page-state` defines <page-state> (a named import is enough); `page-state/elements` the markup
  // elements too.
  const defines = {'controller-only': ELEMENTS.slice(0, 1), 'bare-import': ELEMENTS};
  for (const bundle of ['controller-only.vite', 'controller-only.esbuild', 'bare-import.vite', 'bare-import.esbuild']) {
    const expected = defines[bundle.split('.')[0] as keyof typeof defines];
    it(`a bundle of ${bundle.replace('.', ' built with ')} defines ${expected.join(', ')}`, async () => {
      const page = await browser.newPage();
      const seen = watchConsole(page);
      await page.goto(`${server.base}/bundle/${bundle}`);
      await page.waitForFunction(() => !!customElements.get('page-state'), undefined, {timeout: 5000});
      assert.deepEqual(await page.evaluate((names) => names.filter((n) => customElements.get(n)), ELEMENTS), expected);
      assert.deepEqual(seen.errors, []);
      await page.close();
    });
  }
});
