// Node: the session handler (file and Redis stores) under autocannon on loopback, against a bare
// node:http JSON handler; afterwards every acknowledged write is read back (lost writes must be 0).
import {once} from 'node:events';
import {
  closeSync,
  fdatasync,
  fsync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {execFileSync, spawn} from 'node:child_process';
import {createRequire} from 'node:module';
import {cpus} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {createServer, type IncomingMessage, type RequestListener, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import autocannon from 'autocannon';
import {createClient} from 'redis';
import {fileStore} from '../src/server/file-store.js';
import {createSessionHandler} from '../src/server/handler.js';
import {redisStore} from '../src/server/redis-store.js';
import {memoryStore, type SessionStore} from '../src/server/session-store.js';
import {startRedis} from '../test/server/redis-server.js';
import {tempDir} from '../test/temp-dir.js';

const require = createRequire(import.meta.url);
const CONNECTIONS = 10;
const SECONDS = 3;

/** Calls `then` with the request's whole body as text: the baselines' reader (no bounds, no timer). */
const onBody = (req: IncomingMessage, then: (body: string) => void) => {
  let body = '';
  req
    .setEncoding('utf8')
    .on('data', (c: string) => (body += c))
    .on('end', () => then(body));
};

/** The bare baseline: parse a JSON body, keep it in a Map, answer 204. */
export function bareHandler(): RequestListener & {data: Map<string, string>} {
  const data = new Map<string, string>();
  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    onBody(req, (body) => {
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
 * The bare baseline of the file rows: the same durable replace per PUT as the file store makes
 * (a temp file written and fdatasync'd, renamed over the namespace's file in the session's
 * folder, the folder fsync'd), in a plain node:http handler; GETs read the file.
 */
export function bareDurableHandler(dir = tempDir('bench')): RequestListener {
  const [syncData, syncAll] = [promisify(fdatasync), promisify(fsync)];
  let temp = 0;
  return (req: IncomingMessage, res: ServerResponse) => {
    onBody(req, async (body) => {
      const folder = join(dir, encodeURIComponent(String(req.headers.cookie)));
      const file = join(folder, `${encodeURIComponent(req.url!)}.json`);
      if (req.method !== 'PUT')
        return void readFile(file, 'utf8').then(
          (text) => res.writeHead(200, {'content-type': 'application/json'}).end(text),
          () => res.writeHead(404).end(),
        );
      mkdirSync(folder, {recursive: true});
      const path = join(folder, `.${temp++}.tmp`);
      const fd = openSync(path, 'w');
      writeSync(fd, JSON.stringify(JSON.parse(body)));
      await syncData(fd);
      closeSync(fd);
      renameSync(path, file);
      const folderFd = openSync(folder, 'r');
      await syncAll(folderFd);
      closeSync(folderFd);
      res.writeHead(204).end();
    });
  };
}

/**
 * The floor of the Redis row: a bare node:http server making the one Redis round trip a PUT
 * needs (HSET of the body into the session's hash; HGET for a GET) and nothing else: no cookie,
 * quota, deadline or TTL. The Redis row's gap to the Map baseline that this floor shares is the
 * round trip's, not the handler's.
 */
export function bareRedisHandler(client: {
  hSet(key: string, field: string, value: string): Promise<unknown>;
  hGet(key: string, field: string): Promise<unknown>;
}): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    onBody(req, async (body) => {
      const key = `bare:${req.headers.cookie}`;
      if (req.method === 'PUT') {
        await client.hSet(key, req.url!, JSON.stringify(JSON.parse(body)));
        return void res.writeHead(204).end();
      }
      const stored = await client.hGet(key, req.url!);
      res
        .writeHead(typeof stored === 'string' ? 200 : 404, {'content-type': 'application/json'})
        .end(typeof stored === 'string' ? stored : undefined);
    });
  };
}

/**
 * PUTs from 10 connections for 5 s, spread over `sessions` sessions (each request a new namespace,
 * so every acknowledged write can be read back exactly). `as: 'user'` sends each session as a
 * signed-in user (`x-user`, which the identity rows' `identify` reads) instead of a cookie.
 */
export async function load(listener: RequestListener, sessions: number, as: 'cookie' | 'user' = 'cookie') {
  const server = createServer(listener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookies: string[] = [];
  for (let i = 0; as === 'cookie' && i < sessions; i += 50) {
    cookies.push(
      ...(await Promise.all(
        Array.from({length: Math.min(50, sessions - i)}, async (_, j) => {
          const r = await fetch(`${base}/page-state/Warmup`, {
            method: 'PUT',
            headers: {'content-type': 'application/json', cookie: `sid=bare${i + j}`},
            body: '{"version":1,"values":{}}',
          });
          return r.headers.get('set-cookie')?.split(';')[0] ?? `sid=bare${i + j}`;
        }),
      )),
    );
  }
  let sequence = 0;
  const acknowledged: [cookie: string, n: number][] = [];
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'PUT',
        setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
          context.n = ++sequence;
          context.cookie = cookies[sequence % sessions];
          context.user = `user ${sequence % sessions}`;
          const who = as === 'cookie' ? {cookie: context.cookie as string} : {'x-user': context.user as string};
          return {
            ...request,
            path: `/page-state/ns${context.n}`,
            headers: {'content-type': 'application/json', ...who},
            body: JSON.stringify({version: 1, values: {n: context.n}}),
          };
        },
        onResponse(status: number, _body: string, context: Record<string, unknown>) {
          if (status === 204)
            acknowledged.push([(as === 'cookie' ? context.cookie : context.user) as string, context.n as number]);
        },
      },
    ],
  } as never);
  let lost = 0;
  for (let i = 0; i < acknowledged.length; i += 50) {
    await Promise.all(
      acknowledged.slice(i, i + 50).map(async ([who, n]) => {
        const r = await fetch(`${base}/page-state/ns${n}`, {
          headers: as === 'cookie' ? {cookie: who} : {'x-user': who},
        });
        const data = r.status === 200 ? ((await r.json()) as {values: {n: number}}) : undefined;
        if (data?.values.n !== n) lost++;
      }),
    );
  }
  server.close();
  const r = result as unknown as {
    requests: {average: number};
    latency: {p99: number};
    errors: number;
    non2xx: number;
    timeouts: number;
  };
  return {
    requestsPerSecond: r.requests.average,
    p99Ms: r.latency.p99,
    errors: r.errors + r.non2xx + r.timeouts,
    acknowledged: acknowledged.length,
    lost,
  };
}

const SECRET = 'the benchmark secret, 32 characters';
/** The throughput rows make their 1,000 sessions from one loopback address. */
const UNBOUNDED = {perClientPerMinute: Infinity};
/** The throughput rows write a new namespace per request: no quota, as the bare baseline has none. */
const UNLIMITED = {namespaces: Infinity, bytes: Infinity};

/**
 * A normal user's GET p99 while 4 connections read another session: a small one, or one at its
 * quota (100 namespaces, 1 MiB). One big session must not slow everyone else down.
 */
async function neighbourLoad(big: boolean) {
  const files = fileStore(tempDir('bench'));
  const server = createServer(
    createSessionHandler({secret: SECRET, store: files}) as unknown as RequestListener,
  ).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const put = async (cookie: string, ns: string, size: number) => {
    const r = await fetch(`${base}/page-state/${ns}`, {
      method: 'PUT',
      headers: {'content-type': 'application/json', cookie},
      body: JSON.stringify({version: 1, values: {text: 'x'.repeat(size)}}),
    });
    return r.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  };
  const user = await put('', 'Draft', 200);
  let other = await put('', 'ns0', big ? 10_000 : 200);
  for (let i = 1; i < (big ? 100 : 1); i++) other = await put(other, `ns${i}`, 10_000);
  const reads = autocannon({
    url: base,
    connections: 4,
    duration: SECONDS,
    requests: [{method: 'GET', path: '/page-state/ns0', headers: {cookie: other}}],
  } as never);
  const mine = await autocannon({
    url: base,
    connections: 1,
    duration: SECONDS,
    requests: [{method: 'GET', path: '/page-state/Draft', headers: {cookie: user}}],
  } as never);
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
  await Promise.all(
    Array.from({length: CONNECTIONS}, async (_, i) => {
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
    }),
  );
  return count / SECONDS;
}

/** Many sessions (a busy site) and one hot session (a page saving from many tabs). */
const SESSIONS = 1000;
/** Rounds of every row, each beside its own bare run: this machine's speed drifts by up to 2× between runs, and a median of five holds still where one of three flapped across the targets. */
export const ROUNDS = 5;

type Load = Awaited<ReturnType<typeof load>>;
/** A row: the round of median ratio to its bare run, lost writes summed over every round, and
 * the lowest and highest ratio of the rounds (this machine's noise, shown beside the median);
 * the Redis row's round also has its floor ({@link bareRedisHandler}), measured between the two. */
export type Row = Load & {ratio: number; bare: Load; floor?: Load; spread?: [lowest: number, highest: number]};

/** The round of median ratio, with the lowest and highest ratio of all the rounds. */
function medianRound<R extends {ratio: number}>(rounds: R[]): R & {spread: [lowest: number, highest: number]} {
  const sorted = [...rounds].sort((a, b) => a.ratio - b.ratio);
  return {...sorted[sorted.length >> 1]!, spread: [sorted[0]!.ratio, sorted.at(-1)!.ratio]};
}

export async function serverLoad() {
  const neighbours = {small: await neighbourLoad(false), atQuota: await neighbourLoad(true)};
  const disk = {before: await diskReplaces()};
  const redis = await startRedis();
  const client = createClient({url: redis.url, disableOfflineQueue: true});
  client.on('error', () => {});
  await client.connect();
  const handler = (store: SessionStore) =>
    createSessionHandler({secret: SECRET, store, quota: UNLIMITED, anonymous: UNBOUNDED}) as unknown as RequestListener;
  const identified = (store: SessionStore) =>
    createSessionHandler({
      secret: SECRET,
      store,
      quota: UNLIMITED,
      identify: (req) => (req as IncomingMessage).headers['x-user'] as string,
    }) as unknown as RequestListener;
  const viaFiles = async (sessions: number) => {
    const files = fileStore(tempDir('bench'));
    const result = await load(handler(files), sessions);
    files.close();
    return result;
  };
  const kinds = {
    memory: () => load(handler(memoryStore()), SESSIONS),
    memoryUser: () => load(identified(memoryStore()), SESSIONS, 'user'),
    file: () => viaFiles(SESSIONS),
    fileHot: () => viaFiles(1),
    redis: () => load(handler(redisStore(client)), SESSIONS),
  };
  // The file rows against the same durable replace done bare; the others against a Map.
  const bareOf = (kind: string) =>
    kind.startsWith('file')
      ? load(bareDurableHandler(), kind === 'fileHot' ? 1 : SESSIONS)
      : load(bareHandler(), SESSIONS);
  const runs = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, [] as Row[]])) as Record<
    keyof typeof kinds,
    Row[]
  >;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [kind, run] of Object.entries(kinds) as [keyof typeof kinds, () => Promise<Load>][]) {
      const bare = await bareOf(kind);
      const floor = kind === 'redis' ? await load(bareRedisHandler(client), SESSIONS) : undefined;
      const result = await run();
      runs[kind].push({
        ...result,
        ratio: result.requestsPerSecond / bare.requestsPerSecond,
        bare,
        ...(floor && {floor}),
      });
    }
  }
  await client.quit();
  await redis.stop();
  const after = await diskReplaces();
  const median = (rows: Row[]): Row => ({
    ...medianRound(rows),
    lost: rows.reduce((sum, r) => sum + r.lost, 0),
    acknowledged: rows.reduce((sum, r) => sum + r.acknowledged, 0),
  });
  // Signed-in against anonymous within each round, where the two ran back to back: the rows'
  // medians may come from different rounds, on this machine up to 2x apart in speed.
  const signedIn = runs.memoryUser.map((user, i) => ({
    user,
    anonymous: runs.memory[i]!,
    ratio: user.requestsPerSecond / runs.memory[i]!.requestsPerSecond,
  }));
  return {
    memory: median(runs.memory),
    memoryUser: median(runs.memoryUser),
    file: median(runs.file),
    fileHot: median(runs.fileHot),
    redis: median(runs.redis),
    signedIn: medianRound(signedIn),
    neighbours,
    disk: {...disk, after},
    flood: {
      shared: await floodLoad(),
      sharedFloor: await floodLoad(30, {floor: true}),
      pinned: await floodLoad(30, {pinned: true}),
      pinnedFloor: await floodLoad(30, {floor: true, pinned: true}),
      // Past the handler's 256 held refusals, the rest are answered at once: the flood at its strongest.
      wide: await floodLoad(30, {pinned: true, connections: 256}),
      wideFloor: await floodLoad(30, {floor: true, pinned: true, connections: 256}),
    },
  };
}

/**
 * The floor of the flood rows: what no server can beat on this machine. A bare node:http server
 * refusing every cookieless PUT with 429 unread (the cheapest refusal there is) and doing the
 * file rows' durable replace for everyone else.
 */
export function floodFloor(dir: string): RequestListener {
  const durable = bareDurableHandler(dir);
  return (req, res) => {
    if (req.method === 'PUT' && !req.headers.cookie && !req.headers['x-user'])
      return void res.writeHead(429, {connection: 'close', 'retry-after': '60'}).end(() => req.destroy());
    durable(req, res);
  };
}

/** Runs `work` with this process (the server and its thread pool) on CPU 0 alone, when `pinned`. */
async function onCore<T>(pinned: boolean, work: () => Promise<T>): Promise<T> {
  if (!pinned) return work();
  execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], {stdio: 'ignore'});
  try {
    return await work();
  } finally {
    execFileSync('taskset', ['-a', '-p', '-c', `0-${cpus().length - 1}`, String(process.pid)], {stdio: 'ignore'});
  }
}

/**
 * 30 s of cookieless PUTs (`connections` of 16 B bodies and as many of 60 KB, 8 + 8 by default)
 * while a user's existing session writes and reads and a signed-in user writes: their p99 against the same load on an
 * idle server. Against page-state's handler over the file store (the default bounds of new
 * sessions; how much the store grew against its budget), or against {@link floodFloor}.
 * `pinned`: the flood runs on CPU 1 and the server on CPU 0, as a flood from another machine
 * would; otherwise the flood's processes share the server's cores (on two cores they take most of them).
 */
export async function floodLoad(seconds = 30, {floor = false, pinned = false, connections = 8} = {}) {
  const dir = tempDir('bench');
  const files = floor ? undefined : fileStore(dir);
  const budget = {maxSessions: 1000, maxBytes: 64 * 2 ** 20};
  const listener = files
    ? (createSessionHandler({
        secret: SECRET,
        store: files,
        anonymous: budget,
        identify: (req) => (req as IncomingMessage).headers['x-user'] as string | undefined,
      }) as unknown as RequestListener)
    : floodFloor(dir);
  const server = createServer(listener).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const first = await fetch(`${base}/page-state/Draft`, {
    method: 'PUT',
    headers: {'content-type': 'application/json', cookie: 'sid=floor'},
    body: '{"version":1,"values":{"text":"mine"}}',
  });
  const cookie = first.headers.get('set-cookie')?.split(';')[0] ?? 'sid=floor';
  const user = (duration: number) =>
    autocannon({
      url: base,
      connections: 1,
      duration,
      requests: [
        {
          method: 'PUT',
          path: '/page-state/Draft',
          headers: {'content-type': 'application/json', cookie},
          body: '{"version":1,"values":{"text":"mine"}}',
        },
        {method: 'GET', path: '/page-state/Draft', headers: {cookie}},
        {
          method: 'PUT',
          path: '/page-state/Draft',
          headers: {'content-type': 'application/json', 'x-user': 'ada'},
          body: '{"version":1,"values":{"text":"ada"}}',
        },
      ],
    } as never) as unknown as Promise<{latency: {p99: number}; non2xx: number; errors: number}>;
  const {idle, busy, flood} = await onCore(pinned, async () => {
    const idle = await user(5);
    // The flood comes from other processes (`connections` of 16 B bodies, as many of 60 KB), as a
    // flood does: generated in this one, it would slow the user's requests by its own work.
    const flood = Promise.all(
      [16, 60_000].map(async (size) => {
        const input = join(dir, `.flood-${size}.json`);
        writeFileSync(input, JSON.stringify({version: 1, values: {text: 'x'.repeat(size)}}));
        const cannon = [
          require.resolve('autocannon/autocannon.js'),
          '-j',
          '-c',
          String(connections),
          '-d',
          String(seconds),
          '-m',
          'PUT',
          '-H',
          'content-type=application/json',
          '-i',
          input,
          `${base}/page-state/Draft`,
        ];
        const child = pinned
          ? spawn('taskset', ['-c', '1', process.execPath, ...cannon], {stdio: ['ignore', 'pipe', 'ignore']})
          : spawn(process.execPath, cannon, {stdio: ['ignore', 'pipe', 'ignore']});
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk));
        await once(child, 'close');
        return JSON.parse(out) as {requests: {total: number}; non2xx: number};
      }),
    );
    return {idle, busy: await user(seconds - 2), flood: await flood};
  });
  const flooded = flood.reduce((sum, run) => ({
    requests: {total: sum.requests.total + run.requests.total},
    non2xx: sum.non2xx + run.non2xx,
  }));
  let bytes = 0;
  const sessions = readdirSync(dir).filter((name) => !name.startsWith('.') && name !== 'secret');
  for (const session of sessions)
    for (const name of readdirSync(join(dir, session))) bytes += statSync(join(dir, session, name)).size;
  server.close();
  files?.close();
  return {
    idleP99Ms: idle.latency.p99,
    floodedP99Ms: busy.latency.p99,
    userFailures: busy.non2xx + busy.errors,
    floodRequests: flooded.requests.total,
    floodRefused: flooded.non2xx,
    sessions: sessions.length,
    bytes,
    budget,
  };
}
