// What the site test checks on every page of the built documentation site, in one pass: the
// page loads with no console error and no failed request, axe-core finds nothing in light and
// in dark, and its links and anchors are collected for checking once every page is known.
import {createRequire} from 'node:module';
import type {Page} from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What one page showed. */
export interface Visited {
  ids: Set<string>;
  links: string[];
  problems: string[];
}

type AxeResult = {violations: {id: string; nodes: {target: unknown[]}[]}[]};

/**
 * The site's chrome, the same on every page (nav bar, sidebar, local nav): axe checks it on the
 * first page and, elsewhere, what differs: the page itself.
 */
const CHROME = [['.VPNav'], ['.VPSidebar'], ['.VPLocalNav']];

/** axe-core's violations on the page as it is now (of `rules` only, if given), one line each. */
async function axe(page: Page, theme: string, chrome: boolean, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({path: AXE});
  const options = {resultTypes: ['violations'], ...(rules && {runOnly: {type: 'rule', values: rules}})};
  const {violations} = await page.evaluate(
    ([o, exclude]) =>
      (window as unknown as {axe: {run(c: object, o: object): Promise<AxeResult>}}).axe.run(
        exclude ? {exclude} : document,
        o,
      ),
    [options, chrome ? null : CHROME] as const,
  );
  return violations.map((v) => `axe (${theme}): ${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/**
 * Loads `url` in a page given to `watch` and checks it. The theme is switched as VitePress's
 * toggle does (the `dark` class).
 */
export async function visit(page: Page, url: string, chrome = false): Promise<Visited> {
  const watch = watched.get(page)!;
  watch.length = 0;
  const answer = await page.goto(url);
  const problems: string[] = [];
  if (!answer?.ok()) problems.push(`answered ${answer?.status()}`);
  // The theme loads page-state once the page is hydrated: then axe and the links are read.
  await page.waitForFunction(() => customElements.get('state-bind'));
  // Colours are checked as they end, not halfway through the theme's transitions.
  await page.addStyleTag({content: '*, *::before, *::after {transition: none !important}'});
  problems.push(...(await axe(page, 'light', chrome)));
  // Dark is the same DOM with other colours (the `dark` class only sets the theme's colour
  // variables), so only the rules that read colours can answer otherwise there.
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  problems.push(...(await axe(page, 'dark', chrome, ['color-contrast', 'link-in-text-block'])));
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  const {ids, links} = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
  }));
  problems.push(...watch);
  return {ids: new Set(ids), links, problems};
}

const watched = new WeakMap<Page, string[]>();

/** Records what would make a page fail: console errors, uncaught errors, failed requests. */
export function watch(page: Page): Page {
  const seen: string[] = [];
  watched.set(page, seen);
  page.on('console', (m) => m.type() === 'error' && seen.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => seen.push(`uncaught: ${e.message}`));
  // Leaving a page aborts the prefetches of the pages it links to: not a failure of the site.
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') seen.push(`failed: ${r.url()} ${error}`);
  });
  page.on('response', (r) => r.status() >= 400 && seen.push(`${r.status()}: ${r.url()}`));
  return page;
}

/**
 * Visits every page reachable from `start` by the site's own links, `pages.length` at a time
 * (the site test gives two: one loads while the other runs axe, on a machine of two cores); the
 * first page with its chrome checked too.
 */
export async function crawl(pages: Page[], base: string, start: string[]): Promise<Map<string, Visited>> {
  const visited = new Map<string, Visited>();
  const queue = [...start];
  const claimed = new Set(start);
  const work = async (page: Page, chrome = false) => {
    for (let path = queue.shift(); path !== undefined; path = chrome ? undefined : queue.shift()) {
      const seen = await visit(page, base + path, chrome);
      visited.set(path, seen);
      for (const link of seen.links) {
        const target = ownPage(link, base);
        if (target && !claimed.has(target)) {
          claimed.add(target);
          queue.push(target);
        }
      }
    }
  };
  await work(pages[0]!, true); // the first page, chrome and all
  // A worker that finds the queue empty stops; whoever is still visiting takes the links it finds.
  await Promise.all(pages.map((page) => work(page)));
  return visited;
}

/** The site's own page a link points at (no hash, no query), or undefined for another site. */
export function ownPage(href: string, base: string): string | undefined {
  const url = new URL(href);
  if (url.origin !== new URL(base).origin) return undefined;
  return url.pathname;
}
