// The documentation site (issue 39), built once from the sources as `npm run docs:build` does
// (its reference generated from the built package), then every page checked in one Chromium:
// no console error, no failed request, axe-core clean in light and dark, every internal link
// and anchor resolves; the live example puts a typed value into the URL and restores it after a
// reload; the reference lists every export, element attribute and error code. Then the samples:
// each compiles against the built package, and each getting-started path ends in a working page.
import {strict as assert} from 'node:assert';
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import type {Browser, Page} from 'playwright-core';
import {ErrorCode} from '../../src/core/errors/errors.js';
import {crawl, ownPage, watch, type Visited} from './docs-crawl.js';
import {bundleSnippets, routeCdn, samplesServer} from './docs-samples.js';
import {launch, staticServer} from './harness.js';

const SITE = '.build/docs-site';
type Server = Awaited<ReturnType<typeof staticServer>>;

/** Every export each API report (api/*.api.md) records, by report name. */
const reportExports = () =>
  readdirSync('api').map((file) => {
    const text = readFileSync(`api/${file}`, 'utf8');
    const declared = /^(?:export (?:declare )?(?:function|class|const|type|interface)|declare namespace) (\w+)/gm;
    return [file.replace('.api.md', ''), [...new Set([...text.matchAll(declared)].map((m) => m[1]!))]] as const;
  });

describe('the documentation site', () => {
  let browser: Browser;
  let site: Server;
  let page: Page;
  let pages = new Map<string, Visited>();

  before(async () => {
    execFileSync(process.execPath, ['scripts/docs/reference.mjs'], {stdio: 'inherit'});
    const vitepress = 'node_modules/vitepress/bin/vitepress.js';
    execFileSync(process.execPath, [vitepress, 'build', 'docs', '--outDir', SITE], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    site = await staticServer(() => undefined, SITE);
    browser = await launch();
    page = watch(await browser.newPage());
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('every page loads with no console error and no failed request, and axe-core finds nothing in light and dark', async () => {
    const {SIDEBAR} = await import('../../docs/.vitepress/sidebar.js');
    const links = JSON.stringify(SIDEBAR)
      .match(/"link":"[^"]+"/g)!
      .map((l) => l.slice(8, -1))
      .map((l) => (l.endsWith('/') ? l : `${l}.html`));
    pages = await crawl([page, watch(await browser.newPage())], site.base, ['/', ...links]);
    const problems = [...pages].flatMap(([path, seen]) => seen.problems.map((p) => `${path}: ${p}`));
    assert.deepEqual(problems, []);
    assert.ok(pages.size > links.length, `${pages.size} pages`);
  });

  it('every internal link and anchor resolves', () => {
    assert.ok(pages.size > 30, `${pages.size} pages`);
    const broken = [...pages].flatMap(([from, seen]) =>
      seen.links.flatMap((link) => {
        const target = ownPage(link, site.base);
        if (!target) return [];
        const hash = decodeURIComponent(new URL(link).hash.slice(1));
        const to = pages.get(target);
        const resolves = to && !to.problems.some((p) => p.startsWith('answered')) && (!hash || to.ids.has(hash));
        return resolves ? [] : [`${from} → ${link}`];
      }),
    );
    assert.deepEqual(broken, []);
  });

  it('the live example on the getting-started page puts a typed value into the URL and restores it after a reload', async () => {
    await page.goto(`${site.base}/getting-started/`);
    await page.waitForFunction(() => customElements.get('state-bind'));
    await page.fill('#try-q', 'printer');
    await page.fill('#try-page', '3');
    await page.locator('#try-page').dispatchEvent('change');
    await page.waitForURL(
      (url) => url.searchParams.get('try_q') === 'printer' && url.searchParams.get('try_p') === '3',
    );
    assert.match((await page.locator('.live-url output').textContent()) ?? '', /try_p=3/);
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('#try-page') as HTMLInputElement | null)?.value === '3');
    assert.equal(await page.inputValue('#try-q'), 'printer');
    // A <state-bind> with no control shows the value in its own shadow root.
    const shown = await page.$$eval('.live-example p state-bind', (binds) =>
      binds.map((b) => b.shadowRoot!.textContent),
    );
    assert.deepEqual(shown, ['printer', '3']);
  });

  it("the site's local search finds an option by name", async () => {
    await page.goto(`${site.base}/`);
    await page.click('.DocSearch-Button');
    await page.fill('#localsearch-input', 'urlSelfish');
    await page.waitForSelector('.VPLocalSearchBox .result');
    assert.ok((await page.locator('.VPLocalSearchBox .result').count()) > 0);
  });

  it('the reference lists every export of every API report, every attribute of custom-elements.json and every error code', async () => {
    const missing: string[] = [];
    for (const [report, names] of reportExports()) {
      const ids = pages.get(`/reference/api/${report}.html`)?.ids ?? new Set();
      missing.push(...names.filter((n) => !ids.has(n)).map((n) => `${report}: ${n}`));
    }
    await page.goto(`${site.base}/reference/elements.html`);
    const listed: Record<string, string[]> = await page.evaluate(() => {
      const found: Record<string, string[]> = {};
      for (const h2 of document.querySelectorAll('h2[id]')) {
        let table = h2.nextElementSibling;
        while (table && !(table.tagName === 'H3' && table.textContent!.startsWith('Attributes')))
          table = table.nextElementSibling;
        while (table && table.tagName !== 'TABLE' && table.tagName !== 'P') table = table.nextElementSibling;
        found[h2.id] = [...(table?.querySelectorAll('tbody td:first-child') ?? [])].map((td) => td.textContent!);
      }
      return found;
    });
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
      modules: {declarations?: {tagName?: string; attributes?: {name: string}[]}[]}[];
    };
    for (const element of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName))
      for (const {name} of element.attributes ?? [])
        if (!listed[element.tagName!]?.includes(name)) missing.push(`<${element.tagName}> ${name}`);
    const errors = pages.get('/reference/errors.html')?.ids ?? new Set();
    missing.push(...Object.values(ErrorCode).filter((code) => !errors.has(code)));
    assert.deepEqual(missing, []);
  });
});

describe('the documentation samples', () => {
  let browser: Browser;
  let server: Server;
  before(async () => {
    await bundleSnippets();
    server = await samplesServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('every TypeScript sample compiles against the built package (docs/tsconfig.json)', () => {
    execFileSync(process.execPath, ['node_modules/typescript-7/bin/tsc', '-p', 'docs/tsconfig.json'], {
      stdio: 'inherit',
    });
  });

  it('a plain HTML page from the CDN: the markup binds, writes the URL and restores it', async () => {
    const page = await browser.newPage();
    const cdn = await routeCdn(page);
    await page.goto(`${server.base}/cdn-page.html`);
    await page.fill('input[type=search]', 'lamp');
    await page.waitForURL((url) => url.search === '?f_q=lamp');
    await page.reload();
    assert.equal(await page.inputValue('input[type=search]'), 'lamp');
    await page.goto(`${server.base}/cdn-script.html`);
    assert.equal(await page.textContent('#q'), '{"q":"printer","page":2}');
    assert.equal(new URL(page.url()).search, '?f_q=printer&f_p=2');
    assert.deepEqual([...new Set(cdn)], ['dist/page-state.js', 'dist/page-state.iife.js']);
    await page.close();
  });

  it('a Lit app: the button writes the typed priority into the URL, and a reload shows it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/index.html`);
    await page.click('task-view >> button');
    await page.waitForURL((url) => url.search === '?app_pri=mid');
    await page.reload();
    assert.equal((await page.textContent('task-view >> button'))?.trim(), 'priority 2');
    await page.close();
  });

  it("a routed Lit app: a link away and a link back show the view's query and put it into the URL; back, forward and a reload show each entry as it was", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/search`);
    await page.fill('search-view >> input', 'lamp');
    await page.waitForURL((url) => url.pathname === '/search' && url.search === '?s_q=lamp');
    await page.click('routed-app >> a[href="/settings"]');
    await page.waitForURL((url) => url.pathname === '/settings' && url.search === '');
    await page.click('routed-app >> a[href="/search"]');
    // The link carried no query: the view's value comes from session storage, and into the URL.
    await page.waitForURL((url) => url.pathname === '/search' && url.search === '?s_q=lamp');
    assert.equal(await page.inputValue('search-view >> input'), 'lamp');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/settings' && url.search === '');
    await page.goForward();
    await page.waitForURL((url) => url.pathname === '/search' && url.search === '?s_q=lamp');
    await page.reload();
    assert.equal(await page.inputValue('search-view >> input'), 'lamp');
    await page.close();
  });

  it('micro-frontends: two separately built modules and the shell share one URL, and a reload restores all three', async () => {
    const page = await browser.newPage();
    await routeCdn(page);
    await page.goto(`${server.base}/shell.html?utm_source=mail`);
    await page.click('calendar-app >> button');
    await page.fill('inbox-app >> input', 'invoice');
    await page.selectOption('select', 'agenda');
    const want = (url: URL) =>
      url.searchParams.get('in_query') === 'invoice' &&
      url.searchParams.get('cal_day') === '2' &&
      url.searchParams.get('nav_section') === 'agenda' &&
      url.searchParams.get('utm_source') === 'mail';
    await page.waitForURL(want);
    await page.reload();
    assert.equal(await page.inputValue('inbox-app >> input'), 'invoice');
    assert.match((await page.textContent('calendar-app >> p')) ?? '', /Day 2/);
    assert.equal(await page.inputValue('select'), 'agenda');
    await page.close();
  });
});
