// A flood of cookieless PUTs cannot fill the store: new anonymous sessions are bounded per client
// and for the whole store, while an existing session and a signed-in user keep working. (The
// 30 s flood with its latency ratio is a row of `npm run bench`; timings are not asserted here.)
import {strict as assert} from 'node:assert';
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {createClient} from 'redis';
import {fileStore} from '../../src/server/file-store.js';
import {refusalHold} from '../../src/server/admission.js';
import {createSessionHandler} from '../../src/server/handler.js';
import {isStoreKey} from '../../src/server/identity.js';
import {redisStore} from '../../src/server/redis-store.js';
import {memoryStore, type SessionStore} from '../../src/server/session-store.js';
import {tempDir} from '../temp-dir.js';
import {cookieOf, json, serve} from './helpers.js';
import {startRedis} from './redis-server.js';

const secret = 'a test secret of thirty-two characters';
const body = (bytes: number) => JSON.stringify({version: 1, values: {text: 'x'.repeat(bytes)}});
/** The bytes and session folders a file store's folder holds. */
function footprint(dir: string) {
  let bytes = 0;
  const sessions = readdirSync(dir).filter(isStoreKey);
  for (const session of sessions)
    for (const name of readdirSync(join(dir, session))) bytes += statSync(join(dir, session, name)).size;
  return {sessions: sessions.length, bytes};
}

describe('a flood of new anonymous sessions', () => {
  const budgets: [
    string,
    () => Promise<{
      store: SessionStore;
      footprint(): Promise<{sessions: number; bytes: number}>;
      close(): Promise<void>;
    }>,
  ][] = [
    [
      'file store',
      async () => {
        const dir = tempDir('flood');
        const store = fileStore(dir);
        return {store, footprint: async () => footprint(dir), close: async () => store.close()};
      },
    ],
    [
      'Redis store',
      async () => {
        const redis = await startRedis();
        const client = createClient({url: redis.url, disableOfflineQueue: true});
        await client.connect();
        // Its own database: every key is a session, each keeping its byte total in ':bytes'.
        const footprint = async () => {
          const keys = await client.keys('*');
          const totals = await Promise.all(keys.map((key) => client.hGet(key, ':bytes')));
          return {sessions: keys.length, bytes: totals.reduce((sum, total) => sum + Number(total ?? 0), 0)};
        };
        return {
          store: redisStore(client),
          footprint,
          close: async () => {
            await client.quit();
            await redis.stop();
          },
        };
      },
    ],
  ];
  for (const [kind, make] of budgets) {
    it(`stays within the store budget (${kind}) while an existing session and a signed-in user keep reading and writing`, async () => {
      const {store, footprint, close: closeStore} = await make();
      const maxSessions = 150;
      const maxBytes = 2 * 1024 * 1024;
      const {base, close} = await serve(
        createSessionHandler({
          secret,
          store,
          anonymous: {perClientPerMinute: Infinity, maxSessions, maxBytes},
          identify: (req) =>
            'headers' in req && !(req.headers instanceof Headers)
              ? (req.headers['x-user'] as string | undefined)
              : undefined,
        }),
      );
      try {
        const put = (headers: Record<string, string>, bytes: number) =>
          fetch(`${base}/page-state/Draft`, {method: 'PUT', headers: {...json, ...headers}, body: body(bytes)});
        const cookie = cookieOf(await put({}, 16));
        // Bounded by what the budget does, not by a clock: the flood goes on until the budget has
        // refused 16 new sessions (or 40 requests per loop, 16 loops: ample past its 150 sessions
        // and 2 MB), however slow the machine.
        const flood: Record<number, number> = {};
        let flooded = false;
        const loop = async (i: number) => {
          for (let n = 0; n < 40 && (flood[503] ?? 0) < 16; n++) {
            const response = await put({}, (i + n) % 2 ? 16 : 60_000);
            flood[response.status] = (flood[response.status] ?? 0) + 1;
            if (response.status === 503) assert.equal(response.headers.get('retry-after'), '60');
            await response.arrayBuffer();
          }
        };
        const user: number[] = [];
        const existing = async () => {
          for (let n = 0; !flooded || n < 2; n++) {
            user.push(
              (await put({cookie}, 16)).status,
              (await fetch(`${base}/page-state/Draft`, {headers: {cookie}})).status,
            );
            user.push((await put({'x-user': 'ada'}, 16)).status);
          }
        };
        const floods = Promise.all(Array.from({length: 16}, (_, i) => loop(i))).finally(() => (flooded = true));
        await Promise.all([floods, existing()]);
        assert.ok(flood[503]! > 0, `the budget refused some: ${JSON.stringify(flood)}`);
        assert.deepEqual(new Set(Object.keys(flood)), new Set(['204', '503']), JSON.stringify(flood));
        assert.ok(
          user.length > 3 && user.every((status) => status === 204 || status === 200),
          `the existing session and Ada: ${[...new Set(user)]}`,
        );
        const {sessions, bytes} = await footprint();
        // The budget is checked before each new session: one 60 KB body of each of the 16 requests in flight may land past it.
        assert.ok(sessions <= maxSessions + 2, `${sessions} sessions`);
        assert.ok(bytes <= maxBytes + 16 * 60_100, `${bytes} bytes`);
      } finally {
        await close();
        await closeStore();
      }
    });
  }

  it('bounds new sessions per client address (429 with Retry-After), each address of a trusted proxy on its own', async () => {
    const {base, close} = await serve(
      createSessionHandler({secret, store: memoryStore(), trustProxy: true, anonymous: {perClientPerMinute: 10}}),
    );
    try {
      const put = (from: string) =>
        fetch(`${base}/page-state/Draft`, {
          method: 'PUT',
          headers: {...json, 'x-forwarded-for': `${from}, 10.0.0.1`},
          body: body(16),
        });
      const statuses: number[] = [];
      for (let n = 0; n < 12; n++) statuses.push((await put('203.0.113.7')).status);
      assert.deepEqual(statuses, [...Array(10).fill(204), 429, 429]);
      const refused = await put('203.0.113.7');
      assert.ok(
        Number(refused.headers.get('retry-after')) >= 1 && Number(refused.headers.get('retry-after')) <= 6,
        `Retry-After ${refused.headers.get('retry-after')}`,
      );
      assert.equal((await put('198.51.100.2')).status, 204, 'another client is not held up');
      const cookie = cookieOf(
        await fetch(`${base}/page-state/Draft`, {
          method: 'PUT',
          headers: {...json, 'x-forwarded-for': '192.0.2.1'},
          body: body(16),
        }),
      );
      for (let n = 0; n < 12; n++) {
        assert.equal(
          (
            await fetch(`${base}/page-state/Draft`, {
              method: 'PUT',
              headers: {...json, cookie, 'x-forwarded-for': '192.0.2.1'},
              body: body(16),
            })
          ).status,
          204,
          'an existing session is never refused',
        );
      }
    } finally {
      await close();
    }
  });

  it('holds a refused request before answering it, so a flooder waiting on its answers sends less; a request after it is answered first', async () => {
    const {base, close} = await serve(
      createSessionHandler({
        secret,
        store: memoryStore(),
        trustProxy: true,
        anonymous: {perClientPerMinute: 1, holdRefusedMs: 60_000},
      }),
    );
    const put = (from: string, signal?: AbortSignal) =>
      fetch(`${base}/page-state/Draft`, {
        method: 'PUT',
        headers: {...json, 'x-forwarded-for': from},
        body: body(16),
        signal,
      });
    const aborted = new AbortController();
    try {
      assert.equal((await put('203.0.113.7')).status, 204);
      const order: string[] = [];
      const refused = put('203.0.113.7', aborted.signal).then(
        (r) => order.push(`refused ${r.status}`),
        () => order.push('still held'),
      );
      order.push(`other ${(await put('198.51.100.2')).status}`);
      aborted.abort();
      await refused;
      assert.deepEqual(order, ['other 204', 'still held']);
    } finally {
      aborted.abort();
      await close();
    }
  });

  it('holds at most its limit of refusals at a time and answers the rest at once', async () => {
    const waits: (() => void)[] = [];
    const hold = refusalHold(1000, 2, () => new Promise<void>((resolve) => waits.push(resolve)));
    const answered: number[] = [];
    const holds = [0, 1, 2, 3].map((n) => hold().then(() => answered.push(n)));
    await Promise.resolve();
    await Promise.resolve();
    assert.deepEqual(answered, [2, 3], 'past two held, refusals are answered at once');
    assert.equal(waits.length, 2);
    waits.forEach((release) => release());
    await Promise.all(holds);
    assert.deepEqual(answered, [2, 3, 0, 1]);
    const again = hold();
    assert.equal(waits.length, 3, 'released holds free their places');
    waits[2]!();
    await again;
    assert.deepEqual(
      await Promise.race([
        refusalHold(0)().then(() => 'at once'),
        new Promise((resolve) => setImmediate(() => resolve('held'))),
      ]),
      'at once',
    );
  });
});
