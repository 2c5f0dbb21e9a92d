// page-state beside htmx 2 (issue 11): boosted links and hx-push-url push the URL, htmx restores
// pages from its history cache on back/forward; page-state adopts every entry, the bound
// controls show it, and htmx's pushes are the only entries added.
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {launch, staticServer, watchConsole} from './harness.js';

/** A page of the site: the layout, with a <page-state> around it or not. */
const layout = (variant: string, name: string, page: number) => {
  const [open, close] = variant === 'wrapped' ? ['<page-state>', '</page-state>'] : ['', ''];
  return `<!doctype html><html><head>
<script src="/node_modules/htmx.org/dist/htmx.min.js"></script>
<script type="module" src="/dist/page-state.js"></script>
</head><body hx-boost="true">${open}
<state-namespace name="Filters" url-prefix="f_"><state-var name="q"></state-var><state-var name="page" type="int" default="1" url-key="p"></state-var></state-namespace>
<h1 id="title">${name}</h1>
<label>Search <state-bind path="Filters.q"><input id="q" name="q" /></state-bind></label>
<p>Page <span id="page"><state-bind path="Filters.page"></state-bind></span></p>
<a id="to-b" href="/h/${variant}/b?f_q=abc">to b</a> <a id="to-a" href="/h/${variant}/a">to a</a>
<button id="next" hx-get="/h/${variant}/results?f_p=2" hx-target="#results" hx-push-url="true">page 2</button>
<div id="results">results of page ${page}</div>
${close}</body></html>`;
};

describe('page-state beside htmx 2', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;

  before(async () => {
    server = await staticServer((path, req) => {
      const match = /^\/h\/(wrapped|bare)\/(\w+)$/.exec(path);
      if (!match) return undefined;
      const page = Number(new URL(req.url!, 'http://x').searchParams.get('f_p') ?? 1);
      const partial =
        req.headers['hx-request'] && !req.headers['hx-boosted'] && !req.headers['hx-history-restore-request'];
      return partial ? `<p>results of page ${page}</p>` : layout(match[1]!, match[2]!, page);
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const text = (page: Page, selector: string) => page.locator(selector).textContent();
  // <state-bind> shows a value in its own shadow root.
  const PAGE = `document.querySelector('#page state-bind')?.shadowRoot?.textContent`;

  for (const variant of ['wrapped', 'bare']) {
    it(`${variant === 'wrapped' ? 'with' : 'without'} a <page-state>: boosted and partial pushes show in the bound controls, history restores them`, async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      const seen = watchConsole(page);
      await page.goto(`${server.base}/h/${variant}/a?f_q=foo`);
      await page.waitForFunction(() => (document.querySelector('#q') as HTMLInputElement | null)?.value === 'foo');
      const length = () => page.evaluate(() => history.length);
      const start = await length();

      await page.click('#to-b'); // hx-boost: fetch, swap the body, push
      await page.waitForURL(`${server.base}/h/${variant}/b?f_q=abc`);
      await page.waitForFunction(
        () =>
          document.querySelector('#title')?.textContent === 'b' &&
          (document.querySelector('#q') as HTMLInputElement).value === 'abc',
      );
      assert.equal(await length(), start + 1);

      await page.click('#next'); // hx-get + hx-push-url: a partial swap, and a push of ?f_p=2
      await page.waitForURL(`${server.base}/h/${variant}/results?f_p=2`);
      await page.waitForFunction(`${PAGE} === '2'`);
      assert.equal(await text(page, '#results'), 'results of page 2');
      assert.equal(await page.inputValue('#q'), ''); // absent from the pushed URL: the default
      assert.equal(await length(), start + 2);

      await page.goBack(); // htmx restores b from its cache
      await page.waitForURL(`${server.base}/h/${variant}/b?f_q=abc`);
      await page.waitForFunction(`document.querySelector('#q')?.value === 'abc' && ${PAGE} === '1'`);
      await page.goForward();
      await page.waitForURL(`${server.base}/h/${variant}/results?f_p=2`);
      await page.waitForFunction(`${PAGE} === '2'`);
      await page.reload();
      await page.waitForFunction(`${PAGE} === '2'`);
      assert.equal(page.url(), `${server.base}/h/${variant}/results?f_p=2`);

      await page.fill('#q', 'typed'); // and page-state's own write lands in the current entry
      await page.waitForURL(`${server.base}/h/${variant}/results?f_p=2&f_q=typed`);
      assert.equal(await length(), start + 2);
      assert.deepEqual(seen.errors, []);
      await page.close();
    });
  }
});
