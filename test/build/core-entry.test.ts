// page-state/core on a server (issue 14): the packed package's core entry imports in Node with
// no DOM at all, and a server bundle of it (esbuild, platform node) parses requests with the
// definitions the browser uses.
import {strict as assert} from 'node:assert';
import {execFileSync} from 'node:child_process';
import type {Server} from 'node:http';
import {resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {pathToFileURL} from 'node:url';

describe('page-state in Node (SSR, servers)', () => {
  it('imports by name with no DOM globals, and runs nothing that needs one', () => {
    const script = `
      for (const name of ['window', 'document', 'HTMLElement', 'customElements', 'history', 'location']) if (name in globalThis) throw new Error(name + ' exists');
      const core = await import('page-state/core');
      const F = core.defineState('F', {urlPrefix: 'f_', vars: {q: core.stateVar.string(''), tags: core.stateVar.list(core.stateVar.int())}});
      const {values, errors} = core.parseUrl(F, '/s?f_q=lamp&f_tags=1,2');
      console.log(JSON.stringify({q: values.q, tags: values.tags, errors: errors.length, link: core.serializeUrl(F, {q: 'a b', tags: [3]}, '/s?x=1')}));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: resolve('.build/pkg'),
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(out), {q: 'lamp', tags: [1, 2], errors: 0, link: '/s?x=1&f_q=a+b&f_tags=3'});
  });

  it('imports the main entry and the elements entry by name with no DOM globals: everything is exported, no element is defined', () => {
    const script = `
      for (const name of ['window', 'document', 'HTMLElement', 'customElements', 'history', 'location']) if (name in globalThis) throw new Error(name + ' exists');
      const api = {...(await import('page-state')), ...(await import('page-state/elements'))};
      const F = api.defineState('F', {urlPrefix: 'f_', vars: {q: api.stateVar.string(''), n: api.stateVar.int(0)}});
      const {values, errors} = api.parseUrl(F, '/s?f_q=lamp&f_n=x');
      console.log(JSON.stringify({q: values.q, n: values.n, errors: errors.length, elements: typeof api.StateBindElement, controller: typeof api.StateController}));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: resolve('.build/pkg'),
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(out), {q: 'lamp', n: 0, errors: 1, elements: 'function', controller: 'function'});
  });

  it('runs a module importing the main entry, built by vite build --ssr', async () => {
    const {render} = (await import(pathToFileURL(resolve('.build/pkg/ssr/ssr-entry.js')).href)) as {
      render(url: string): string;
    };
    assert.equal(render('/search?f_q=desk&f_p=3'), '<p>desk on page 3</p>');
    assert.equal(render('/search?f_p=x'), '<p> on page 1 (1 ignored)</p>');
  });

  describe('the server recipe, bundled for Node', () => {
    let server: Server;
    let base = '';
    before(async () => {
      ({server} = (await import(pathToFileURL(resolve('.build/bundles/server-recipe.js')).href)) as {server: Server});
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
    });
    after(() => new Promise<void>((done) => server.close(() => done())));

    it('answers from the parsed values', async () => {
      const response = await fetch(`${base}/search?f_q=desk+lamp&f_p=2`);
      assert.equal(await response.text(), 'page 2 of "desk lamp"');
    });

    it('redirects a URL with bad params to the one the browser corrects it to', async () => {
      const response = await fetch(`${base}/search?f_p=abc&f_q=x&lang=en`, {redirect: 'manual'});
      assert.equal(response.status, 302);
      assert.equal(response.headers.get('location'), '/search?f_q=x&lang=en');
    });
  });
});
