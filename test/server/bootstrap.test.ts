// handler.bootstrap(request) (issue 38), in every store: the identity and every namespace the
// session (or account) holds, as GET answers them, expired ones left out; safe to embed whatever
// was stored; reading it creates no session, slides what a GET slides, and fails soft.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {createSessionHandler} from '../../src/server/handler.js';
import type {SessionHandlerOptions} from '../../src/server/options.js';
import {memoryStore, type SessionStore} from '../../src/server/session-store.js';
import type {StoredState} from '../../src/core/types.js';
import {cookieOf, json, serve} from './helpers.js';
import {everyStore} from './every-store.js';

const secret = 'a test secret of thirty-two characters';
const HOSTILE = '</script><script>alert(1)</script><!-- \u2028\u2029 & é 😀 \\ "';
const byHeader: SessionHandlerOptions['identify'] = (req) =>
  req instanceof Request ? (req.headers.get('x-user') ?? undefined) : (req.headers['x-user'] as string | undefined);

/** A handler over `store` served on a port, and what a browser would send it. */
async function app(store: SessionStore, options: Partial<SessionHandlerOptions> = {}) {
  const handler = createSessionHandler({secret, store, identify: byHeader, ...options});
  const {base, close} = await serve(handler);
  const put = (namespace: string, values: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/page-state/${namespace}`, {
      method: 'PUT',
      headers: {...json, ...headers},
      body: JSON.stringify({version: 1, values}),
    });
  const get = async (namespace: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}/page-state/${namespace}`, {headers});
    return {status: response.status, tag: response.headers.get('page-state-identity'), body: await response.text()};
  };
  const bootstrap = (headers: Record<string, string> = {}) => handler.bootstrap(new Request(`${base}/`, {headers}));
  return {handler, base, close, put, get, bootstrap};
}

/** The fragment's parts: its endpoint, the identity, and each namespace as JSON text. */
function read(fragment: string) {
  const [, endpoint, body] = /^<script type="application\/json" data-page-state="([^"]*)">(.*)<\/script>$/s.exec(
    fragment,
  )!;
  const [identity, namespaces] = JSON.parse(body!) as [string | null, [string, StoredState][]];
  return {endpoint, body: body!, identity, namespaces: new Map(namespaces.map(([n, s]) => [n, JSON.stringify(s)]))};
}

describe('handler.bootstrap(request)', () => {
  const {stores} = everyStore('bootstrap');

  for (const [name, create] of stores) {
    it(`${name} store: every namespace the session holds, as GET answers it, and none past its own lifetime`, async () => {
      const store = create();
      const {close, put, get, bootstrap} = await app(store);
      try {
        const cookie = cookieOf(await put('Notes', {draft: 'call back'}));
        await put('Filters', {q: 'shoes'}, {cookie});
        await put('__proto__', {hostile: HOSTILE}, {cookie});
        const id = cookie.split('=')[1]!.split('.')[0]!;
        await store.set(id, 'Gone', {version: 1, values: {}, expires: Date.now() - 1}, {ttlSeconds: 60});
        const {endpoint, identity, namespaces} = read(await bootstrap({cookie}));
        assert.deepEqual([endpoint, identity], ['/page-state', null]);
        assert.deepEqual([...namespaces.keys()].sort(), ['Filters', 'Notes', '__proto__']);
        for (const [namespace, state] of namespaces) assert.equal(state, (await get(namespace, {cookie})).body);
        assert.equal((await get('Gone', {cookie})).status, 204, 'as GET answers it: nothing');
      } finally {
        await close();
      }
    });

    it(`${name} store: a signed-in request gets its account's namespaces and tag`, async () => {
      const {close, put, get, bootstrap} = await app(create());
      try {
        await put('Notes', {draft: 'ada'}, {'x-user': 'ada'});
        const {identity, namespaces} = read(await bootstrap({'x-user': 'ada'}));
        assert.equal(identity, (await get('Notes', {'x-user': 'ada'})).tag);
        assert.deepEqual([...namespaces.values()], ['{"version":1,"values":{"draft":"ada"}}']);
        assert.deepEqual(read(await bootstrap({'x-user': 'grace'})).namespaces.size, 0);
      } finally {
        await close();
      }
    });
  }

  it('is safe in a page whatever was stored: ASCII only, nothing that ends the tag, every value back as it was', async () => {
    const {close, put, bootstrap} = await app(memoryStore());
    try {
      const cookie = cookieOf(await put('Notes', {draft: HOSTILE, [HOSTILE]: 1}));
      const {body, namespaces} = read(await bootstrap({cookie}));
      assert.match(body, /^[\x20-\x7e]*$/, 'ASCII: the same in any page encoding');
      assert.doesNotMatch(body, /[<>&]/);
      assert.deepEqual(JSON.parse(namespaces.get('Notes')!), {version: 1, values: {draft: HOSTILE, [HOSTILE]: 1}});
    } finally {
      await close();
    }
    // Its endpoint (the basePath, the app's own setting) is an attribute: escaped as one.
    const odd = createSessionHandler({secret, store: memoryStore(), basePath: '/state"><script>'});
    assert.match(
      await odd.bootstrap(new Request('http://localhost/')),
      /^<script type="application\/json" data-page-state="\/state&#34;&#62;&#60;script&#62;">\[null,\[\]\]<\/script>$/,
    );
  });

  it('reads like a GET: no cookie or a forged one creates no session; a read session slides as a GET slides it', async () => {
    let now = Date.now();
    const store = memoryStore(() => now);
    const {close, put, get, bootstrap} = await app(store, {ttlSeconds: 100});
    try {
      assert.deepEqual(read(await bootstrap()).namespaces.size, 0);
      assert.deepEqual(read(await bootstrap({cookie: 'page_state_sid=forged.0.x'})).namespaces.size, 0);
      assert.deepEqual(await store.usage!(), {sessions: 0, bytes: 0}, 'nothing created');
      const cookie = cookieOf(await put('Notes', {draft: 'kept by reading'}));
      now += 95_000;
      assert.equal(read(await bootstrap({cookie})).namespaces.size, 1);
      now += 95_000; // past the TTL of the write, not of the read
      assert.equal((await get('Notes', {cookie})).status, 200, 'the bootstrap slid the session');
    } finally {
      await close();
    }
  });

  it("a store failure or a store slower than storeTimeoutMs makes no bootstrap ('') and reaches onError; a store without all() bootstraps the identity only", async () => {
    const errors: string[] = [];
    const base = memoryStore();
    const failing = {...base, all: () => Promise.reject(new Error('disk on fire'))};
    const slow = {...base, all: () => new Promise<never>(() => {})};
    for (const store of [failing, slow]) {
      const {close, put, bootstrap} = await app(store, {storeTimeoutMs: 50, onError: (e) => errors.push(String(e))});
      try {
        assert.equal(await bootstrap({cookie: cookieOf(await put('Notes', {draft: 'x'}))}), '');
      } finally {
        await close();
      }
    }
    assert.deepEqual(errors, ['Error: disk on fire', 'StoreUnavailableError: session store timed out']);
    const {all: _, ...without} = base;
    const {close, put, bootstrap} = await app(without as SessionStore);
    try {
      const cookie = cookieOf(await put('Notes', {draft: 'x'}));
      assert.deepEqual(read(await bootstrap({cookie})).namespaces.size, 0, 'the page asks for it as before');
    } finally {
      await close();
    }
  });
});
