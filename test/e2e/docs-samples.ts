// The getting-started paths as a reader follows them, each to a working page: the plain HTML
// pages as written (their CDN URL answered with this build's dist/ file, as the CDN would answer
// it for this version), the Lit element bundled from its file, and the micro-frontends bundled
// one by one (each with its own copy of page-state and Lit) under the shell as written.
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {build, type Plugin} from 'esbuild';
import type {Page} from 'playwright-core';
import {staticServer} from './harness.js';

const OUT = '.build/docs-run';
const CDN = /^https:\/\/cdn\.jsdelivr\.net\/npm\/page-state@[^/]+\/(dist\/[\w.-]+)$/;

type Exports = Record<string, string | {import?: string; default?: string}>;
const {exports} = JSON.parse(readFileSync('package.json', 'utf8')) as {exports: Exports};

// 'page-state' as an app that installed it resolves it: through package.json "exports".
const installed: Plugin = {
  name: 'installed-page-state',
  setup(b) {
    b.onResolve({filter: /^page-state(\/|$)/}, ({path}) => {
      const target = exports[path.replace(/^page-state/, '.')]!;
      return {path: resolve(typeof target === 'string' ? target : (target.import ?? target.default)!)};
    });
  },
};

/** Bundles each snippet on its own, as each team (or the Lit page's bundler) would. */
export async function bundleSnippets(): Promise<void> {
  for (const name of ['task-view', 'routed-app', 'mfe/inbox', 'mfe/calendar'])
    await build({
      entryPoints: [`docs/snippets/${name}.ts`],
      bundle: true,
      format: 'esm',
      outfile: `${OUT}/${name.replace('mfe/', '')}.js`,
      plugins: [installed],
      logLevel: 'error',
    });
}

/** The snippets' pages as written (the Lit page's `./task-view.ts` is its bundle, as Vite serves it). */
export const samplesServer = () =>
  staticServer((path) => {
    const snippet = {
      '/cdn-page.html': 'cdn-page.html',
      '/cdn-script.html': 'cdn-script.html',
      '/index.html': 'lit-index.html',
      '/shell.html': 'mfe/shell.html',
      // The routed app's two routes: the server answers each with its page, as an app's does.
      '/search': 'routed-index.html',
      '/settings': 'routed-index.html',
    }[path];
    const html = snippet && readFileSync(`docs/snippets/${snippet}`, 'utf8');
    return html
      ? html.replace('./task-view.ts', './task-view.js').replace('/routed-app.ts', '/routed-app.js')
      : undefined;
  }, OUT);

/** Answers the CDN's URLs with dist/'s files, and counts what was asked of it. */
export async function routeCdn(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.route(CDN, (route) => {
    const file = CDN.exec(route.request().url())![1]!;
    asked.push(file);
    // A module script from another origin needs CORS, which npm CDNs answer with.
    const headers = {'access-control-allow-origin': '*'};
    return route.fulfill({contentType: 'text/javascript', headers, body: readFileSync(file, 'utf8')});
  });
  return asked;
}
