// The docs page of issue 38 (docs/guides/server-first-paint.md) shows its recipes word for word:
// it includes the files of docs/examples/first-paint with VitePress's snippet syntax, the files
// npm test compiles and runs. The Express recipe serves the Chromium tests (test/e2e/first-paint);
// the fetch recipe runs here, against the packed package, as an app's would.
import {strict as assert} from 'node:assert';
import {existsSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {memoryStore} from '../../src/server/session-store.js';
import {recipe} from '../recipes.js';

type FetchRecipe = typeof import('../../docs/examples/first-paint/fetch.js');

describe('docs/guides/server-first-paint.md', () => {
  const page = readFileSync('docs/guides/server-first-paint.md', 'utf8');

  it('includes each recipe from docs/examples/first-paint, as the docs site (rooted at docs/) resolves it', () => {
    const included = [...page.matchAll(/^<<< @\/(\S+)$/gm)].map(([, path]) => path);
    assert.deepEqual(included, [
      'examples/first-paint/express.ts',
      'snippets/bootstrap-template.ts',
      'examples/first-paint/fetch.ts',
      'snippets/clear-all.ts',
    ]);
    for (const path of included) assert.ok(existsSync(`docs/${path}`), `docs/${path}`);
  });

  it("the fetch recipe answers page-state's requests and puts the bootstrap into the pages it renders", async () => {
    const {fetchWithState} = await recipe<FetchRecipe>('first-paint/fetch');
    const html = '<!doctype html><html><head><script type="module" src="/app.js"></script></head></html>';
    const app = fetchWithState(async () => new Response(html, {headers: {'content-type': 'text/html'}}), {
      secret: 'the docs recipe test secret, 32+ chars',
      store: memoryStore(),
    });
    const put = await app(
      new Request('http://localhost/page-state/Notes', {
        method: 'PUT',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({version: 1, values: {draft: 'hello'}}),
      }),
    );
    assert.equal(put.status, 204);
    const cookie = put.headers.get('set-cookie')!.split(';')[0]!;
    const answered = await app(new Request('http://localhost/', {headers: {cookie}}));
    assert.equal(
      await answered.text(),
      '<!doctype html><html><head><script type="application/json" data-page-state="/page-state">[null,[["Notes",{"version":1,"values":{"draft":"hello"}}]]]</script><script type="module" src="/app.js"></script></head></html>',
    );
    assert.equal(answered.headers.get('cache-control'), 'private, no-store');
  });
});
