// A real three-master Redis Cluster on loopback, two app servers on it through the official
// client's createCluster: sessions spread over the masters, TTLs hold, and a master restarted
// under writes loses none of the acknowledged ones.
import {strict as assert} from 'node:assert';
import {execFileSync, spawnSync} from 'node:child_process';
import {after, before, describe, it} from 'node:test';
import {createClient, createCluster} from 'redis';
import {createSessionHandler} from '../../src/server/handler.js';
import {redisStore} from '../../src/server/redis-store.js';
import {cookieOf, json, serve} from './helpers.js';
import {startRedis, type RedisProcess} from './redis-server.js';
import {tempDir} from '../temp-dir.js';

const cli =
  process.env.REDIS_CLI || (spawnSync('sh', ['-c', 'command -v redis-cli']).status === 0 ? 'redis-cli' : undefined);
// Only a developer's machine without redis-cli skips; `npm test` under CI=true installs it or fails.
const skip = !cli && !process.env.CI ? 'redis-cli is missing (apt-get install -y redis-tools)' : false;
const SECRET = 'a test secret of thirty-two characters';
const TTL_SECONDS = 600;

/** Resolves once every node reports the cluster healthy (a restarted master takes a moment to rejoin). */
async function healthy(nodes: RedisProcess[]) {
  for (;;) {
    const states = nodes.map((node) =>
      execFileSync(cli!, ['-p', String(node.port), 'cluster', 'info'], {encoding: 'utf8'}),
    );
    if (states.every((state) => state.includes('cluster_state:ok'))) return;
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling the state is all redis-cli offers
  }
}

describe('Redis Cluster: three masters, two app servers', {skip}, () => {
  const nodes: RedisProcess[] = [];
  const clusters: {close(): Promise<unknown>; destroy(): unknown; pTTL(key: string): Promise<number>}[] = [];
  const apps: Awaited<ReturnType<typeof serve>>[] = [];
  const errors: unknown[] = [];
  before(async () => {
    for (let i = 0; i < 3; i++) nodes.push(await startRedis({dir: tempDir('cluster'), cluster: true}));
    execFileSync(
      cli!,
      [
        '--cluster',
        'create',
        ...nodes.map((node) => `127.0.0.1:${node.port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      {stdio: 'ignore'},
    );
    await healthy(nodes);
    for (let i = 0; i < 2; i++) {
      const cluster = createCluster({
        rootNodes: [{url: nodes[i]!.url}],
        defaults: {disableOfflineQueue: true, socket: {reconnectStrategy: () => 100}},
      });
      cluster.on('error', () => {}); // the restart below is expected
      await cluster.connect();
      clusters.push(cluster);
      apps.push(
        await serve(
          createSessionHandler({
            secret: SECRET,
            store: redisStore(cluster),
            ttlSeconds: TTL_SECONDS,
            // the default deadline (5 s): a loaded CI machine may take a while, and a stopped
            // master fails at once (no offline queue), so the restart test does not wait on it
            onError: (error) => errors.push(error),
          }),
        ),
      );
    }
  });
  after(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await Promise.all(clusters.map((cluster) => cluster.close().catch(() => cluster.destroy())));
    await Promise.all(nodes.map((node) => node.stop()));
  });

  /** Writes n into a session through app `via`; the cookie when acknowledged. */
  const put = async (via: number, cookie: string, n: number) => {
    const response = await fetch(`${apps[via]!.base}/page-state/Draft`, {
      method: 'PUT',
      headers: {...json, cookie},
      body: JSON.stringify({version: 1, values: {n}}),
    });
    return response.status === 204 ? cookieOf(response) : undefined;
  };
  const read = async (via: number, cookie: string) => {
    const response = await fetch(`${apps[via]!.base}/page-state/Draft`, {headers: {cookie}});
    return response.status === 200 ? ((await response.json()) as {values: {n: number}}).values.n : response.status;
  };

  it('spreads sessions over the masters, each session one hash on one slot with its TTL, read through either app', async () => {
    const cookies = await Promise.all(Array.from({length: 60}, async (_, i) => (await put(i % 2, '', i))!));
    assert.deepEqual(
      await Promise.all(cookies.map((cookie, i) => read((i + 1) % 2, cookie))),
      cookies.map((_, i) => i),
    );
    const counts = await Promise.all(
      nodes.map(async (node) => {
        const direct = await createClient({url: node.url}).connect();
        try {
          return await direct.dbSize();
        } finally {
          direct.destroy();
        }
      }),
    );
    assert.ok(
      counts.every((count) => count > 0),
      `sessions per master: ${counts}`,
    );
    assert.equal(
      counts.reduce((a, b) => a + b),
      60,
      'one key per session',
    );
    const id = cookies[0]!.split('=')[1]!.split('.')[0]!;
    const left = await clusters[0]!.pTTL(`page-state:${id}`);
    assert.ok(left > (TTL_SECONDS - 60) * 1000 && left <= TTL_SECONDS * 1100, `TTL left: ${left} ms`); // a tenth of slack
  });

  it('a master restarted under writes through both apps: every acknowledged write is read back', async () => {
    const sessions = await Promise.all(Array.from({length: 30}, async (_, i) => (await put(i % 2, '', 0))!));
    const acknowledged = new Map<string, number>(sessions.map((cookie) => [cookie, 0]));
    const round = async (n: number) =>
      Promise.all(
        sessions.map(async (cookie, i) => {
          if ((await put((i + n) % 2, cookie, n)) !== undefined) acknowledged.set(cookie, n);
        }),
      );
    for (let n = 1; n <= 3; n++) await round(n);
    const restarted = nodes[1]!;
    await restarted.stop();
    let errored = 0;
    for (let n = 4; n <= 6; n++) {
      await round(n);
      errored += sessions.filter((cookie) => acknowledged.get(cookie) !== n).length;
    }
    nodes[1] = await startRedis({port: restarted.port, dir: restarted.dir, cluster: true});
    await healthy(nodes);
    for (let n = 7; n <= 9; n++) await round(n);
    assert.ok(errored > 0, 'writes to the stopped master were refused');
    assert.ok(
      errors.length > 0 && errors.every((error) => (error as Error).name === 'StoreUnavailableError'),
      'every failure reported as the store being unavailable',
    );
    assert.deepEqual(
      await Promise.all(sessions.map((cookie, i) => read(i % 2, cookie))),
      sessions.map((cookie) => acknowledged.get(cookie)),
    );
  });
  it("signing in through both apps at once: each anonymous session adopted once into the account's one hash", async () => {
    const signIn = await Promise.all(
      clusters.map((cluster) =>
        serve(
          createSessionHandler({
            secret: SECRET,
            store: redisStore(cluster as never),
            adoptAnonymous: 'missing',
            identify: (req) =>
              'headers' in req && !(req.headers instanceof Headers)
                ? (req.headers['x-user'] as string | undefined)
                : undefined,
          }),
        ),
      ),
    );
    try {
      const call = (via: number, method: string, namespace: string, headers: Record<string, string>, body?: object) =>
        fetch(`${signIn[via % 2]!.base}/page-state/${namespace}`, {
          method,
          headers: {...json, ...headers},
          body: body && JSON.stringify(body),
        });
      const users = Array.from({length: 12}, (_, k) => `cluster user ${k}`);
      const cookies = await Promise.all(
        users.map(async (_, k) => {
          const cookie = cookieOf(await call(k, 'PUT', 'A', {}, {version: 1, values: {n: k}}));
          await call(k + 1, 'PUT', 'B', {cookie}, {version: 1, values: {n: k}});
          return cookie;
        }),
      );
      const storm = () =>
        Promise.all(
          users.flatMap((user, k) =>
            [0, 1, 0, 1].map((via) => call(via, 'GET', 'A', {'x-user': user, cookie: cookies[k]!})),
          ),
        );
      await storm();
      const read = async (k: number, namespace: string, via = k) => {
        const response = await call(via, 'GET', namespace, {'x-user': users[k]!});
        return response.status === 200 ? ((await response.json()) as {values: {n: number}}).values.n : response.status;
      };
      for (const [k] of users.entries())
        assert.deepEqual([await read(k, 'A'), await read(k, 'B', k + 1)], [k, k], users[k]);
      await Promise.all(users.map((user, k) => call(k, 'DELETE', 'B', {'x-user': user})));
      await storm();
      for (const [k] of users.entries()) assert.equal(await read(k, 'B'), 204, `${users[k]}: adopted once`);
    } finally {
      await Promise.all(signIn.map((app) => app.close()));
    }
  });
});
