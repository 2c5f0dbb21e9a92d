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
  const connect = async (url = redis.url) => {
    const client = createClient({url});
    clients.push(client);
    return client.connect();
  };
  before(async () => (redis = await startRedis()));
  after(async () => {
    await Promise.all(clients.map((c) => c.quit().catch(() => {})));
    await redis.stop();
  });

  it("lets two handlers on one Redis (two app servers) see each other's writes", async () => {
    const a = await serve(
      createSessionHandler({secret: 'a secret shared by both app servers', store: redisStore(await connect())}),
    );
    const b = await serve(
      createSessionHandler({secret: 'a secret shared by both app servers', store: redisStore(await connect())}),
    );
    try {
      const stored = await fetch(`${a.base}/page-state/Notes`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({version: 1, values: {draft: 'from a'}}),
      });
      const cookie = cookieOf(stored);
      const read = await fetch(`${b.base}/page-state/Notes`, {headers: {cookie}});
      assert.deepEqual(await read.json(), {version: 1, values: {draft: 'from a'}});
      await fetch(`${b.base}/page-state/`, {method: 'DELETE', headers: {...json, cookie}});
      assert.equal((await fetch(`${a.base}/page-state/Notes`, {headers: {cookie}})).status, 204);
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

  it("deletes a namespace read past its own lifetime (ttlSeconds), and takes its bytes off the session's total", async () => {
    const client = await connect();
    const store = redisStore(client, {prefix: 'lifetimes:'});
    const session = crypto.randomUUID();
    const key = `lifetimes:${session}`;
    const kept = {version: 1, values: {expires: 1}}; // a var called "expires" is not a lifetime
    await store.set(session, 'Kept', kept, {ttlSeconds: 120});
    const before = Number(await client.hGet(key, ':bytes'));
    const later = {version: 1, values: {text: 'still here'}, expires: Date.now() + 60_000};
    await store.set(session, 'Later', later, {ttlSeconds: 120});
    const withLater = Number(await client.hGet(key, ':bytes'));
    await store.set(
      session,
      'Draft',
      {version: 1, values: {text: 'short-lived'}, expires: Date.now() - 1},
      {ttlSeconds: 120},
    );
    assert.equal(await store.get(session, 'Draft'), undefined);
    assert.equal(Number(await client.hExists(key, 'Draft')), 0);
    assert.equal(Number(await client.hGet(key, ':bytes')), withLater);
    assert.deepEqual(await store.get(session, 'Later'), later);
    assert.ok(withLater > before);
    assert.deepEqual(await store.get(session, 'Kept'), kept);
    // A value the script cannot decode is handed over as it is, for the reader to refuse.
    await client.hSet(key, 'Broken', '{"expires": nope');
    await assert.rejects(store.get(session, 'Broken'), SyntaxError);
  });

  it('counts its database for the budget of new sessions: its keys and its data memory, and 0 for a figure its ACL refuses', async () => {
    const client = await connect(`${redis.url}/5`); // a database of its own, as the session server reference says
    const store = redisStore(client);
    const empty = await store.usage!();
    assert.equal(empty.sessions, 0);
    for (let i = 0; i < 3; i++)
      await store.set(
        crypto.randomUUID(),
        'Draft',
        {version: 1, values: {text: 'x'.repeat(200_000)}},
        {ttlSeconds: 120},
      );
    const used = await store.usage!();
    assert.equal(used.sessions, 3);
    // The server's figure moves by some KiB on its own (connection buffers): the 600 KB stand out.
    assert.ok(used.bytes >= empty.bytes + 500_000, `${empty.bytes} -> ${used.bytes} bytes`);
    // A hardened server whose ACL denies the app INFO: its keys still count, and the usage still answers.
    await client.sendCommand(['ACL', 'SETUSER', 'limited', 'on', '>limited-password', '~*', '+@all', '-info']);
    const limited = await connect(`redis://limited:limited-password@127.0.0.1:${redis.port}/5`);
    assert.deepEqual(await redisStore(limited).usage!(), {sessions: 3, bytes: 0});
  });
});
