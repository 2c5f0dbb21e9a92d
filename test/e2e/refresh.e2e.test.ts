// The refresh test in a routed Lit app (issue 34), over the app Vite builds from
// test/fixtures/routed: what the page shows is in the URL after a router link back to a view
// whose value came from storage (a new tab on that URL shows it), and back/forward show what
// each entry showed, with @lit-labs/router and with a Navigation-API router, page-state loaded
// before the router or after it, Search persisted in session or local storage.
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {launch, staticServer, watchConsole} from './harness.js';

type Route = 'search' | 'settings';
/** What the routed view on screen shows: its route and its one value. */
interface Screen {
  route: Route;
  value: string;
}

/** The view on screen, once rendered (undefined while none is). */
const screenOf = (page: Page) =>
  page.evaluate(async (): Promise<Screen | undefined> => {
    const app = document.querySelector('routed-app')?.shadowRoot;
    const view = (app?.querySelector('search-view') ?? app?.querySelector('settings-view')) as
      (HTMLElement & {updateComplete?: Promise<unknown>}) | null;
    if (!view?.shadowRoot) return undefined;
    await view.updateComplete;
    const route = view.localName === 'search-view' ? 'search' : 'settings';
    const value =
      view.shadowRoot.querySelector(route === 'search' ? '#shown-q' : '#shown-theme')?.textContent ?? undefined;
    return value === undefined ? undefined : {route, value};
  });

/** Waits until `route` is on screen showing `value`, and returns the page's URL. */
async function shows(page: Page, route: Route, value: string): Promise<string> {
  await page.waitForFunction(
    ([route, value]) => {
      const app = document.querySelector('routed-app')?.shadowRoot;
      const view = app?.querySelector(`${route}-view`)?.shadowRoot;
      return view?.querySelector(route === 'search' ? '#shown-q' : '#shown-theme')?.textContent === value;
    },
    [route, value] as const,
  );
  return page.url();
}

/** What a fresh load of `url` shows where nothing is stored: the URL's param, else the default. */
const fromUrl = (url: string, route: Route) =>
  new URL(url).searchParams.get(route === 'search' ? 's_q' : 't_theme') ?? (route === 'search' ? '' : 'light');

describe('the refresh test in a routed Lit app built by Vite', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;
  let app: string;

  before(async () => {
    // Every path of the app is its index.html, as a static host with an SPA fallback serves it.
    const {readFile} = await import('node:fs/promises');
    app = await readFile('.build/bundles/routed/index.html', 'utf8');
    server = await staticServer((path) => (path.startsWith('/app/') ? app : undefined));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page of its own (a fresh context: no storage shared with any other test) at `path`. */
  async function open(path: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const seen = watchConsole(page);
    await page.goto(`${server.base}${path}`);
    await page.waitForFunction(() => document.documentElement.dataset.loaded === 'yes');
    return {page, seen, close: () => context.close()};
  }

  /** What a new tab on `url` shows: a fresh context, nothing stored. */
  async function freshLoad(url: string, route: Route): Promise<string> {
    const {page, close} = await open(new URL(url).pathname + new URL(url).search);
    const screen = await screenOf(page);
    await close();
    assert.equal(screen?.route, route);
    return screen!.value;
  }

  const link = (page: Page, to: Route) => page.locator('routed-app').locator(`#to-${to}`).click();

  const configs = [
    ['lit', 'page-state-first', 'session'],
    ['lit', 'page-state-first', 'local'],
    ['lit', 'router-first', 'session'],
    ['lit', 'router-first', 'local'],
    ['nav', 'page-state-first', 'session'],
    ['nav', 'router-first', 'local'],
  ] as const;
  for (const [router, order, persist] of configs) {
    it(`${router === 'lit' ? '@lit-labs/router' : 'a Navigation-API router'}, ${order}, ${persist} storage: a link back puts the stored value into the URL, and history shows what each entry showed`, async () => {
      const base = `/app/${router}/${order}/${persist}`;
      const {page, seen, close} = await open(`${base}/search`);
      const landing = await shows(page, 'search', ''); // the landing entry: q at its default
      await link(page, 'settings');
      await shows(page, 'settings', 'light');
      await link(page, 'search');
      await shows(page, 'search', '');
      await page.locator('routed-app').locator('#q').fill('foo');
      await page.waitForURL((url) => url.search === '?s_q=foo');
      const typed = page.url();
      await link(page, 'settings'); // Search is off screen: the selfish claim of Settings purges s_q
      await page.waitForURL((url) => url.pathname === `${base}/settings` && url.search === '');
      await link(page, 'search'); // the router's link carries no s_q: storage gives foo, the read puts it back
      await shows(page, 'search', 'foo');
      await page.waitForURL((url) => url.pathname === `${base}/search` && url.search === '?s_q=foo');
      assert.equal(await freshLoad(page.url(), 'search'), 'foo', 'a new tab on the link back shows foo');

      for (let i = 0; i < 2; i++) await page.goBack();
      assert.equal(await shows(page, 'search', 'foo'), typed);
      for (let i = 0; i < 2; i++) await page.goBack();
      assert.equal(await shows(page, 'search', ''), landing, 'the landing entry showed the default');
      await page.goForward();
      await shows(page, 'settings', 'light');
      await page.goForward();
      assert.equal(await shows(page, 'search', 'foo'), typed);
      assert.deepEqual(seen.errors, []);
      await close();
    });
  }

  for (const router of ['lit', 'nav'] as const) {
    it(`the refresh test as a property, ${router === 'lit' ? '@lit-labs/router' : 'a Navigation-API router'}: after each of 200 random steps the URL carries what the screen shows, and a new tab shows it`, async () => {
      const {page, seen, close} = await open(`/app/${router}/page-state-first/session/search`);
      await shows(page, 'search', '');
      // A seeded walk (mulberry32): the same steps on every run.
      let seed = router === 'lit' ? 34 : 3434;
      const random = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const steps: string[] = [];
      for (let step = 1; step <= 200; step++) {
        const screen = (await screenOf(page))!;
        // The Navigation API (Chromium has it; TypeScript 5.9's DOM types do not yet).
        const {back, forward} = await page.evaluate(() => {
          const {navigation} = window as unknown as {navigation: {canGoBack: boolean; canGoForward: boolean}};
          return {back: navigation.canGoBack, forward: navigation.canGoForward};
        });
        const choices = [
          'type',
          'type',
          'to-search',
          'to-settings',
          ...(back ? ['back', 'back'] : []),
          ...(forward ? ['forward'] : []),
        ];
        const choice = choices[Math.floor(random() * choices.length)]!;
        steps.push(choice);
        if (choice === 'type' && screen.route === 'search')
          await page
            .locator('routed-app')
            .locator('#q')
            .fill(['', 'foo', 'bar', 'a b'][Math.floor(random() * 4)]!);
        else if (choice === 'type') await page.locator('routed-app').locator('#theme').click();
        else if (choice === 'back') await page.goBack();
        else if (choice === 'forward') await page.goForward();
        else await link(page, choice === 'to-search' ? 'search' : 'settings');
        // The screen and the URL agree once page-state's writes are in (the rate limiter may hold one).
        const agreed = await page
          .waitForFunction(() => {
            const app = document.querySelector('routed-app')?.shadowRoot;
            const search = app?.querySelector('search-view')?.shadowRoot?.querySelector('#shown-q')?.textContent;
            const theme = app?.querySelector('settings-view')?.shadowRoot?.querySelector('#shown-theme')?.textContent;
            const params = new URLSearchParams(location.search);
            if (search != null) return search === (params.get('s_q') ?? '') && location.pathname.endsWith('/search');
            return (
              theme != null && theme === (params.get('t_theme') ?? 'light') && location.pathname.endsWith('/settings')
            );
          })
          .then(
            () => true,
            () => false,
          );
        const now = (await screenOf(page))!;
        assert.ok(
          agreed,
          `step ${step} (${steps.join(' ')}): the screen shows ${now.route} = ${JSON.stringify(now.value)}, the URL is ${page.url()}`,
        );
        if (step % 20 === 0)
          assert.equal(
            await freshLoad(page.url(), now.route),
            now.value,
            `a new tab after step ${step} (${steps.join(' ')})`,
          );
        assert.equal(fromUrl(page.url(), now.route), now.value);
      }
      assert.deepEqual(seen.errors, []);
      await close();
    });
  }
});
