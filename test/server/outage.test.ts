// Two app servers on one real redis-server that stops under their writes: a write answered with an
// error must never be applied later, and what stays is the last acknowledged write.
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import {createClient} from 'redis';
import {createSessionHandler} from '../../src/server/handler.js';
import {redisStore} from '../../src/server/redis-store.js';
import {cookieOf, json, serve} from './helpers.js';
import {startRedis, type RedisProcess} from './redis-server.js';
import {tempDir} from '../temp-dir.js';

const SECRET = 'a test secret of thirty-two characters';
const STORE_TIMEOUT_MS = 300;
const body = (n: number) => JSON.stringify({version: 1, values: {n}});

/** An app server on its own client of `redis`; `offlineQueue` as the client's default leaves it. */
async function appServer(redis: RedisProcess, reconnectMs: number) {
  const client = createClient({url: redis.url, socket: {reconnectStrategy: () => reconnectMs}});
  client.on('error', () => {}); // disconnections are the point of these tests
  await client.connect();
  const errors: unknown[] = [];
  const served = await serve(
    createSessionHandler({
      secret: SECRET,
      store: redisStore(client),
      storeTimeoutMs: STORE_TIMEOUT_MS,
      onError: (error) => errors.push(error),
    }),
  );
  const put = async (cookie: string, n: number) => {
    const response = await fetch(`${served.base}/page-state/Draft`, {
      method: 'PUT',
      headers: {...json, cookie},
      body: body(n),
    });
    // Taken, or refused by the deadline (503): the handler answered, whatever Redis did.
    assert.ok([204, 503].includes(response.status), `answered ${response.status}`);
    return response.status;
  };
  const read = async (cookie: string) =>
    ((await (await fetch(`${served.base}/page-state/Draft`, {headers: {cookie}})).json()) as {values: {n: number}})
      .values.n;
  const close = async () => {
    await served.close();
    await client.quit().catch(() => client.destroy());
  };
  return {base: served.base, client, errors, put, read, close};
}

describe('two app servers on one redis-server that stops', () => {
  let redis: RedisProcess;
  let a: Awaited<ReturnType<typeof appServer>>;
  let b: Awaited<ReturnType<typeof appServer>>;
  before(async () => {
    redis = await startRedis({dir: tempDir('redis')});
    // A reconnects late: its queued writes would be replayed after B's.
    [a, b] = await Promise.all([appServer(redis, 1500), appServer(redis, 50)]);
  });
  after(async () => {
    await Promise.all([a.close(), b.close()]);
    await redis.stop();
  });
  const newSession = async () =>
    cookieOf(await fetch(`${a.base}/page-state/Draft`, {method: 'PUT', headers: json, body: body(0)}));

  for (const outageMs of [1000, 8000]) {
    it(`stopped ${outageMs / 1000} s under writes through both: no errored write visible, the last acknowledged one stays`, async () => {
      const cookie = await newSession();
      const results: {n: number; status: number}[] = [];
      let n = 0;
      const write = async () => {
        n++;
        results.push({n, status: await (n % 2 ? a : b).put(cookie, n)});
      };
      for (let i = 0; i < 6; i++) await write();
      redis.pause();
      const resumed = new Promise<void>((resolve) => setTimeout(() => (redis.resume(), resolve()), outageMs));
      let back = false;
      void resumed.then(() => (back = true));
      while (!back) await write();
      // Back, and before anyone writes again: every errored write is still invisible.
      const acknowledgedBefore = results.filter((r) => r.status === 204).at(-1)!.n;
      assert.equal(await a.read(cookie), acknowledgedBefore);
      assert.equal(await b.read(cookie), acknowledgedBefore);
      // After the outage: writes go on until both servers have had one acknowledged again.
      while (!results.slice(-2).every((r) => r.status === 204)) await write();
      const acknowledged = results.filter((r) => r.status === 204).map((r) => r.n);
      const errored = results.filter((r) => r.status !== 204);
      assert.ok(errored.length >= 1, 'writes failed during the outage');
      assert.ok(
        errored.every((r) => r.status === 503),
        `errors are 503: ${errored.map((r) => r.status)}`,
      );
      assert.ok(
        [...a.errors, ...b.errors].every((error) => (error as Error).name === 'StoreUnavailableError'),
        'reported as the store being unavailable',
      );
      assert.equal(await a.read(cookie), acknowledged.at(-1));
      assert.equal(await b.read(cookie), acknowledged.at(-1));
    });
  }

  it('a write answered 503 while redis-server is paused is refused when it resumes (v1 stays)', async () => {
    const cookie = await newSession();
    assert.equal(await a.put(cookie, 1), 204);
    redis.pause();
    try {
      assert.equal(await a.put(cookie, 2), 503);
    } finally {
      redis.resume();
    }
    // The paused server now runs the queued v2: refused, by its own clock, as past its deadline.
    assert.equal(await a.read(cookie), 1);
    assert.equal(await b.put(cookie, 3), 204);
    assert.equal(await a.read(cookie), 3);
  });

  it('v2 answered 503 through A never lands after v3 acknowledged through B (redis-server restarted)', async () => {
    const cookie = await newSession();
    assert.equal(await a.put(cookie, 1), 204);
    await redis.stop();
    // A's client would queue v2 offline and replay it on reconnect; the store refuses instead.
    assert.equal(await a.put(cookie, 2), 503);
    redis = await startRedis({port: redis.port, dir: redis.dir});
    await new Promise<void>((resolve) => (b.client.isReady ? resolve() : b.client.once('ready', () => resolve())));
    assert.equal(await b.put(cookie, 3), 204);
    await new Promise<void>((resolve) => (a.client.isReady ? resolve() : a.client.once('ready', () => resolve())));
    assert.equal(await a.read(cookie), 3);
    assert.equal(await b.read(cookie), 3);
  });
});
