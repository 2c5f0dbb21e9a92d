// Node: the session handler (file and Redis stores) under autocannon on loopback, against a bare
// node:http JSON handler; afterwards every acknowledged write is read back (lost writes must be 0).
import {once} from 'node:events';
import {closeSync, fdatasync, fsync, mkdirSync, openSync, renameSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {createServer, type IncomingMessage, type RequestListener, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import autocannon from 'autocannon';
import {createClient} from 'redis';
import {fileStore} from '../src/server/file-store.js';
import {createSessionHandler} from '../src/server/handler.js';
import {redisStore} from '../src/server/redis-store.js';
import {memoryStore, type SessionStore} from '../src/server/store.js';
import {startRedis} from '../test/server/redis-server.js';
import {tempDir} from '../test/temp-dir.js';

const CONNECTIONS = 10;
const SECONDS = 3;

/** The bare baseline: parse a JSON body, keep it in a Map, answer 204. */
export function bareHandler(): RequestListener & {data: Map<string, string>} {
  const data = new Map<string, string>();
  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => {
      if (req.method === 'PUT') {
        data.set(`${req.headers.cookie}|${req.url}`, JSON.stringify(JSON.parse(body)));
        res.writeHead(204).end();
      } else {
        const stored = data.get(`${req.headers.cookie}|${req.url}`);
        res.writeHead(stored ? 200 : 404, {'content-type': 'application/json'}).end(stored);
      }
    });
  }) as RequestListener & {data: Map<string, string>};
  handler.data = data;
  return handler;
}

/**
 * PUTs from 10 connections for 5 s, spread over `sessions` sessions (each request a new namespace,
 * so every acknowledged write can be read back exactly).
 */
export async function load(listener: RequestListener, sessions: number) {
  const server = createServer(listener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookies: string[] = [];
  for (let i = 0; i < sessions; i += 50) {
    cookies.push(...(await Promise.all(Array.from({length: Math.min(50, sessions - i)}, async (_, j) => {
      const r = await fetch(`${base}/page-state/Warmup`, {method: 'PUT', headers: {'content-type': 'application/json', cookie: `sid=bare${i + j}`}, body: '{"version":1,"values":{}}'});
      return r.headers.get('set-cookie')?.split(';')[0] ?? `sid=bare${i + j}`;
    }))));
  }
  let sequence = 0;
  const acknowledged: [cookie: string, n: number][] = [];
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{
      method: 'PUT',
      setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
        context.n = ++sequence;
        context.cookie = cookies[sequence % sessions];
        return {...request, path: `/page-state/ns${context.n}`, headers: {'content-type': 'application/json', cookie: context.cookie}, body: JSON.stringify({version: 1, values: {n: context.n}})};
      },
      onResponse(status: number, _body: string, context: Record<string, unknown>) {
        if (status === 204) acknowledged.push([context.cookie as string, context.n as number]);
      },
    }],
  } as never);
  let lost = 0;
  for (let i = 0; i < acknowledged.length; i += 50) {
    await Promise.all(acknowledged.slice(i, i + 50).map(async ([cookie, n]) => {
      const r = await fetch(`${base}/page-state/ns${n}`, {headers: {cookie}});
      const data = r.status === 200 ? ((await r.json()) as {values: {n: number}}) : undefined;
      if (data?.values.n !== n) lost++;
    }));
  }
  server.close();
  const r = result as unknown as {requests: {average: number}; latency: {p99: number}; errors: number; non2xx: number; timeouts: number};
  return {requestsPerSecond: r.requests.average, p99Ms: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts, acknowledged: acknowledged.length, lost};
}

const SECRET = 'the benchmark secret, 32 characters';
/** The throughput rows write a new namespace per request: no quota, as the bare baseline has none. */
const UNLIMITED = {namespaces: Infinity, bytes: Infinity};

/**
 * A normal user's GET p99 while 4 connections read another session: a small one, or one at its
 * quota (100 namespaces, 1 MiB). One big session must not slow everyone else down.
 */
async function neighbourLoad(big: boolean) {
  const files = fileStore(tempDir('bench'));
  const server = createServer(createSessionHandler({secret: SECRET, store: files}) as unknown as RequestListener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const put = async (cookie: string, ns: string, size: number) => {
    const r = await fetch(`${base}/page-state/${ns}`, {method: 'PUT', headers: {'content-type': 'application/json', cookie}, body: JSON.stringify({version: 1, values: {text: 'x'.repeat(size)}})});
    return r.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  };
  const user = await put('', 'Draft', 200);
  let other = await put('', 'ns0', big ? 10_000 : 200);
  for (let i = 1; i < (big ? 100 : 1); i++) other = await put(other, `ns${i}`, 10_000);
  const reads = autocannon({url: base, connections: 4, duration: SECONDS, requests: [{method: 'GET', path: '/page-state/ns0', headers: {cookie: other}}]} as never);
  const mine = await autocannon({url: base, connections: 1, duration: SECONDS, requests: [{method: 'GET', path: '/page-state/Draft', headers: {cookie: user}}]} as never);
  await reads;
  server.close();
  files.close();
  return {p99Ms: (mine as unknown as {latency: {p99: number}}).latency.p99};
}

/**
 * What bounds the file rows: the durable replace the file store makes (write a temp file,
 * fdatasync it, rename it over the old one, fsync the folder), done bare, in `CONNECTIONS`
 * folders at a time. Measured beside the rows, as a VM's disk changes speed between runs.
 */
export async function diskReplaces(): Promise<number> {
  const dir = tempDir('bench');
  const [syncData, syncAll] = [promisify(fdatasync), promisify(fsync)];
  const until = Date.now() + SECONDS * 1000;
  let count = 0;
  await Promise.all(Array.from({length: CONNECTIONS}, async (_, i) => {
    const folder = join(dir, String(i));
    mkdirSync(folder);
    while (Date.now() < until) {
      const fd = openSync(join(folder, 'temp'), 'w');
      writeSync(fd, 'x'.repeat(100));
      await syncData(fd);
      closeSync(fd);
      renameSync(join(folder, 'temp'), join(folder, 'ns.json'));
      const folderFd = openSync(folder, 'r');
      await syncAll(folderFd);
      closeSync(folderFd);
      count++;
    }
  }));
  return count / SECONDS;
}

/** Many sessions (a busy site) and one hot session (a page saving from many tabs). */
const SESSIONS = 1000;
/** Rounds of every row, each beside its own bare run: this machine's speed drifts by a fifth between runs. */
const ROUNDS = 3;

type Load = Awaited<ReturnType<typeof load>>;
/** A row: the round of median ratio to its bare run, lost writes summed over every round. */
export type Row = Load & {ratio: number; bare: Load};

export async function serverLoad() {
  const neighbours = {small: await neighbourLoad(false), atQuota: await neighbourLoad(true)};
  const disk = {before: await diskReplaces()};
  const redis = await startRedis();
  const client = createClient({url: redis.url, disableOfflineQueue: true});
  client.on('error', () => {});
  await client.connect();
  const handler = (store: SessionStore) => createSessionHandler({secret: SECRET, store, quota: UNLIMITED}) as unknown as RequestListener;
  const viaFiles = async (sessions: number) => {
    const files = fileStore(tempDir('bench'));
    const result = await load(handler(files), sessions);
    files.close();
    return result;
  };
  const kinds = {
    memory: () => load(handler(memoryStore()), SESSIONS),
    file: () => viaFiles(SESSIONS),
    fileHot: () => viaFiles(1),
    redis: () => load(handler(redisStore(client)), SESSIONS),
  };
  const runs = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, [] as Row[]])) as Record<keyof typeof kinds, Row[]>;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [kind, run] of Object.entries(kinds) as [keyof typeof kinds, () => Promise<Load>][]) {
      const bare = await load(bareHandler(), SESSIONS);
      const result = await run();
      runs[kind].push({...result, ratio: result.requestsPerSecond / bare.requestsPerSecond, bare});
    }
  }
  await client.quit();
  await redis.stop();
  const after = await diskReplaces();
  const median = (rows: Row[]): Row => {
    const row = [...rows].sort((a, b) => a.ratio - b.ratio)[rows.length >> 1]!;
    return {...row, lost: rows.reduce((sum, r) => sum + r.lost, 0), acknowledged: rows.reduce((sum, r) => sum + r.acknowledged, 0)};
  };
  return {
    memory: median(runs.memory), file: median(runs.file), fileHot: median(runs.fileHot), redis: median(runs.redis), neighbours, disk: {...disk, after},
  };
}
