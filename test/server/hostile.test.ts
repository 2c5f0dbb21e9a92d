// The session server under attack (issue 15): every hostile request in one table, against a real
// node:http server over each store; the process stays up and a normal client still reads and
// writes afterwards. Then handler.fetch, Express 5, quotas and cookies.
import {strict as assert} from 'node:assert';
import {rmSync} from 'node:fs';
import {connect, type Socket} from 'node:net';
import {after, before, describe, it} from 'node:test';
import express from 'express';
import {createClient} from 'redis';
import {signSession} from '../../src/server/cookie.js';
import {fileStore} from '../../src/server/file-store.js';
import {createSessionHandler} from '../../src/server/handler.js';
import type {SessionHandlerOptions} from '../../src/server/options.js';
import {redisStore} from '../../src/server/redis-store.js';
import {memoryStore, type SessionStore} from '../../src/server/session-store.js';
import {cookieOf, json, serve} from './helpers.js';
import {startRedis} from './redis-server.js';
import {tempDir} from '../temp-dir.js';

const secret = 'the current secret, 32 characters+';
const oldSecret = 'the secret of last year, 32 chars+';
const data = {version: 1, values: {draft: 'hello'}};
const MAX = 64 * 1024; // the default maxBytes

/** Sends raw bytes on a new connection; resolves with what came back when the server closes it
 * (the cases here all end that way: a generous cap only turns a hang into `closed: false`). */
function raw(port: number, write: (socket: Socket) => void, ms = 30_000): Promise<{text: string; closed: boolean}> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({text, closed});
    };
    const timer = setTimeout(() => done(false), ms);
    socket
      .on('data', (chunk) => (text += chunk.toString('latin1')))
      .on('close', () => done(true))
      .on('error', () => done(true));
    socket.on('connect', () => write(socket));
  });
}
const status = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);

const stores: [string, () => Promise<{store: SessionStore; close(): Promise<void>}>][] = [
  ['memory', async () => ({store: memoryStore(), close: async () => {}})],
  [
    'file',
    async () => {
      const dir = tempDir('hostile');
      const store = fileStore(dir);
      return {store, close: async () => (store.close(), rmSync(dir, {recursive: true, force: true}))};
    },
  ],
  [
    'redis',
    async () => {
      const redis = await startRedis();
      const client = await createClient({url: redis.url}).connect();
      return {store: redisStore(client), close: async () => (await client.quit(), await redis.stop())};
    },
  ],
];

for (const [kind, open] of stores) {
  describe(`hostile requests against node:http, ${kind} store`, () => {
    let base = '';
    let port = 0;
    let stop = async () => {};
    const errors: unknown[] = [];
    /** Bytes the server read, per connection: what a body can cost it in memory. */
    const sockets = new Set<Socket>();
    before(async () => {
      const {store, close} = await open();
      const handler = createSessionHandler({
        secret,
        store,
        maxBytes: MAX,
        bodyTimeoutMs: 1000,
        quota: {namespaces: 100, bytes: 64 * 1024},
        onError: (e) => errors.push(e),
      });
      const served = await serve(handler);
      served.server.on('connection', (socket) => sockets.add(socket));
      base = served.base;
      port = Number(new URL(base).port);
      stop = async () => (await served.close(), await close());
    });
    after(() => stop());

    /** A normal client's round trip: the server is alive and serves its data. */
    const stillServes = async () => {
      const stored = await fetch(`${base}/page-state/Notes`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify(data),
      });
      assert.equal(stored.status, 204);
      const read = await fetch(`${base}/page-state/Notes`, {headers: {cookie: cookieOf(stored)}});
      assert.deepEqual(await read.json(), data);
    };

    const cases: [string, () => Promise<void>][] = [
      [
        'an absolute-form target with a bad port',
        async () => {
          const {text} = await raw(port, (s) => s.end('GET http://a:99999/ HTTP/1.1\r\nHost: a\r\n\r\n'));
          assert.equal(status(text), 400);
        },
      ],
      ['bad percent-encoding', async () => assert.equal((await fetch(`${base}/page-state/%E0%A4%A`)).status, 400)],
      [
        'a body past maxBytes, streamed: refused, read no further',
        async () => {
          let sent = 0;
          const {text, closed} = await raw(port, (s) => {
            s.write(
              `PUT /page-state/Big HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
            );
            const chunk = `${(64 * 1024).toString(16)}\r\n${'x'.repeat(64 * 1024)}\r\n`;
            const pump = () => {
              while (sent < 50 * 1024 * 1024 && s.writable && s.write(chunk)) sent += 64 * 1024;
              if (sent < 50 * 1024 * 1024 && s.writable) s.once('drain', pump);
            };
            pump();
          });
          assert.equal(status(text), 413);
          assert.ok(closed, 'the connection was closed');
          const read = Math.max(...[...sockets].map((socket) => socket.bytesRead));
          console.log(`# 50 MiB offered, ${sent} pushed, ${read} read by the server (maxBytes ${MAX})`);
          assert.ok(read < 10 * MAX, `the server read ${read} bytes`);
          sockets.clear();
        },
      ],
      [
        'a body dripping 1 byte a second: 408, by the body timer',
        async () => {
          const {text} = await raw(port, (s) => {
            s.write(
              'PUT /page-state/Drip HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
            );
            const drip = setInterval(() => (s.writable ? s.write(' ') : clearInterval(drip)), 1000);
            s.on('close', () => clearInterval(drip));
          });
          assert.equal(status(text), 408); // only the body timer answers 408: the drip never ends
        },
      ],
      [
        'an endless GET body: answered without reading it, connection closed',
        async () => {
          const {text, closed} = await raw(port, (s) => {
            s.write('GET /page-state/Notes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
            const flood = setInterval(
              () => (s.writable ? s.write(`400\r\n${'y'.repeat(1024)}\r\n`) : clearInterval(flood)),
              1,
            );
            s.on('close', () => clearInterval(flood));
          });
          assert.equal(status(text), 204);
          assert.ok(closed, 'the connection was closed (the flood never ends on its own)');
        },
      ],
      [
        'JSON nested 5,000 deep',
        async () => {
          const body = `{"version":1,"values":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
          const response = await fetch(`${base}/page-state/Deep`, {method: 'PUT', headers: json, body});
          assert.equal(response.status, body.length > MAX ? 413 : 400);
          const nested = `{"version":1,"values":{"a":${'['.repeat(1000)}${']'.repeat(1000)}}}`;
          assert.equal(
            (await fetch(`${base}/page-state/Deep`, {method: 'PUT', headers: json, body: nested})).status,
            400,
          );
        },
      ],
      [
        '__proto__, constructor and prototype namespaces, stored like any other',
        async () => {
          let cookie = '';
          for (const name of ['__proto__', 'constructor', 'prototype']) {
            const fresh = await fetch(`${base}/page-state/${name}`, {headers: {cookie}});
            assert.equal(fresh.status, 204, `${name} before it is written`);
            const stored = await fetch(`${base}/page-state/${name}`, {
              method: 'PUT',
              headers: {...json, cookie},
              body: JSON.stringify({version: 1, values: {name}}),
            });
            assert.equal(stored.status, 204);
            cookie ||= cookieOf(stored);
          }
          for (const name of ['__proto__', 'constructor', 'prototype']) {
            assert.deepEqual(await (await fetch(`${base}/page-state/${name}`, {headers: {cookie}})).json(), {
              version: 1,
              values: {name},
            });
          }
          assert.equal((await fetch(`${base}/page-state/Other`, {headers: {cookie}})).status, 204);
        },
      ],
      [
        'two session cookies in one request: treated as none',
        async () => {
          const victim = cookieOf(
            await fetch(`${base}/page-state/Mine`, {method: 'PUT', headers: json, body: JSON.stringify(data)}),
          );
          const attacker = cookieOf(
            await fetch(`${base}/page-state/Mine`, {
              method: 'PUT',
              headers: json,
              body: JSON.stringify({version: 1, values: {planted: true}}),
            }),
          );
          assert.equal(
            (await fetch(`${base}/page-state/Mine`, {headers: {cookie: `${attacker}; ${victim}`}})).status,
            204,
          );
          const written = await fetch(`${base}/page-state/Mine`, {
            method: 'PUT',
            headers: {...json, cookie: `${attacker}; ${victim}`},
            body: JSON.stringify({version: 1, values: {secret: 's'}}),
          });
          const fresh = cookieOf(written);
          assert.ok(fresh && fresh !== victim && fresh !== attacker, 'a new session');
          assert.deepEqual(await (await fetch(`${base}/page-state/Mine`, {headers: {cookie: victim}})).json(), data);
          assert.deepEqual(await (await fetch(`${base}/page-state/Mine`, {headers: {cookie: attacker}})).json(), {
            version: 1,
            values: {planted: true},
          });
        },
      ],
      [
        'an expired cookie: no data',
        async () => {
          const stored = await fetch(`${base}/page-state/Old`, {
            method: 'PUT',
            headers: json,
            body: JSON.stringify(data),
          });
          const id = cookieOf(stored).split('=')[1]!.split('.')[0]!;
          const expired = `page_state_sid=${signSession(id, secret, Date.now() - 31 * 86400 * 1000)}`;
          assert.equal((await fetch(`${base}/page-state/Old`, {headers: {cookie: expired}})).status, 204);
        },
      ],
      [
        'a forged and a truncated cookie',
        async () => {
          const stored = await fetch(`${base}/page-state/Forge`, {
            method: 'PUT',
            headers: json,
            body: JSON.stringify(data),
          });
          const [name, value] = cookieOf(stored).split('=') as [string, string];
          for (const bad of [`${value.slice(0, -2)}xx`, value.slice(0, 40), `${value}.extra`]) {
            assert.equal((await fetch(`${base}/page-state/Forge`, {headers: {cookie: `${name}=${bad}`}})).status, 204);
          }
        },
      ],
      [
        'HEAD answers like GET, without a body',
        async () => {
          const stored = await fetch(`${base}/page-state/Head`, {
            method: 'PUT',
            headers: json,
            body: JSON.stringify(data),
          });
          const head = await fetch(`${base}/page-state/Head`, {method: 'HEAD', headers: {cookie: cookieOf(stored)}});
          assert.equal(head.status, 200);
          assert.equal(await head.text(), '');
          assert.equal((await fetch(`${base}/page-state/Head`, {method: 'HEAD'})).status, 204);
          assert.match(
            (await fetch(`${base}/page-state/Head`, {method: 'POST', headers: json, body: '{}'})).headers.get('allow')!,
            /HEAD/,
          );
        },
      ],
    ];
    for (const [label, attack] of cases) {
      it(`${label}; the server lives on and reports no error`, async () => {
        errors.length = 0;
        await attack();
        await stillServes();
        assert.deepEqual(errors, [], 'a hostile request is answered, not an error');
      });
    }

    it('refuses the 101st namespace and a session past its bytes with 413, changing nothing; a full session still reads, deletes and replaces', async () => {
      const first = await fetch(`${base}/page-state/N0`, {method: 'PUT', headers: json, body: JSON.stringify(data)});
      const cookie = cookieOf(first);
      const put = (name: string, body: unknown) =>
        fetch(`${base}/page-state/${name}`, {method: 'PUT', headers: {...json, cookie}, body: JSON.stringify(body)});
      for (let i = 1; i < 100; i++) assert.equal((await put(`N${i}`, data)).status, 204);
      const refused = await put('N100', data);
      assert.equal(refused.status, 413);
      assert.deepEqual(await refused.json(), {error: 'a session holds at most 100 namespaces'});
      assert.equal((await fetch(`${base}/page-state/N100`, {headers: {cookie}})).status, 204);
      assert.equal((await put('N5', {version: 1, values: {draft: 'replaced'}})).status, 204);
      assert.equal((await fetch(`${base}/page-state/N6`, {method: 'DELETE', headers: {...json, cookie}})).status, 204);
      assert.equal((await put('N100', data)).status, 204, 'room again after a delete');
      // Bytes: 64 KiB in all, bodies of 3 KB: about 20 fit.
      const big = {version: 1, values: {text: 'x'.repeat(3000)}};
      let status = 204;
      let n = 0;
      for (; status === 204 && n < 40; n++) status = (await put(`N${n + 10}`, big)).status;
      assert.equal(status, 413);
      assert.ok(n > 15 && n < 40, `refused after ${n} writes`);
      assert.deepEqual((await (await fetch(`${base}/page-state/N5`, {headers: {cookie}})).json()).values, {
        draft: 'replaced',
      });
    });
  });
}

describe('handler.fetch under attack', () => {
  const handler = createSessionHandler({secret, store: memoryStore(), maxBytes: MAX, bodyTimeoutMs: 500});
  const url = 'http://app.test/page-state/Notes';

  it('reads a body past maxBytes as a stream and stops there', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65536;
        controller.enqueue(new Uint8Array(65536));
      },
    });
    const response = await handler.fetch(
      new Request(url, {method: 'PUT', headers: json, body: endless, duplex: 'half'} as RequestInit),
    );
    assert.equal(response.status, 413);
    assert.ok(pulled < 10 * MAX + 65536 * 2, `pulled ${pulled} bytes`);
  });

  it('answers 408 to a body that does not arrive', async () => {
    const stalled = new ReadableStream<Uint8Array>({start: (c) => c.enqueue(new TextEncoder().encode('{'))});
    const response = await handler.fetch(
      new Request(url, {method: 'PUT', headers: json, body: stalled, duplex: 'half'} as RequestInit),
    );
    assert.equal(response.status, 408); // only the body timer answers 408: the stream never ends
  });

  it('treats two session cookies as none, and answers HEAD without a body', async () => {
    const a = (
      await handler.fetch(new Request(url, {method: 'PUT', headers: json, body: JSON.stringify(data)}))
    ).headers
      .get('set-cookie')!
      .split(';')[0]!;
    const b = (
      await handler.fetch(new Request(url, {method: 'PUT', headers: json, body: JSON.stringify(data)}))
    ).headers
      .get('set-cookie')!
      .split(';')[0]!;
    assert.equal((await handler.fetch(new Request(url, {headers: {cookie: `${a}; ${b}`}}))).status, 204);
    const head = await handler.fetch(new Request(url, {method: 'HEAD', headers: {cookie: a}}));
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('survives a target that is no URL', async () => {
    const odd = {method: 'GET', url: 'not a url', headers: new Headers(), body: null} as unknown as Request;
    assert.equal((await handler.fetch(odd)).status, 400);
  });
});

describe('cookies and secrets', () => {
  it('refuses a secret shorter than 32 characters at start', () => {
    assert.throws(() => createSessionHandler({secret: 'short', store: memoryStore()}), /at least 32 characters/);
    assert.throws(() => createSessionHandler({secret: [secret, 'x'], store: memoryStore()}), /at least 32 characters/);
  });

  it('accepts a cookie signed with an older secret and re-signs it with the current one', async () => {
    const store = memoryStore();
    const before = await serve(createSessionHandler({secret: oldSecret, store}));
    const stored = await fetch(`${before.base}/page-state/Notes`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify(data),
    });
    const oldCookie = cookieOf(stored);
    await before.close();
    const rotated = await serve(createSessionHandler({secret: [secret, oldSecret], store}));
    try {
      const read = await fetch(`${rotated.base}/page-state/Notes`, {headers: {cookie: oldCookie}});
      assert.deepEqual(await read.json(), data);
      const resigned = cookieOf(read);
      assert.notEqual(resigned, oldCookie);
      const onlyNew = await serve(createSessionHandler({secret, store}));
      try {
        assert.equal((await fetch(`${onlyNew.base}/page-state/Notes`, {headers: {cookie: resigned}})).status, 200);
        assert.equal((await fetch(`${onlyNew.base}/page-state/Notes`, {headers: {cookie: oldCookie}})).status, 204);
      } finally {
        await onlyNew.close();
      }
    } finally {
      await rotated.close();
    }
  });

  const secureCases: [string, Partial<SessionHandlerOptions>, Record<string, string>, boolean][] = [
    ['X-Forwarded-Proto: https,http (the first hop)', {trustProxy: true}, {'x-forwarded-proto': 'https,http'}, true],
    ['Forwarded: for=1.2.3.4;proto=https', {trustProxy: true}, {forwarded: 'for=1.2.3.4;proto=https'}, true],
    ['X-Forwarded-Proto: http', {trustProxy: true}, {'x-forwarded-proto': 'http'}, false],
    ['an untrusted proxy', {}, {'x-forwarded-proto': 'https'}, false],
    ['secure: true on plain HTTP', {secure: true}, {}, true],
    [
      'secure: false behind a trusted HTTPS proxy',
      {secure: false, trustProxy: true},
      {'x-forwarded-proto': 'https'},
      false,
    ],
  ];
  for (const [label, options, headers, secure] of secureCases) {
    it(`decides Secure (and __Host-) from ${label}: ${secure}`, async () => {
      const handler = createSessionHandler({secret, store: memoryStore(), ...options});
      const response = await handler.fetch(
        new Request('http://app.test/page-state/Notes', {
          method: 'PUT',
          headers: {...json, ...headers},
          body: JSON.stringify(data),
        }),
      );
      const cookie = response.headers.get('set-cookie')!;
      assert.equal(/; Secure$/.test(cookie), secure);
      assert.equal(cookie.startsWith('__Host-page_state_sid='), secure);
    });
  }
});

describe('failures reach onError, without cookie values', () => {
  it('a failing store answers 500 and reports the error and the request', async () => {
    const reports: [unknown, {method: string; path: string}][] = [];
    const broken: SessionStore = {...memoryStore(), get: async () => Promise.reject(new Error('disk on fire'))};
    const handler = createSessionHandler({secret, store: broken, onError: (e, r) => reports.push([e, r])});
    const cookie = `page_state_sid=${signSession('3f1e0c2a-1b2c-4d3e-8f4a-5b6c7d8e9f01', secret, Date.now())}`;
    const response = await handler.fetch(new Request('http://app.test/page-state/Notes', {headers: {cookie}}));
    assert.equal(response.status, 500);
    assert.equal(reports.length, 1);
    assert.match(String(reports[0]![0]), /disk on fire/);
    assert.deepEqual(reports[0]![1], {method: 'GET', path: '/page-state/Notes'});
    assert.doesNotMatch(JSON.stringify(reports), /3f1e0c2a/);
  });

  it('a file store whose directory vanished reports its sweep, and the process lives on', async () => {
    const dir = tempDir('vanish');
    const alive = setInterval(() => {}, 1000); // the sweep's timer does not hold the process open; this test does
    try {
      const swept = new Promise<unknown>((resolve) => {
        const store = fileStore(dir, {sweepEveryMs: 20, onError: (e) => (store.close(), resolve(e))});
      });
      rmSync(dir, {recursive: true, force: true});
      assert.match(String(await swept), /ENOENT/);
    } finally {
      clearInterval(alive);
    }
  });
});

describe('Express 5 with express.json() mounted first', () => {
  it('round-trips PUT and GET', async () => {
    const app = express();
    app.use(express.json());
    app.use(createSessionHandler({secret, store: memoryStore()}));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
    try {
      const stored = await fetch(`${base}/page-state/Notes`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify(data),
      });
      assert.equal(stored.status, 204);
      assert.deepEqual(
        await (await fetch(`${base}/page-state/Notes`, {headers: {cookie: cookieOf(stored)}})).json(),
        data,
      );
      assert.equal((await fetch(`${base}/elsewhere`)).status, 404); // next(): Express's own 404
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
