import {strict as assert} from 'node:assert';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {createClient} from 'redis';
import {fileStore} from '../../src/server/file-store.js';
import {createSessionHandler} from '../../src/server/handler.js';
import {redisStore} from '../../src/server/redis-store.js';
import {cookieOf, json, serve} from './helpers.js';
import {startRedis} from './redis-server.js';
import {tempDir} from '../temp-dir.js';

const body = (n: number) => JSON.stringify({version: 1, values: {n}});

describe('faults', () => {
  it('a failing disk write answers 5xx and leaves the previous session content intact', async () => {
    const dir = tempDir('disk');
    const store = fileStore(dir);
    const {base, close} = await serve(createSessionHandler({secret: 'a test secret of thirty-two characters', store}));
    try {
      const cookie = cookieOf(await fetch(`${base}/page-state/Notes`, {method: 'PUT', headers: json, body: body(1)}));
      // Even root cannot create files in an immutable folder: every write to the session fails.
      const folder = join(dir, cookie.split('=')[1]!.split('.')[0]!);
      execFileSync('chattr', ['+i', folder]);
      try {
        const failed = await fetch(`${base}/page-state/Notes`, {
          method: 'PUT',
          headers: {...json, cookie},
          body: body(2),
        });
        assert.equal(failed.status, 500);
        assert.deepEqual(await failed.json(), {error: 'session store failed'});
        const read = await fetch(`${base}/page-state/Notes`, {headers: {cookie}});
        assert.deepEqual(await read.json(), {version: 1, values: {n: 1}});
      } finally {
        execFileSync('chattr', ['-i', folder]);
      }
      assert.equal(
        (await fetch(`${base}/page-state/Notes`, {method: 'PUT', headers: {...json, cookie}, body: body(3)})).status,
        204,
      );
    } finally {
      store.close();
      await close();
    }
  });

  it('answers errors, not hangs, while redis-server restarts under a stream of writes, then recovers', async () => {
    let redis = await startRedis();
    const client = createClient({url: redis.url, socket: {reconnectStrategy: () => 50}});
    client.on('error', () => {}); // disconnections are expected here; the handler reports them as 503s
    await client.connect();
    const {base, close} = await serve(
      createSessionHandler({
        secret: 'a test secret of thirty-two characters',
        store: redisStore(client),
      }),
    );
    try {
      let cookie = cookieOf(await fetch(`${base}/page-state/Stream`, {method: 'PUT', headers: json, body: body(0)}));
      const statuses: number[] = [];
      const write = async (n: number) => {
        const response = await fetch(`${base}/page-state/Stream`, {
          method: 'PUT',
          headers: {...json, cookie},
          body: body(n),
        });
        // The restarted redis-server lost the session (no persistence here): its id is retired,
        // and the write that follows starts a new session, whose cookie the browser keeps.
        cookie = cookieOf(response) || cookie;
        statuses.push(response.status);
        return response.status;
      };
      for (let n = 1; n <= 20; n++) await write(n);
      await redis.stop();
      for (let n = 21; n <= 30; n++) await write(n);
      redis = await startRedis(redis.port);
      let n = 31;
      while ((await write(n)) !== 204) n++; // reconnecting: errors until the client is back
      for (const m of [n + 1, n + 2, n + 3]) assert.equal(await write(m), 204);
      const read = await fetch(`${base}/page-state/Stream`, {headers: {cookie}});
      assert.deepEqual(await read.json(), {version: 1, values: {n: n + 3}});
      assert.deepEqual(statuses.slice(0, 20), Array(20).fill(204));
      assert.ok(
        statuses.slice(20, 30).every((s) => s === 503),
        `during the outage: ${statuses.slice(20, 30)}`,
      );
    } finally {
      await close();
      await client.quit().catch(() => client.destroy());
      await redis.stop();
    }
  });
});
