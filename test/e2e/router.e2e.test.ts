// page-state beside @lit-labs/router (issue 11): the router pushes and traverses, page-state
// adopts every entry and never rewrites one, whichever of the two registered its popstate
// listener first, with the Navigation API and without it (the fallback path).
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {launch, staticServer, watchConsole} from './harness.js';

describe('page-state beside @lit-labs/router', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;

  before(async () => {
    server = await staticServer((path, req) => {
      if (!path.startsWith('/r/')) return undefined;
      const fallback = new URL(req.url!, 'http://x').searchParams.has('fallback');
      // Without the Navigation API, as in browsers that lack it: page-state wraps history instead.
      const hide = fallback ? `<script>Object.defineProperty(window, 'navigation', {value: undefined});</script>` : '';
      return `<!doctype html>${hide}<script type="module" src="/.build/bundles/router-app.js"></script><router-app></router-app>`;
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const shown = (page: Page, id: string) => page.locator('router-app').locator(`#${id}`).textContent();
  const click = (page: Page, id: string) => page.locator('router-app').locator(`#${id}`).click();

  for (const order of ['page-state-first', 'router-first']) {
    for (const fallback of [false, true]) {
      it(`${order}${fallback ? ', without the Navigation API' : ''}: links are adopted and back/forward land on each entry as it was`, async () => {
        const page = await browser.newPage();
        page.setDefaultTimeout(10_000);
        const seen = watchConsole(page);
        await page.goto(`${server.base}/r/search?order=${order}${fallback ? '&fallback' : ''}`);
        await page.waitForFunction((o) => document.documentElement.dataset.loaded === o, order);
        const start = page.url();
        const before = await page.evaluate(() => history.length); // about:blank counts too
        await click(page, 'to-linked');
        await page.waitForFunction(
          () =>
            document
              .querySelector('router-app')
              ?.shadowRoot?.querySelector('search-view')
              ?.shadowRoot?.querySelector('#shown-q')?.textContent === 'linked',
        );
        await page.locator('router-app').locator('#q').fill('alpha');
        await page.waitForURL((url) => url.search === '?s_q=alpha');
        await click(page, 'to-settings');
        assert.equal(await shown(page, 'shown-theme'), 'light');
        await click(page, 'theme');
        await page.waitForURL((url) => url.search === '?t_theme=dark');
        await click(page, 'to-search');
        await page.waitForURL((url) => url.pathname === '/r/search' && url.search === '');
        assert.equal(await shown(page, 'shown-q'), '');
        const entries = [
          start,
          `${server.base}/r/search?s_q=alpha`,
          `${server.base}/r/settings?t_theme=dark`,
          `${server.base}/r/search`,
        ];
        assert.equal(await page.evaluate(() => history.length), before + 3); // one entry per router push, none of ours

        // Every history write of the page, whoever makes it (page-state's go through these too).
        await page.evaluate(() => {
          const counted = window as unknown as {historyWrites: number};
          counted.historyWrites = 0;
          for (const method of ['pushState', 'replaceState'] as const) {
            const original = history[method];
            history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
              counted.historyWrites++;
              return original.apply(this, args);
            };
          }
        });
        const writes = () => page.evaluate(() => (window as unknown as {historyWrites: number}).historyWrites);
        const land = async (step: () => Promise<unknown>, url: string, id: string, value: string) => {
          const before = await writes();
          await step();
          await page.waitForURL(url);
          await page.waitForFunction(
            ([i, v]) => {
              const view = document
                .querySelector('router-app')
                ?.shadowRoot?.querySelector(i === 'shown-q' ? 'search-view' : 'settings-view');
              return view?.shadowRoot?.querySelector(`#${i}`)?.textContent === v;
            },
            [id, value] as const,
          );
          // Nothing is written into the entry arrived at: page-state writes at the end of a task, and
          // the page's next task comes after every write the traversal could have caused.
          await page.evaluate(() => new Promise((done) => setTimeout(done)));
          assert.equal(await writes(), before);
          assert.equal(page.url(), url);
        };
        await land(() => page.goBack(), entries[2]!, 'shown-theme', 'dark');
        await land(() => page.goBack(), entries[1]!, 'shown-q', 'alpha');
        await land(() => page.goForward(), entries[2]!, 'shown-theme', 'dark');
        await land(() => page.goForward(), entries[3]!, 'shown-q', '');
        if (!fallback)
          assert.deepEqual(
            await page.evaluate(() =>
              (window as unknown as {navigation: {entries(): {url: string}[]}}).navigation.entries().map((e) => e.url),
            ),
            entries,
          );
        await land(() => page.goBack(), entries[2]!, 'shown-theme', 'dark');
        await land(() => page.goBack(), entries[1]!, 'shown-q', 'alpha');
        await land(() => page.goBack(), entries[0]!, 'shown-q', '');
        assert.equal(await page.evaluate(() => history.length), before + 3);
        assert.deepEqual(seen.errors, []);
        await page.close();
      });
    }
  }

  it('a link without their params shows the defaults of a plain namespace and the stored value of a persisted one, which the view puts back into the URL', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const seen = watchConsole(page);
    await page.goto(`${server.base}/r/search?order=page-state-first`);
    await page.waitForFunction(() => document.documentElement.dataset.loaded === 'page-state-first');
    await click(page, 'sort');
    await page.locator('router-app').locator('#q').fill('alpha');
    await page.waitForURL((url) => url.search === '?order=page-state-first&o_sort=newest&s_q=alpha');
    await click(page, 'to-settings');
    await page.waitForURL((url) => url.pathname === '/r/settings');
    await click(page, 'to-search');
    // The view reads the stored sort: restore on touch puts it into the URL (a new tab shows it too).
    await page.waitForURL((url) => url.pathname === '/r/search' && url.search === '?o_sort=newest');
    const shows = (q: string, sort: string) =>
      page.waitForFunction(
        ([q, sort]) => {
          const view = document.querySelector('router-app')?.shadowRoot?.querySelector('search-view')?.shadowRoot;
          return (
            view?.querySelector('#shown-q')?.textContent === q &&
            view?.querySelector('#shown-sort')?.textContent === sort
          );
        },
        [q, sort] as const,
      );
    await shows('', 'newest');
    await page.reload(); // the refresh test: the same
    await shows('', 'newest');
    await page.goBack(); // the settings entry, then the search entry the router pushed with both params
    await page.goBack();
    await shows('alpha', 'newest');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
