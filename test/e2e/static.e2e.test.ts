// The CDN files as users deploy them: copied next to a page on a server that transforms nothing,
// or opened from disk. (The browser tests' dev server resolves bare imports, so it cannot prove
// that dist/page-state.js is self-contained; these tests can.)
import {strict as assert} from 'node:assert';
import {resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {pathToFileURL} from 'node:url';
import type {Browser} from 'playwright-core';
import {launch, staticServer, watchErrors} from './harness.js';

describe('the CDN files without a build tool', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof staticServer>>;
  let base = '';
  let requested: string[] = [];
  const errors: string[] = [];

  before(async () => {
    server = await staticServer();
    ({base, requested} = server);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  it('dist/page-state.js runs from a plain static server and loads nothing else', async () => {
    const page = watchErrors(await browser.newPage(), errors);
    await page.goto(`${base}/test/pages/declarative.html?s_q=lamp`);
    assert.equal(await page.inputValue('#q'), 'lamp');
    await page.fill('#q', 'desk lamp');
    await page.waitForURL((url) => url.search === '?s_q=desk+lamp');
    await page.reload();
    assert.equal(await page.inputValue('#q'), 'desk lamp');
    const scripts = new Set(requested.filter((path) => !path.endsWith('.html') && path !== '/favicon.ico'));
    assert.deepEqual([...scripts], ['/dist/page-state.js']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('dist/page-state.iife.js runs in a page opened from disk (file://)', async () => {
    const page = watchErrors(await browser.newPage(), errors);
    await page.goto(`${pathToFileURL(resolve('test/pages/file-iife.html')).href}?o_n=4`);
    assert.equal(await page.inputValue('#n'), '4');
    await page.fill('#n', '42');
    await page.waitForURL((url) => url.search === '?o_n=42');
    await page.reload();
    assert.equal(await page.inputValue('#n'), '42');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
