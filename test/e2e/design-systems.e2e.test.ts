// <state-bind> with real design systems (issue 13): Shoelace 2, Material Web 2, Web Awesome 3,
// bundled with page-state from the packed package, driven as a user drives them.
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {launch, staticServer, watchConsole} from './harness.js';

const NAMESPACE = `<state-namespace name="S" url-prefix="s_">
  <state-var name="name"></state-var><state-var name="agree" type="boolean"></state-var>
  <state-var name="tags" type="list"></state-var><state-var name="tier" type="enum" values="basic,pro,max"></state-var>
  <state-var name="size" type="int" default="5"></state-var><state-var name="count" type="int"></state-var>
</state-namespace>`;

interface Library {
  bundle: string;
  markup: string;
  /** The multi-select (a list var), or Material's single select (an enum var; Material Web has no
   * multi-select). `after`: the URL after picking `option` (Web Awesome keeps selection order);
   * `picked`: what the control shows after a reload (Web Awesome reorders to its options' order).
   * `opened`: the event the control fires once its menu is open and its animations are done; a
   * click during Material's opening animation was once lost under CI load. */
  choice: {
    path: 'tags' | 'tier';
    deep: string;
    opener?: string;
    opened: string;
    option: string;
    after: string;
    shown: unknown;
    picked: unknown;
  };
}

const LIBRARIES: Record<string, Library> = {
  Shoelace: {
    bundle: 'shoelace',
    markup: `<state-bind path="S.name"><sl-input id="name" label="Name"></sl-input></state-bind>
      <state-bind path="S.agree"><sl-checkbox id="agree">Agree</sl-checkbox></state-bind>
      <state-bind path="S.tags"><sl-select id="choice" label="Tags" multiple><sl-option value="a">A</sl-option><sl-option value="b">B</sl-option><sl-option value="c">C</sl-option></sl-select></state-bind>
      <state-bind path="S.size"><sl-range id="size" label="Size" min="0" max="10"></sl-range></state-bind>
      <state-bind path="S.count"><sl-input id="count" label="Count"></sl-input></state-bind>`,
    choice: {
      path: 'tags',
      deep: 'b,c',
      opened: 'sl-after-show',
      option: 'sl-option[value=a]',
      after: 'a,b,c',
      shown: ['b', 'c'],
      picked: ['a', 'b', 'c'],
    },
  },
  'Material Web': {
    bundle: 'material',
    markup: `<state-bind path="S.name"><md-outlined-text-field id="name" label="Name"></md-outlined-text-field></state-bind>
      <label>Agree <state-bind path="S.agree"><md-switch id="agree"></md-switch></state-bind></label>
      <state-bind path="S.tier"><md-outlined-select id="choice" label="Tier"><md-select-option value="basic"><div slot="headline">Basic</div></md-select-option><md-select-option value="pro"><div slot="headline">Pro</div></md-select-option><md-select-option value="max"><div slot="headline">Max</div></md-select-option></md-outlined-select></state-bind>
      <state-bind path="S.size"><md-slider id="size" aria-label="Size" min="0" max="10"></md-slider></state-bind>
      <state-bind path="S.count"><md-outlined-text-field id="count" label="Count"></md-outlined-text-field></state-bind>`,
    choice: {
      path: 'tier',
      deep: 'pro',
      opened: 'opened',
      option: 'md-select-option[value=max]',
      after: 'max',
      shown: 'pro',
      picked: 'max',
    },
  },
  'Web Awesome': {
    bundle: 'webawesome',
    markup: `<state-bind path="S.name"><wa-input id="name" label="Name"></wa-input></state-bind>
      <state-bind path="S.agree"><wa-checkbox id="agree">Agree</wa-checkbox></state-bind>
      <state-bind path="S.tags"><wa-select id="choice" label="Tags" multiple><wa-option value="a">A</wa-option><wa-option value="b">B</wa-option><wa-option value="c">C</wa-option></wa-select></state-bind>
      <state-bind path="S.size"><wa-slider id="size" label="Size" min="0" max="10"></wa-slider></state-bind>
      <state-bind path="S.count"><wa-input id="count" label="Count"></wa-input></state-bind>`,
    choice: {
      path: 'tags',
      deep: 'b,c',
      opener: '#choice [part~=combobox]',
      opened: 'wa-after-show',
      option: 'wa-option[value=a]',
      after: 'b,c,a',
      shown: ['b', 'c'],
      picked: ['a', 'b', 'c'],
    },
  },
};

describe('<state-bind> with design systems', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;

  before(async () => {
    server = await staticServer((path) => {
      const library = Object.values(LIBRARIES).find((l) => path === `/ds/${l.bundle}`);
      return (
        library &&
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>${library.bundle}</title><body>${NAMESPACE}${library.markup}
        <script>window.before = [...document.querySelectorAll('state-bind > *')];</script>
        <script type="module" src="/.build/bundles/${library.bundle}.js"></script></body></html>`
      );
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** What the controls show, read from their own properties. */
  const shown = (page: Page) =>
    page.evaluate(() => {
      const el = (id: string) => document.getElementById(id) as HTMLElement & Record<string, unknown>;
      const agree = el('agree');
      return {
        name: el('name').value,
        agree: 'selected' in agree ? agree.selected : agree.checked,
        choice: el('choice').value,
        size: el('size').value,
      };
    });
  const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(`s_${key}`);

  for (const [label, library] of Object.entries(LIBRARIES)) {
    it(`${label}: deep link, typing, clicking, a multi-select, a slider, an invalid entry, reload`, async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      const seen = watchConsole(page);
      const {choice} = library;
      await page.goto(
        `${server.base}/ds/${library.bundle}?s_name=Ada&s_agree=true&s_${choice.path}=${choice.deep}&s_size=7`,
      );
      await page.waitForFunction(
        () => (document.getElementById('size') as unknown as {value: unknown} | null)?.value == 7,
      );
      assert.deepEqual(await shown(page), {name: 'Ada', agree: true, choice: choice.shown, size: 7});
      // The controls are the very nodes the page had: nothing replaced, nothing removed.
      assert.ok(
        await page.evaluate(() => {
          const now = [...document.querySelectorAll('state-bind > *')];
          const before = (window as unknown as {before: Element[]}).before;
          return now.length === before.length && now.every((el, i) => el === before[i]);
        }),
      );

      await page.locator('#name input').fill('Grace');
      await page.waitForURL((url) => url.searchParams.get('s_name') === 'Grace');
      await page.click('#agree');
      await page.waitForURL((url) => !url.searchParams.has('s_agree'));
      await page.evaluate(
        (type) =>
          document
            .getElementById('choice')!
            .addEventListener(type, () => ((window as unknown as {opened: boolean}).opened = true), {once: true}),
        choice.opened,
      );
      await page.click(choice.opener ?? '#choice');
      await page.waitForFunction(() => (window as unknown as {opened?: boolean}).opened);
      await page.click(choice.option);
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => url.searchParams.get(`s_${choice.path}`) === choice.after);
      // Tab to the slider's own focusable part (a range input, or Web Awesome's role=slider thumb).
      await page.evaluate(() => {
        const slider = document.getElementById('size')!;
        (slider.shadowRoot?.querySelector<HTMLElement>('input, [role=slider]') ?? slider).focus();
      });
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForURL((url) => url.searchParams.get('s_size') === '9');

      await page.locator('#count input').fill('abc');
      await page.keyboard.press('Tab'); // commits: change
      await page.waitForFunction(() => document.getElementById('count')?.getAttribute('aria-invalid') === 'true');
      assert.equal(
        await page.evaluate(
          () => (document.getElementById('count') as unknown as {validationMessage: string}).validationMessage,
        ),
        '"abc" is not an integer',
      );
      assert.equal(param(page, 'count'), null); // the last valid state stays

      await page.reload();
      await page.waitForFunction(
        () => (document.getElementById('size') as unknown as {value: unknown} | null)?.value == 9,
      );
      assert.deepEqual(await shown(page), {name: 'Grace', agree: false, choice: choice.picked, size: 9});
      assert.deepEqual(seen.errors, []);
      await page.close();
    });
  }
});
