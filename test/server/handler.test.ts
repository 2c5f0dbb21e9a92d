import {strict as assert} from 'node:assert';
import {createHmac} from 'node:crypto';
import {after, before, describe, it} from 'node:test';
import {ErrorCode} from '../../src/core/errors/errors.js';
import {createSessionHandler} from '../../src/server/handler.js';
import {memoryStore} from '../../src/server/session-store.js';
import {cookieOf, json, rawRequest, serve} from './helpers.js';

const secret = 'a test secret of thirty-two characters';
const data = {version: 1, values: {draft: 'hello'}};
const put = (base: string, ns: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/page-state/${ns}`, {
    method: 'PUT',
    headers: {...json, ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (base: string, ns: string, cookie = '') => fetch(`${base}/page-state/${ns}`, {headers: {cookie}});

describe('session handler', () => {
  const store = memoryStore();
  const handler = createSessionHandler({secret, store, maxBytes: 1024});
  let base = '';
  let close = async () => {};
  before(async () => ({base, close} = await serve(handler)));
  after(() => close());

  it('answers 204 (no body, no error) while nothing is stored, then stores under a new signed session cookie', async () => {
    assert.equal((await get(base, 'Notes')).status, 204);
    const stored = await put(base, 'Notes', data);
    assert.equal(stored.status, 204);
    const setCookie = stored.headers.get('set-cookie')!;
    assert.match(
      setCookie,
      /^page_state_sid=[0-9a-f-]{36}\.[0-9a-z]+\.[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const read = await get(base, 'Notes', cookieOf(stored));
    assert.equal(read.status, 200);
    assert.deepEqual(await read.json(), data);
    assert.match(read.headers.get('set-cookie')!, /Max-Age=2592000/, 'the cookie slides');
  });

  it('marks the cookie Secure, with the __Host- prefix, behind a trusted HTTPS proxy', async () => {
    const proxied = await serve(createSessionHandler({secret, store, trustProxy: true}));
    try {
      const stored = await put(proxied.base, 'Notes', data, {'x-forwarded-proto': 'https'});
      assert.match(
        stored.headers.get('set-cookie')!,
        /^__Host-page_state_sid=.*; Path=\/; HttpOnly; SameSite=Lax; Secure$/,
      );
      assert.doesNotMatch(
        (await put(base, 'Notes', data, {'x-forwarded-proto': 'https'})).headers.get('set-cookie')!,
        /Secure/,
        'an untrusted proxy header',
      );
    } finally {
      await proxied.close();
    }
  });

  it('refuses bad namespaces, big bodies, non-JSON writes and malformed bodies with clear statuses', async () => {
    const cases: [string, string, string, Record<string, string>, string | undefined, number][] = [
      ['../x', 'GET', '/page-state/..%2Fx', {}, undefined, 400],
      ['a/b', 'GET', '/page-state/a/b', {}, undefined, 400],
      ['empty', 'GET', '/page-state/', {}, undefined, 400],
      ['too long', 'GET', `/page-state/${'a'.repeat(65)}`, {}, undefined, 400],
      ['bad escape', 'GET', '/page-state/%E0%A4%A', {}, undefined, 400],
      ['too big', 'PUT', '/page-state/Notes', json, JSON.stringify({version: 1, values: {x: 'y'.repeat(2000)}}), 413],
      ['text/plain', 'PUT', '/page-state/Notes', {'content-type': 'text/plain'}, JSON.stringify(data), 415],
      ['form', 'DELETE', '/page-state/Notes', {'content-type': 'application/x-www-form-urlencoded'}, undefined, 415],
      ['no type', 'DELETE', '/page-state/', {}, undefined, 415],
      ['not JSON', 'PUT', '/page-state/Notes', json, '{oops', 400],
      ['not a record', 'PUT', '/page-state/Notes', json, JSON.stringify({values: {}}), 400],
      ['values array', 'PUT', '/page-state/Notes', json, JSON.stringify({version: 1, values: []}), 400],
      ['extra keys', 'PUT', '/page-state/Notes', json, JSON.stringify({version: 1, values: {}, x: 1}), 400],
      ['POST', 'POST', '/page-state/Notes', json, '{}', 405],
    ];
    for (const [label, method, path, headers, body, status] of cases) {
      const response = await rawRequest(base, method, path, headers, body);
      assert.equal(response.status, status, label);
    }
  });

  it('treats forged, tampered and non-v4 cookies as no cookie: nothing is read, written or deleted', async () => {
    const owner = await put(base, 'Secret', data);
    const cookie = cookieOf(owner);
    const [, value] = cookie.split('=') as [string, string];
    const [id] = value.split('.') as [string];
    const sign = (uuid: string) => `${uuid}.${createHmac('sha256', secret).update(uuid).digest('base64url')}`;
    const forgeries = [
      `page_state_sid=${id}.${'A'.repeat(43)}`, // right id, wrong signature
      `page_state_sid=${id.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}.${value.split('.')[1]}`, // tampered id
      `page_state_sid=${sign('a8098c1a-f86e-11da-bd1a-00112444be1e')}`, // signed, but a v1 UUID
      `page_state_sid=${id}`, // no signature
      'page_state_sid=../../etc/passwd',
    ];
    for (const forged of forgeries) {
      assert.equal((await get(base, 'Secret', forged)).status, 204, forged);
      const deleted = await fetch(`${base}/page-state/Secret`, {method: 'DELETE', headers: {...json, cookie: forged}});
      assert.equal(deleted.status, 204);
      await fetch(`${base}/page-state/`, {method: 'DELETE', headers: {...json, cookie: forged}});
      const overwrite = await put(base, 'Secret', {version: 1, values: {draft: 'evil'}}, {cookie: forged});
      assert.notEqual(cookieOf(overwrite), cookie, 'a forged cookie gets a new session');
    }
    assert.deepEqual(await (await get(base, 'Secret', cookie)).json(), data);
  });

  it('deletes a namespace, and the whole session with its cookie', async () => {
    const cookie = cookieOf(await put(base, 'A', data));
    await put(base, 'B', data, {cookie});
    assert.equal((await fetch(`${base}/page-state/A`, {method: 'DELETE', headers: {...json, cookie}})).status, 204);
    const missing = await get(base, 'A', cookie);
    assert.equal(missing.status, 204);
    assert.match(
      missing.headers.get('set-cookie')!,
      /^page_state_sid=[^;]+; Max-Age=/,
      "a live session's cookie slides on a 204 too",
    );
    assert.equal((await get(base, 'B', cookie)).status, 200);
    const gone = await fetch(`${base}/page-state/`, {method: 'DELETE', headers: {...json, cookie}});
    assert.equal(gone.status, 204);
    assert.match(gone.headers.get('set-cookie')!, /page_state_sid=; Max-Age=0/);
    assert.equal((await get(base, 'B', cookie)).status, 204);
  });

  it('passes other paths to next(), or answers 404 without one', async () => {
    let passed = false;
    await handler(
      {url: '/page-state-other/x', method: 'GET', headers: {}, socket: {}} as never,
      {} as never,
      () => (passed = true),
    );
    assert.ok(passed);
    assert.equal((await fetch(`${base}/elsewhere`)).status, 404);
  });

  it('answers fetch Requests the same way', async () => {
    const stored = await handler.fetch(
      new Request('https://app.test/page-state/Notes', {method: 'PUT', headers: json, body: JSON.stringify(data)}),
    );
    assert.equal(stored.status, 204);
    assert.match(stored.headers.get('set-cookie')!, /; Secure$/);
    const read = await handler.fetch(
      new Request('https://app.test/page-state/Notes', {headers: {cookie: cookieOf(stored)}}),
    );
    assert.deepEqual(await read.json(), data);
    const big = await handler.fetch(
      new Request('https://app.test/page-state/Notes', {method: 'PUT', headers: json, body: 'x'.repeat(2000)}),
    );
    assert.equal(big.status, 413);
    assert.equal((await handler.fetch(new Request('https://app.test/other'))).status, 404);
  });

  it('needs a secret unless its store keeps one', () => {
    const saved = process.env.PAGE_STATE_SECRET;
    delete process.env.PAGE_STATE_SECRET;
    try {
      // A coded error with the line to write, as every other option mistake (options.test.ts).
      assert.throws(() => createSessionHandler({store: memoryStore()}), {
        code: ErrorCode.badDefinition,
        message:
          /^page-state PS_BAD_DEFINITION: createSessionHandler needs a secret .*secret: process\.env\.PAGE_STATE_SECRET \(make one with: node -e/,
      });
      process.env.PAGE_STATE_SECRET = 'too short';
      assert.throws(() => createSessionHandler({store: memoryStore()}), {
        code: ErrorCode.badDefinition,
        message: /PAGE_STATE_SECRET must be at least 32 characters: secret: process\.env\.PAGE_STATE_SECRET \(make one/,
      });
    } finally {
      if (saved === undefined) delete process.env.PAGE_STATE_SECRET;
      else process.env.PAGE_STATE_SECRET = saved;
    }
  });

  it('answers 503 instead of hanging when the store does not answer', async () => {
    const stuck = {...memoryStore(), get: () => new Promise<never>(() => {})};
    const slow = createSessionHandler({secret, store: stuck, storeTimeoutMs: 50});
    const valid = cookieOf(await put(base, 'X', data));
    const response = await slow.fetch(new Request('http://app.test/page-state/X', {headers: {cookie: valid}}));
    assert.equal(response.status, 503);
  });
});

describe('a custom store', () => {
  it("is understood by its errors' names, both of them, whichever copy of page-state made their class", async () => {
    const named = (name: string) => Object.assign(new Error(`${name} of another copy`), {name});
    const failing = (name: string) => ({...memoryStore(), set: async () => Promise.reject(named(name))});
    const statuses: number[] = [];
    for (const name of ['QuotaError', 'StoreUnavailableError', 'TypeError']) {
      const handler = createSessionHandler({secret, store: failing(name), onError() {}});
      const response = await handler.fetch(
        new Request('http://app.test/page-state/Notes', {method: 'PUT', headers: json, body: JSON.stringify(data)}),
      );
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [413, 503, 500]);
  });
});
