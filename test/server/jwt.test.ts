// A fetch-style handler (handler.fetch) whose identify verifies a JWT with jose: state belongs
// to the token's subject on every device, a forged or expired token is anonymous, and the
// client's serverStorage sends the token through its own fetch.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {SignJWT} from 'jose';
import {bearerIdentity} from '../../docs/recipes/signed-in-jwt.js';
import {serverStorage} from '../../src/persist/server-storage.js';
import {createSessionHandler} from '../../src/server/handler.js';
import {memoryStore} from '../../src/server/session-store.js';

const key = new TextEncoder().encode('the signing key of the test app, 32+ bytes');
const token = (sub: string, {signer = key, expires = '1h'} = {}) =>
  new SignJWT({})
    .setProtectedHeader({alg: 'HS256'})
    .setSubject(sub)
    .setIssuer('test-app')
    .setExpirationTime(expires)
    .sign(signer);

const handler = createSessionHandler({
  secret: 'a test secret of thirty-two characters',
  store: memoryStore(),
  identify: bearerIdentity(key, 'test-app'), // the signed-in users guide's
});
const call = async (method: string, namespace: string, bearer?: string, body?: object) =>
  handler.fetch(
    new Request(`https://app.test/page-state/${namespace}`, {
      method,
      headers: {'content-type': 'application/json', ...(bearer ? {authorization: `Bearer ${bearer}`} : {})},
      body: body && JSON.stringify(body),
    }),
  );

describe('handler.fetch with a jose-verified JWT', () => {
  it("keys state by the token's subject: another token of Ada reads it, Grace, a forged and an expired token do not", async () => {
    const draft = {version: 1, values: {text: 'ada on her laptop'}};
    const written = await call('PUT', 'Draft', await token('ada'), draft);
    assert.equal(written.status, 204);
    assert.equal(written.headers.get('set-cookie'), null);
    const tag = written.headers.get('page-state-identity');
    const phone = await call('GET', 'Draft', await token('ada'));
    assert.deepEqual([phone.status, await phone.json(), phone.headers.get('page-state-identity')], [200, draft, tag]);
    const others = [
      await token('grace'),
      await token('ada', {signer: new TextEncoder().encode('somebody else signing as ada, 32+ b')}),
      await token('ada', {expires: '-1m'}),
    ];
    for (const bearer of others) assert.equal((await call('GET', 'Draft', bearer)).status, 204);
  });

  it("serverStorage sends the app's token through its own fetch", async () => {
    const bearer = await token('lin');
    const adapter = serverStorage('/page-state', {
      debounceMs: 0,
      fetch: (url, init) =>
        handler.fetch(
          new Request(new URL(String(url), 'https://app.test'), {
            ...init,
            headers: {...init?.headers, authorization: `Bearer ${bearer}`},
          }),
        ),
    });
    adapter.set('Notes', {version: 1, values: {text: "lin's note"}});
    await adapter.flush();
    assert.deepEqual(await (await call('GET', 'Notes', await token('lin'))).json(), {
      version: 1,
      values: {text: "lin's note"},
    });
  });
});
