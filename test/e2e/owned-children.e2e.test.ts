// <state-bind> inside frameworks that own its children (React 19, Vue 3), and accessibility of
// what it shows (axe-core) (issue 13).
import {strict as assert} from 'node:assert';
import {resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {launch, staticServer, watchConsole} from './harness.js';

const PAGES: Record<string, string> = {
  '/fx/react-toggle':
    '<main><div id="root"></div></main><script type="module" src="/.build/bundles/react-toggle.js"></script>',
  '/fx/vue-toggle':
    '<main><div id="root"></div></main><script type="module" src="/.build/bundles/vue-toggle.js"></script>',
  '/fx/invalid': `<main><h1>Order</h1>
    <state-namespace name="Order" url-prefix="o_"><state-var name="count" type="int" default="1"></state-var></state-namespace>
    <label>How many <state-bind path="Order.count"><input id="count" type="text" inputmode="numeric"></state-bind></label>
    </main><script type="module" src="/dist/page-state.js"></script>`,
};

/** axe-core's violations on the page, as `rule: target` lines. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({path: resolve('node_modules/axe-core/axe.min.js')});
  return page.evaluate(async () => {
    const {violations} = await (
      window as unknown as {axe: {run(): Promise<{violations: {id: string; nodes: {target: unknown}[]}[]}>}}
    ).axe.run();
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

describe('<state-bind> among owners of its children', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;

  before(async () => {
    server = await staticServer((path) =>
      PAGES[path]
        ? `<!doctype html><html lang="en"><meta charset="utf-8"><title>Fixture</title><body>${PAGES[path]}</body></html>`
        : undefined,
    );
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const framework of ['react', 'vue']) {
    it(`${framework}: a conditionally rendered input, toggled 5 times, is bound each time and the tree stays intact`, async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      const seen = watchConsole(page);
      await page.goto(`${server.base}/fx/${framework}-toggle?t_q=hi`);
      await page.waitForFunction(() => document.querySelector('state-bind')?.shadowRoot?.textContent === 'hi');
      let value = 'hi';
      for (let flip = 1; flip <= 5; flip++) {
        await page.click('#toggle');
        await page.waitForFunction((n) => document.querySelector('#flips')?.textContent === String(n), flip);
        if (flip % 2) {
          await page.waitForFunction(
            (v) => (document.querySelector('#cond') as HTMLInputElement | null)?.value === v,
            value,
          );
          value = `typed ${flip}`;
          await page.fill('#cond', value);
          await page.waitForURL((url) => url.searchParams.get('t_q') === value);
        } else {
          // The framework removed its input; the binding shows the value as text again.
          await page.waitForFunction(
            (v) =>
              !document.querySelector('#cond') && document.querySelector('state-bind')?.shadowRoot?.textContent === v,
            value,
          );
        }
      }
      assert.equal(
        await page.evaluate(() =>
          (window as unknown as {fixture: {store: {get(k: string): unknown}}}).fixture.store.get('q'),
        ),
        value,
      );
      assert.deepEqual(seen.errors, []);
      await page.close();
    });
  }

  it('axe-core finds nothing on demo/plain.html', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/demo/plain.html`);
    await page.waitForFunction(() => !!customElements.get('state-bind'));
    assert.deepEqual(await violations(page), []);
    await page.close();
  });

  it('axe-core finds nothing with an invalid entry showing, whose validity message is the reason', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/fx/invalid`);
    await page.waitForFunction(() => (document.querySelector('#count') as HTMLInputElement | null)?.value === '1');
    await page.fill('#count', 'many');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('#count')?.getAttribute('aria-invalid') === 'true');
    assert.equal(
      await page.evaluate(() => (document.querySelector('#count') as HTMLInputElement).validationMessage),
      '"many" is not an integer',
    );
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
});
