// Every answer of the session handler says it is page-state's (`page-state-protocol`), in each
// transport and for every kind of answer, errors included: the browser client takes an answer
// without it (an app's 404 page, a proxy's error, a login redirect) for "no handler here".
import {strict as assert} from 'node:assert';
import {after, before, describe, it} from 'node:test';
import express from 'express';
import {createSessionHandler} from '../../src/server/handler.js';
import type {SessionHandler} from '../../src/server/transport.js';
import {memoryStore, type SessionStore} from '../../src/server/session-store.js';
import {cookieOf, json, serve} from './helpers.js';

const secret = 'a test secret of thirty-two characters';
const data = JSON.stringify({version: 1, values: {draft: 'hello'}});

/** A memory store whose namespace `Boom` throws and `Stuck` never answers. */
function faultyStore(): SessionStore {
  const store = memoryStore();
  return {
    ...store,
    get: (key, namespace, options) =>
      namespace === 'Boom'
        ? Promise.reject(new TypeError('a broken store'))
        : namespace === 'Stuck'
          ? new Promise<never>(() => {})
          : store.get(key, namespace, options),
  };
}

const handlers = () => ({
  main: createSessionHandler({secret, store: faultyStore(), maxBytes: 256, storeTimeoutMs: 50, onError() {}}),
  // A store with no room for a new session: every anonymous write is refused (503 Retry-After).
  full: createSessionHandler({
    secret,
    store: memoryStore(),
    basePath: '/full',
    anonymous: {maxSessions: 0, holdRefusedMs: 0},
  }),
});

/** One transport: how a request reaches the handlers, and how it ends. */
interface Transport {
  send(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

async function nodeHttp(): Promise<Transport> {
  const {main, full} = handlers();
  const served = await serve(((req, res) =>
    req.url!.startsWith('/full') ? full(req, res) : main(req, res)) as SessionHandler);
  return {send: (path, init) => fetch(served.base + path, init), close: served.close};
}

async function expressApp(): Promise<Transport> {
  const {main, full} = handlers();
  const app = express();
  // No express.json() first: a body it parsed is taken as is (its own 100 kB limit, not maxBytes).
  app.use(main);
  app.use(full);
  app.use((_req, res) => void res.status(404).send('<h1>the app’s own 404 page</h1>'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
  return {
    send: (path, init) => fetch(base + path, init),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function fetchStyle(): Promise<Transport> {
  const {main, full} = handlers();
  return {
    send: (path, init) => (path.startsWith('/full') ? full : main).fetch(new Request(`http://app.test${path}`, init)),
    close: async () => {},
  };
}

const transports = {'node:http listener': nodeHttp, 'Express middleware': expressApp, 'handler.fetch': fetchStyle};

for (const [name, start] of Object.entries(transports)) {
  describe(`page-state-protocol, ${name}`, () => {
    let transport: Transport;
    before(async () => (transport = await start()));
    after(() => transport.close());

    it('is on every answer: reads, writes, deletions and every error', async () => {
      const {send} = transport;
      const written = await send('/page-state/Notes', {method: 'PUT', headers: json, body: data});
      const cookie = cookieOf(written);
      const answers: [string, Response, number][] = [
        ['PUT', written, 204],
        ['GET stored', await send('/page-state/Notes', {headers: {cookie}}), 200],
        ['GET of nothing stored', await send('/page-state/Other', {headers: {cookie}}), 204],
        ['GET without a session', await send('/page-state/Notes'), 204],
        ['HEAD', await send('/page-state/Notes', {method: 'HEAD', headers: {cookie}}), 200],
        ['DELETE a namespace', await send('/page-state/Notes', {method: 'DELETE', headers: {...json, cookie}}), 204],
        ['DELETE the session', await send('/page-state/', {method: 'DELETE', headers: {...json, cookie}}), 204],
        ['bad namespace', await send('/page-state/a%2Fb'), 400],
        [
          'unreadable body',
          await send('/page-state/Notes', {method: 'PUT', headers: json, body: '{"version": 1, "values": []}'}),
          400,
        ],
        ['POST', await send('/page-state/Notes', {method: 'POST', headers: json, body: data}), 405],
        [
          'too big',
          await send('/page-state/Notes', {
            method: 'PUT',
            headers: json,
            body: JSON.stringify({version: 1, values: {x: 'y'.repeat(300)}}),
          }),
          413,
        ],
        [
          'not JSON',
          await send('/page-state/Notes', {method: 'PUT', headers: {'content-type': 'text/plain'}, body: data}),
          415,
        ],
        ['store failed', await send('/page-state/Boom', {headers: {cookie}}), 500],
        ['store too slow', await send('/page-state/Stuck', {headers: {cookie}}), 503],
        ['store full', await send('/full/Notes', {method: 'PUT', headers: json, body: data}), 503],
      ];
      for (const [what, response, status] of answers) {
        assert.equal(response.status, status, what);
        assert.equal(response.headers.get('page-state-protocol'), '1', what);
      }
      const nothing = answers[2]![1];
      assert.equal(await nothing.text(), '', 'a 204 has no body');
    });

    it('is not on what the handler passes on (or answers 404 for, outside its basePath)', async () => {
      const elsewhere = await transport.send('/elsewhere');
      assert.equal(elsewhere.status, 404);
      assert.equal(elsewhere.headers.get('page-state-protocol'), null);
    });
  });
}

describe('basePath under an Express mount path', () => {
  it('is matched against the full request path: app.use("/page-state", handler) answers at /page-state/{namespace}, and app.use("/api", handler) at its basePath /api/page-state', async () => {
    const app = express();
    app.use('/page-state', createSessionHandler({secret, store: memoryStore()}));
    app.use('/api', createSessionHandler({secret, store: memoryStore(), basePath: '/api/page-state'}));
    app.use((_req, res) => void res.status(404).send('<h1>the app’s own 404 page</h1>'));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
    try {
      for (const path of ['/page-state/Notes', '/api/page-state/Notes']) {
        const written = await fetch(base + path, {method: 'PUT', headers: json, body: data});
        assert.equal(written.status, 204, `PUT ${path}`);
        const read = await fetch(base + path, {headers: {cookie: cookieOf(written)}});
        assert.equal(read.headers.get('page-state-protocol'), '1', `GET ${path}`);
        assert.deepEqual(await read.json(), JSON.parse(data), `GET ${path}`);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('still answers a basePath written after the mount path (app.use("/api", …{basePath: "/page-state"})), and says once to write the mount path into it', async () => {
    const app = express();
    app.use('/api', createSessionHandler({secret, store: memoryStore()}));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
    try {
      for (let i = 0; i < 2; i++) {
        const read = await fetch(`${base}/api/page-state/Notes`);
        assert.equal(read.status, 204);
        assert.equal(read.headers.get('page-state-protocol'), '1');
      }
      assert.equal(warned.length, 1, warned.join('\n'));
      assert.match(
        warned[0]!,
        /\/api\/page-state\/Notes matched basePath only after its mount path \(\/api\).*write the mount path into it/,
      );
    } finally {
      console.warn = warn;
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
