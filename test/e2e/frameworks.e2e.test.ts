// One set of definitions everywhere (issue 14): React 19 and Vue 3 apps, bundled from the packed
// package in the test run, stay in step with set(), the URL and <state-bind>; error names
// survive every minified build.
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {launch, staticServer, watchConsole} from './harness.js';

const PAGES: Record<string, string> = {
  '/fx/react': '<div id="root"></div><script type="module" src="/.build/bundles/react-app.js"></script>',
  '/fx/vue': '<div id="root"></div><script type="module" src="/.build/bundles/vue-app.js"></script>',
  '/fx/react-scoped': '<div id="root"></div><script type="module" src="/.build/bundles/react-scoped.js"></script>',
  '/fx/react-memo': '<div id="root"></div><script type="module" src="/.build/bundles/react-memo.js"></script>',
  '/fx/vue-scoped': '<div id="root"></div><script type="module" src="/.build/bundles/vue-scoped.js"></script>',
  '/fx/error-vite': '<script type="module" src="/.build/bundles/error-name.js"></script>',
  '/fx/error-cdn': `<script type="module">
    import {defineState, stateOf, stateVar} from '/dist/page-state.js';
    try { stateOf(defineState('Err', {vars: {n: stateVar.int(0)}})).set('n', 'x'); }
    catch (error) { window.result = {name: error.name, text: String(error), isError: error instanceof Error}; }
  </script>`,
  '/fx/error-iife': `<script src="/dist/page-state.iife.js"></script><script>
    try { PageState.stateOf(PageState.defineState('Err', {vars: {n: PageState.stateVar.int(0)}})).set('n', 'x'); }
    catch (error) { window.result = {name: error.name, text: String(error), isError: error instanceof Error}; }
  </script>`,
};

describe('frameworks and production builds', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;

  before(async () => {
    server = await staticServer((path) =>
      PAGES[path] ? `<!doctype html><meta charset="utf-8">${PAGES[path]}` : undefined,
    );
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const shows = (page: Page, q: string, pageNumber: number) =>
    page.waitForFunction(
      ([text, n]) =>
        document.querySelector('#q')?.textContent === text &&
        document.querySelector('#page')?.textContent === String(n),
      [q, pageNumber] as const,
    );

  for (const framework of ['react', 'vue']) {
    it(`${framework}: the hook re-renders on set(), on back/forward and on <state-bind> input, without warnings`, async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      const seen = watchConsole(page);
      await page.goto(`${server.base}/fx/${framework}?sh_q=deep`);
      await shows(page, 'deep', 1);
      assert.equal(await page.inputValue('#bound'), 'deep');

      await page.evaluate(() =>
        (window as unknown as {fixture: {store: {set(v: object): void}}}).fixture.store.set({q: 'set', page: 2}),
      );
      await shows(page, 'set', 2);
      assert.equal(await page.inputValue('#bound'), 'set');

      await page.fill('#bound', 'typed');
      await shows(page, 'typed', 2);
      await page.waitForURL((url) => url.search === '?sh_q=typed&sh_page=2');

      await page.evaluate(() => history.pushState(null, '', '?sh_q=pushed&sh_page=3'));
      await shows(page, 'pushed', 3);
      await page.goBack();
      await shows(page, 'typed', 2);
      await page.goForward();
      await shows(page, 'pushed', 3);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.warnings, []);
      await page.close();
    });
  }

  it("react (development build, StrictMode): a deep link's start during React's commit warns of nothing", async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const seen = watchConsole(page);
    await page.goto(`${server.base}/fx/react-scoped?s_note=deep`);
    await page.waitForFunction(() => document.querySelector('#changes')?.textContent === 'note=deep init');
    assert.equal(await page.inputValue('#note'), 'deep');
    await page.fill('#note', 'typed');
    await page.waitForFunction(() => document.querySelector('#changes')?.textContent?.endsWith('note=typed set'));
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.warnings, []);
    await page.close();
  });

  for (const framework of ['react-memo', 'vue-scoped']) {
    it(`${framework}: the guide's scope recipe shows what the <state-bind> of that scope shows`, async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      const seen = watchConsole(page);
      await page.goto(`${server.base}/fx/${framework}?sc_q=deep`);
      await page.waitForFunction(() => document.querySelector('#q')?.textContent === 'deep');
      await page.fill('#typed', 'typed');
      await page.waitForFunction(() => document.querySelector('#q')?.textContent === 'typed');
      assert.deepEqual(seen.errors, []);
      const late = seen.warnings.filter((w) => w.includes('stateOf(Scoped) without a node'));
      assert.equal(late.length, framework === 'vue-scoped' ? 1 : 0, seen.warnings.join('\n'));
      assert.deepEqual(
        seen.warnings.filter((w) => !late.includes(w)),
        [],
      );
      await page.close();
    });
  }

  for (const build of ['cdn', 'iife', 'vite']) {
    it(`keeps the error's name in the minified ${build === 'vite' ? 'Vite production build of an app' : `${build} file`}`, async () => {
      const page = await browser.newPage();
      await page.goto(`${server.base}/fx/error-${build}`);
      const result = await page
        .waitForFunction(() => (window as unknown as {result?: object}).result)
        .then((h) => h.jsonValue());
      assert.deepEqual(result, {
        name: 'StateValidationError',
        text: 'StateValidationError: page-state PS_INVALID_VALUE: Err.n rejected "x": expected an integer',
        isError: true,
      });
      await page.close();
    });
  }
});
