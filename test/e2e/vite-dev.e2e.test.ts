// The development build as a developer gets it (issue 23): a Vite dev server resolving
// `import 'page-state'` from the packed package through the `development` export condition.
// The same behaviour as the production CDN file (binding, URL, reload), plus what only the
// development build has: the debug switch's log and the long messages.
import {strict as assert} from 'node:assert';
import {mkdirSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import type {Browser} from 'playwright-core';
import {createServer, type ViteDevServer} from 'vite';
import {launch, watchConsole} from './harness.js';

const ROOT = resolve('.build/pkg/vite-dev');
const PAGE = `<!doctype html><meta charset="utf-8" />
<script type="module">
  import {defineState, stateVar} from 'page-state';
  import 'page-state/elements';
  try { defineState('Bad', {persist: 'cloud', vars: {q: stateVar.string()}}); } catch (error) { window.badDefinition = error.message; }
</script>
<page-state>
  <state-namespace name="Search" url-prefix="s_"><state-var name="q"></state-var><state-var name="page" type="int" default="1" url-key="p"></state-var></state-namespace>
  <state-bind path="Search.q"><input id="q" /></state-bind>
  <state-bind path="Search.page"><input id="page" /></state-bind>
</page-state>`;

describe('the development build from a Vite dev server', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    mkdirSync(ROOT, {recursive: true});
    writeFileSync(`${ROOT}/index.html`, PAGE);
    server = await createServer({
      configFile: false,
      root: ROOT,
      logLevel: 'error',
      server: {host: '127.0.0.1', port: 0},
      optimizeDeps: {force: true},
    });
    await server.listen();
    const address = server.httpServer!.address() as {port: number};
    base = `http://127.0.0.1:${address.port}`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('binds, writes the URL and restores on reload as the CDN file does, with the debug log and long messages', async () => {
    const page = await browser.newPage();
    const seen = watchConsole(page);
    const debugLines: string[] = [];
    page.on('console', (message) => message.type() === 'debug' && debugLines.push(message.text()));
    await page.addInitScript(() => (localStorage.debug = 'page-state:url'));
    await page.goto(`${base}/?s_p=3`);
    await page.locator('#page').waitFor();
    await page.waitForFunction(() => (document.querySelector('#page') as HTMLInputElement).value === '3');
    await page.locator('#q').pressSequentially('lamp');
    await page.waitForURL(/s_q=lamp/);
    assert.match(page.url(), /\?s_p=3&s_q=lamp$/);
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('#q') as HTMLInputElement).value === 'lamp');
    assert.ok(
      debugLines.some((line) => /^page-state:url replace .*s_q=lamp/.test(line)),
      debugLines.join('\n'),
    );
    assert.equal(
      await page.evaluate(() => (window as Window & {badDefinition?: string}).badDefinition),
      "page-state PS_BAD_DEFINITION: Bad: persist \"cloud\" is invalid: use false, 'session', 'local', 'server' or a StorageAdapter",
    );
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
