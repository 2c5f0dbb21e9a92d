// State that belongs to a signed-in account, in every store: it follows the identity across
// devices, a sign-in adopts or drops the anonymous session, and a retired session id never
// names a live session again. `identify` reads the test app's own `x-user` header (what a
// trusted auth proxy would set); Passport, express-session and jose are in test/e2e.
import {strict as assert} from 'node:assert';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {readdirSync} from 'node:fs';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {createSessionHandler} from '../../src/server/handler.js';
import type {SessionHandlerOptions} from '../../src/server/options.js';
import {isStoreKey} from '../../src/server/identity.js';
import {memoryStore, type SessionStore} from '../../src/server/session-store.js';
import {tempDir} from '../temp-dir.js';
import {cookieOf, json, serve} from './helpers.js';
import {everyStore} from './every-store.js';

const secret = 'a test secret of thirty-two characters';
/** The test app's `identify`: whoever its own header names. */
const byHeader: SessionHandlerOptions['identify'] = (req) =>
  'headers' in req && !(req.headers instanceof Headers) ? (req.headers['x-user'] as string | undefined) : undefined;
const draft = (text: string) => JSON.stringify({version: 1, values: {text}});

/** A running handler over `store`, and requests to it as a browser would make them. */
async function app(store: SessionStore, options: Partial<SessionHandlerOptions> = {}) {
  const {base, close} = await serve(createSessionHandler({secret, store, identify: byHeader, ...options}));
  const headersOf = (as: {user?: string; cookie?: string}) => ({
    ...(as.user ? {'x-user': as.user} : {}),
    ...(as.cookie ? {cookie: as.cookie} : {}),
  });
  return {
    close,
    put: (namespace: string, text: string, as: {user?: string; cookie?: string} = {}) =>
      fetch(`${base}/page-state/${namespace}`, {
        method: 'PUT',
        headers: {...json, ...headersOf(as)},
        body: draft(text),
      }),
    get: (namespace: string, as: {user?: string; cookie?: string} = {}, headers: Record<string, string> = {}) =>
      fetch(`${base}/page-state/${namespace}`, {headers: {...headersOf(as), ...headers}}),
    clear: (as: {user?: string; cookie?: string} = {}) =>
      fetch(`${base}/page-state/`, {method: 'DELETE', headers: {...json, ...headersOf(as)}}),
  };
}
const text = async (response: Response) =>
  response.status === 200 ? ((await response.json()) as {values: {text: string}}).values.text : response.status;
const sessionId = (cookie: string) => cookie.split('=')[1]?.split('.')[0];

describe('identity: state that belongs to an account', () => {
  const {stores, file} = everyStore('identity');

  for (const [name, create] of stores) {
    describe(`${name} store`, () => {
      it('keys state by the account on every device, tags every answer, and trusts no identity the client sends', async () => {
        const {put, get, close} = await app(create());
        try {
          const written = await put('Draft', 'ada on her laptop', {user: 'ada'});
          assert.equal(written.status, 204);
          assert.equal(written.headers.get('set-cookie'), null, 'an account needs no session cookie');
          const tag = written.headers.get('page-state-identity')!;
          assert.match(tag, /^[\w-]{22}$/);
          const phone = await get('Draft', {user: 'ada'});
          assert.equal(await text(phone), 'ada on her laptop');
          assert.equal(phone.headers.get('page-state-identity'), tag, 'the tag is stable');
          const grace = await get('Draft', {user: 'grace'});
          assert.equal(await text(grace), 204);
          assert.notEqual(grace.headers.get('page-state-identity'), tag);
          const forged = await get('Draft', {}, {'page-state-identity': tag});
          assert.equal(await text(forged), 204, "a client's own identity header changes nothing");
          assert.equal(forged.headers.get('page-state-identity'), 'anonymous');
        } finally {
          await close();
        }
      });

      it("signing in with adoptAnonymous 'none' drops the anonymous session: neither in the account nor readable through its old cookie", async () => {
        const {put, get, close} = await app(create());
        try {
          const cookie = cookieOf(await put('Draft', 'anonymous draft'));
          const signedIn = await get('Draft', {user: 'ada', cookie});
          assert.equal(await text(signedIn), 204);
          assert.match(signedIn.headers.get('set-cookie') ?? '', /Max-Age=0/, 'the anonymous cookie expires');
          assert.equal(await text(await get('Draft', {user: 'ada'})), 204);
          assert.equal(await text(await get('Draft', {cookie})), 204, 'the old cookie reads nothing');
          const replayed = await put('Draft', 'replayed', {cookie});
          assert.notEqual(sessionId(cookieOf(replayed)), sessionId(cookie), 'a replayed cookie gets a new session');
          assert.equal(await text(await get('Draft', {cookie})), 204);
        } finally {
          await close();
        }
      });

      it("signing in with adoptAnonymous 'missing' adopts the namespaces the account has no value for, once", async () => {
        const {put, get, close} = await app(create(), {adoptAnonymous: 'missing'});
        try {
          await put('Draft', "ada's own", {user: 'ada'});
          const cookie = cookieOf(await put('Draft', 'anonymous draft'));
          await put('Filters', 'anonymous filters', {cookie});
          const signedIn = await get('Draft', {user: 'ada', cookie});
          assert.equal(await text(signedIn), "ada's own");
          assert.equal(await text(await get('Filters', {user: 'ada'})), 'anonymous filters');
          assert.equal(await text(await get('Filters', {cookie})), 204, 'the anonymous session is gone');
        } finally {
          await close();
        }
      });

      it('retires a session id cleared by DELETE {basePath}/: a replayed cookie writes into a new session', async () => {
        const {put, get, clear, close} = await app(create());
        try {
          const cookie = cookieOf(await put('Draft', 'before'));
          await clear({cookie});
          const replayed = await put('Draft', 'after', {cookie});
          assert.equal(replayed.status, 204);
          assert.notEqual(sessionId(cookieOf(replayed)), sessionId(cookie));
          assert.equal(await text(await get('Draft', {cookie})), 204);
          assert.equal(await text(await get('Draft', {cookie: cookieOf(replayed)})), 'after');
        } finally {
          await close();
        }
      });
    });
  }

  it('an identify that throws or does not answer in time answers 503 and changes nothing', async () => {
    const store = memoryStore();
    const anonymous = await app(store);
    const cookie = cookieOf(await anonymous.put('Draft', 'kept'));
    await anonymous.close();
    for (const identify of [
      () => {
        throw new Error('the user database is down');
      },
      () => new Promise<string>(() => {}),
    ]) {
      const errors: unknown[] = [];
      const failing = await app(store, {identify, storeTimeoutMs: 200, onError: (error) => errors.push(error)});
      try {
        assert.equal((await failing.put('Draft', 'lost', {cookie})).status, 503);
        assert.equal((await failing.get('Draft', {cookie})).status, 503);
        assert.equal(errors.length, 2);
      } finally {
        await failing.close();
      }
    }
    const after = await app(store, {identify: () => null});
    assert.equal(await text(await after.get('Draft', {cookie})), 'kept');
    await after.close();
  });

  it('keeps accounts where they are when the cookie secret rotates, under an identitySecret of their own', async () => {
    const store = memoryStore();
    const identitySecret = 'the identity secret, never rotated, 32+';
    const before = await app(store, {secret: 'the cookie secret before rotation, 32+', identitySecret});
    const written = await before.put('Draft', 'ada before the rotation', {user: 'ada'});
    await before.close();
    const after = await app(store, {
      secret: ['the cookie secret after rotation, 32+ c', 'the cookie secret before rotation, 32+'],
      identitySecret,
    });
    try {
      const read = await after.get('Draft', {user: 'ada'});
      assert.equal(await text(read), 'ada before the rotation');
      assert.equal(
        read.headers.get('page-state-identity'),
        written.headers.get('page-state-identity'),
        'the same tag: pages see no switch',
      );
    } finally {
      await after.close();
    }
    assert.throws(
      () => createSessionHandler({secret, store, identify: byHeader, identitySecret: 'short'}),
      /identitySecret must be a string of at least 32 characters/,
    );
  });

  it('stores any id safely (10 KiB, /, .., NUL, emoji): apart from each other, and never in a file name', async () => {
    const dir = tempDir('identity');
    const ids = ['x'.repeat(10 * 1024), 'a/b', '..', '../../etc/passwd', 'nul\0byte', '😀'];
    const byId = (req: Parameters<NonNullable<SessionHandlerOptions['identify']>>[0]) =>
      ids[Number((req as {headers: Record<string, string>}).headers['x-user'])];
    const {put, get, close} = await app(file(dir), {identify: byId});
    try {
      for (const [i] of ids.entries()) assert.equal((await put('Draft', `draft ${i}`, {user: String(i)})).status, 204);
      for (const [i] of ids.entries()) assert.equal(await text(await get('Draft', {user: String(i)})), `draft ${i}`);
      const names = readdirSync(dir).filter((name) => name !== 'secret');
      assert.equal(names.length, ids.length);
      assert.ok(names.every(isStoreKey), `folder names: ${names}`);
    } finally {
      await close();
    }
  });
});

/** A sign-in server child process on `dir` (test/server/sign-in-server.ts): its base URL, and stop. */
async function signInServer(dir: string) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./sign-in-server.js', import.meta.url)), dir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!.setEncoding('utf8'), 'data')) as [string];
  return {
    base: `http://127.0.0.1:${line.trim()}`,
    stop: async () => {
      child.stdin!.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

describe('signing in on several processes sharing one fileStore folder', () => {
  for (const processes of [2, 4]) {
    it(`${processes} processes: no acknowledged write lost, each anonymous session adopted at most once`, async () => {
      const dir = tempDir('sign-in');
      const servers = await Promise.all(Array.from({length: processes}, () => signInServer(dir)));
      const call = (p: number, method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
        fetch(`${servers[p % processes]!.base}/page-state/${path}`, {method, headers: {...json, ...headers}, body});
      const users = Array.from({length: 20}, (_, k) => `user ${k}`);
      try {
        const cookies = await Promise.all(
          users.map(async (_, k) => {
            const cookie = cookieOf(await call(k, 'PUT', 'A', {}, draft('anonymous A')));
            for (const namespace of ['B', 'C'])
              await call(k, 'PUT', namespace, {cookie}, draft(`anonymous ${namespace}`));
            return cookie;
          }),
        );
        /** Every process sees a sign-in of every user with the old anonymous cookie, all at once. */
        const signInEverywhere = () =>
          Promise.all(
            users.flatMap((user, k) =>
              servers.map((_, p) => call(p, 'GET', 'A', {'x-user': user, cookie: cookies[k]!})),
            ),
          );
        const [, acknowledged] = await Promise.all([
          signInEverywhere(),
          Promise.all(
            users.map(
              async (user, k) =>
                (await call(k + 1, 'PUT', 'A', {'x-user': user}, draft('written by the account'))).status,
            ),
          ),
        ]);
        assert.deepEqual(
          acknowledged,
          users.map(() => 204),
        );
        const read = (k: number, namespace: string) => call(k, 'GET', namespace, {'x-user': users[k]!}).then(text);
        for (const [k] of users.entries()) {
          assert.deepEqual(
            [await read(k, 'A'), await read(k, 'B'), await read(k, 'C')],
            ['written by the account', 'anonymous B', 'anonymous C'],
            users[k],
          );
          assert.equal(
            await call(k, 'GET', 'B', {cookie: cookies[k]!}).then(text),
            204,
            'the anonymous session is gone',
          );
        }
        // Adopted once: a namespace the account deleted since does not come back with the old cookie.
        await Promise.all(users.map((user, k) => call(k, 'DELETE', 'B', {'x-user': user})));
        await signInEverywhere();
        for (const [k] of users.entries()) assert.equal(await read(k, 'B'), 204, users[k]);
        assert.deepEqual(
          readdirSync(dir).filter((name) => name.endsWith('.adopting')),
          [],
          'no claimed folder left behind',
        );
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
      }
    });
  }
});
