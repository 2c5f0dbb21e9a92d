import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import {createClient} from 'redis';
import {createSessionHandler} from '../../src/server/handler.js';
import {redisStore} from '../../src/server/redis-store.js';
import {cookieOf, json, serve} from './helpers.js';
import {startRedis} from './redis-server.js';

describe('redis store', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const clients: {quit(): Promise<unknown>}[] = [];
  const connect = async () => {
    const client = createClient({url: redis.url});
    clients.push(client);
    return client.connect();
  };
  before(async () => (redis = await startRedis()));
  after(async () => {
    await Promise.all(clients.map((c) => c.quit().catch(() => {})));
    await redis.stop();
  });

  it('lets two handlers on one Redis (two app servers) see each other\'s writes', async () => {
    const a = await serve(createSessionHandler({secret: 'a secret shared by both app servers', store: redisStore(await connect())}));
    const b = await serve(createSessionHandler({secret: 'a secret shared by both app servers', store: redisStore(await connect())}));
    try {
      const stored = await fetch(`${a.base}/page-state/Notes`, {method: 'PUT', headers: json, body: JSON.stringify({version: 1, values: {draft: 'from a'}})});
      const cookie = cookieOf(stored);
      const read = await fetch(`${b.base}/page-state/Notes`, {headers: {cookie}});
      assert.deepEqual(await read.json(), {version: 1, values: {draft: 'from a'}});
      await fetch(`${b.base}/page-state/`, {method: 'DELETE', headers: {...json, cookie}});
      assert.equal((await fetch(`${a.base}/page-state/Notes`, {headers: {cookie}})).status, 404);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('keys sessions under a prefix with a TTL that restarts on write', async () => {
    const client = await connect();
    const store = redisStore(client, {prefix: 'app:'});
    const session = crypto.randomUUID();
    await store.set(session, 'A', {version: 1, values: {}}, {ttlSeconds: 120});
    const ttl = await client.ttl(`app:${session}`);
    assert.ok(ttl > 120 && ttl <= 132, `ttl ${ttl}`); // a full TTL and its tenth of slack
    await store.set(session, 'B', {version: 1, values: {}}, {ttlSeconds: 900});
    assert.ok((await client.ttl(`app:${session}`)) > 800);
    await store.delete(session, 'A');
    assert.equal(await store.get(session, 'A'), undefined);
    assert.deepEqual(await store.get(session, 'B'), {version: 1, values: {}});
  });
});
