// handler.inject() (issue 38): what the HTML answers after it gain (the bootstrap before the first
// script, Cache-Control: private, Vary: Cookie, the session cookie renewed), and what passes
// untouched: JSON, images, 304s, HEAD, compressed bodies, fragments, pages carrying a bootstrap.
// Express on node:http, with express.static, res.send, writeHead and a streamed page; then the
// fetch form.
import {strict as assert} from 'node:assert';
import {writeFileSync} from 'node:fs';
import {once} from 'node:events';
import type {Server} from 'node:http';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {gzipSync} from 'node:zlib';
import express from 'express';
import {createSessionHandler} from '../../src/server/handler.js';
import {memoryStore} from '../../src/server/session-store.js';
import {tempDir} from '../temp-dir.js';
import {cookieOf, json} from './helpers.js';

const secret = 'a test secret of thirty-two characters';
const PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><title>T</title><script src="/app.js"></script></head><body>hi</body></html>';
const BOOTSTRAP =
  /<script type="application\/json" data-page-state="\/page-state">\[null,\[\["Notes",\{"version":1,"values":\{"draft":"x"\}\}\]\]\]<\/script>/;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('handler.inject(): Express', () => {
  const store = memoryStore();
  const handler = createSessionHandler({secret, store});
  let server: Server;
  let base: string;
  let cookie: string;
  let release: () => void = () => {};
  before(async () => {
    const files = tempDir('inject');
    writeFileSync(join(files, 'page.html'), PAGE);
    writeFileSync(join(files, 'fragment.html'), '<li>an htmx answer</li>');
    writeFileSync(join(files, 'pixel.png'), PNG);
    const app = express();
    app.use(handler, handler.inject());
    app.use(express.static(files, {maxAge: 60_000}));
    app.get('/send', (_req, res) => void res.set({vary: 'Accept-Encoding', 'set-cookie': 'theme=dark'}).send(PAGE));
    app.get('/json', (_req, res) => void res.json({a: 1}));
    app.get('/not-modified', (_req, res) => void res.status(304).type('html').end());
    app.get('/gzipped', (_req, res) => void res.set({'content-encoding': 'gzip'}).type('html').end(gzipSync(PAGE)));
    app.get('/head', (_req, res) => void res.writeHead(200, {'content-type': 'text/html'}).end(PAGE));
    app.get(
      '/carried',
      async (req, res) =>
        void res.type('html').send(`<html><head>${await handler.bootstrap(req)}<script></script></head></html>`),
    );
    app.get('/flushed', (_req, res) => {
      res.type('html').flushHeaders();
      res.end(PAGE);
    });
    app.get('/events', (_req, res) => {
      res.writeHead(200, {'content-type': 'text/event-stream'}).flushHeaders();
      new Promise<void>((done) => (release = done)).then(() => res.end('data: 1\n\n'));
    });
    app.get('/stream', (_req, res) => {
      res.type('html').write('<!doctype html><html><head><title>streamed</title>');
      setImmediate(() => res.write('<script src="/app.js"></script></head><body>'));
      new Promise<void>((done) => (release = done)).then(() => res.end('the rest</body></html>'));
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
    const put = await fetch(`${base}/page-state/Notes`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({version: 1, values: {draft: 'x'}}),
    });
    cookie = cookieOf(put);
  });
  after(() => new Promise<void>((done) => server.close(() => done())));
  const get = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, {...init, headers: {cookie}});

  it('an HTML answer (express.static, res.send, writeHead) gains the bootstrap before its first script, and is private', async () => {
    for (const path of ['/page.html', '/send', '/head']) {
      const response = await get(path);
      const body = await response.text();
      assert.match(body, BOOTSTRAP, path);
      assert.ok(body.indexOf('data-page-state') > body.indexOf('<meta charset'), `${path}: after the charset`);
      assert.ok(body.indexOf('data-page-state') < body.indexOf('<script src'), `${path}: before the scripts`);
      assert.equal(
        response.headers.get('content-length') ?? String(Buffer.byteLength(body)),
        String(Buffer.byteLength(body)),
      );
      assert.equal(response.headers.get('cache-control'), 'private, no-store', path);
      assert.match(response.headers.get('vary') ?? '', /(^|, )Cookie$/, path);
      assert.deepEqual([response.headers.get('etag'), response.headers.get('last-modified')], [null, null], path);
      assert.match(response.headers.get('set-cookie') ?? '', /page_state_sid=.*Max-Age=2592000/, `${path}: renewed`);
    }
    // flushHeaders() for a quick first byte: a page's headers wait for its bootstrap all the same.
    const flushed = await get('/flushed');
    assert.match(await flushed.text(), BOOTSTRAP);
    assert.equal(flushed.headers.get('cache-control'), 'private, no-store');
    const sent = await get('/send');
    assert.equal(sent.headers.get('vary'), 'Accept-Encoding, Cookie');
    assert.match(sent.headers.get('set-cookie')!, /theme=dark/, "the app's own cookie stays");
  });

  // A timeout: an answer held that should have gone would wait forever.
  it(
    'JSON, an image, a 304, HEAD, a compressed page, a fragment and events pass untouched',
    {timeout: 10_000},
    async () => {
      const data = await get('/json');
      assert.deepEqual(
        [await data.text(), data.headers.get('cache-control'), !!data.headers.get('etag')],
        ['{"a":1}', null, true],
      );
      const image = await get('/pixel.png');
      assert.deepEqual(Buffer.from(await image.arrayBuffer()), PNG);
      assert.equal(image.headers.get('cache-control'), 'public, max-age=60');
      const unchanged = await get('/not-modified');
      assert.deepEqual([unchanged.status, await unchanged.text()], [304, '']);
      const head = await get('/page.html', {method: 'HEAD'});
      assert.deepEqual(
        [head.headers.get('content-length'), head.headers.get('cache-control')],
        [String(PAGE.length), 'public, max-age=60'],
      );
      assert.equal(await (await get('/gzipped')).text(), PAGE, 'fetch unzips it: the bytes were not touched');
      assert.equal(await (await get('/fragment.html')).text(), '<li>an htmx answer</li>');
      const events = await get('/events'); // its headers came before any event
      assert.equal(events.headers.get('content-type'), 'text/event-stream');
      release();
      assert.equal(await events.text(), 'data: 1\n\n');
    },
  );

  it('a page the app bootstrapped itself keeps its one bootstrap; a streamed page streams on past its insertion point', async () => {
    const carried = await (await get('/carried')).text();
    assert.equal(carried.match(/data-page-state/g)?.length, 1);
    const streamed = await get('/stream');
    const reader = streamed.body!.getReader();
    let text = '';
    while (!text.includes('<body>')) text += new TextDecoder().decode((await reader.read()).value);
    assert.match(text, BOOTSTRAP, 'the bootstrap came before the end of the answer');
    release();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += new TextDecoder().decode(chunk.value);
    assert.match(text, /the rest<\/body><\/html>$/);
  });
});

describe('handler.inject(response, request): fetch runtimes', () => {
  const handler = createSessionHandler({secret, store: memoryStore()});
  const page = (body: BodyInit, headers: HeadersInit = {'content-type': 'text/html; charset=utf-8'}) =>
    new Response(body, {headers});
  const streamed = (...parts: string[]) =>
    new ReadableStream({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });

  it('puts the bootstrap into pages, streamed ones too; JSON, 304s, HEAD and compressed pages pass as they are', async () => {
    const put = await handler.fetch(
      new Request('http://localhost/page-state/Notes', {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({version: 1, values: {draft: 'x'}}),
      }),
    );
    const request = (method = 'GET') => new Request('http://localhost/', {method, headers: {cookie: cookieOf(put)}});
    const injected = await handler.inject(page(PAGE, {'content-type': 'text/html', etag: '"1"'}), request());
    assert.match(await injected.text(), BOOTSTRAP);
    assert.deepEqual(
      ['cache-control', 'vary', 'etag'].map((name) => injected.headers.get(name)),
      ['private, no-store', 'Cookie', null],
    );
    assert.match(injected.headers.get('set-cookie')!, /page_state_sid=/, 'renewed');
    const chunks = streamed('<html><head><ti', 'tle>x</title><scr', 'ipt></script></head>', '</html>');
    assert.match(
      await (await handler.inject(page(chunks), request())).text(),
      /^<html><head><title>x<\/title><script type="application\/json"[^]*<\/script><script><\/script><\/head><\/html>$/,
    );
    const untouched = [
      Response.json({a: 1}),
      new Response(null, {status: 304}),
      page(gzipSync(PAGE), {'content-type': 'text/html', 'content-encoding': 'gzip'}),
    ];
    for (const answer of untouched) assert.equal(await handler.inject(answer, request()), answer);
    const head = page(PAGE);
    assert.equal(await handler.inject(head, request('HEAD')), head);
  });
});
