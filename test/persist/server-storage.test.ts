import {strict as assert} from 'node:assert';
import {describe, it, mock} from 'node:test';
import type {StoredState} from '../../src/core/types.js';
import {serverStorage} from '../../src/persist/server-storage.js';

/** What every answer of page-state's session handler says. */
const ours = {'page-state-protocol': '1'};

/** A scripted server: answers each PUT with the next scripted behaviour, then 204 forever. */
function scriptedServer(script: ('500' | 'hang' | 'offline')[]) {
  const stored = new Map<string, StoredState>();
  const attempts: string[] = [];
  let stored204 = () => {};
  let attempted = () => {};
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const namespace = String(input).split('/').pop()!;
    const step = init?.method === 'GET' ? undefined : script.shift();
    attempts.push(`${init?.method} ${namespace} ${step ?? 'ok'}`);
    attempted();
    if (step === 'offline') throw new TypeError('Failed to fetch');
    if (step === 'hang') {
      // A hanging server holds a socket open; the timer stands in for it (the abort timer is unref'd).
      const socket = setInterval(() => {}, 1000);
      return new Promise<Response>((_, reject) =>
        init!.signal!.addEventListener('abort', () => {
          clearInterval(socket);
          reject(init!.signal!.reason);
        }),
      );
    }
    if (step === '500') return new Response(null, {status: 500, headers: ours});
    if (init?.method === 'PUT') {
      stored.set(namespace, JSON.parse(String(init.body)));
      stored204();
    }
    if (init?.method === 'GET')
      return stored.has(namespace)
        ? Response.json(stored.get(namespace), {headers: ours})
        : new Response(null, {status: 204, headers: ours});
    if (init?.method === 'DELETE') {
      stored.delete(namespace);
      server.onDelete();
    }
    return new Response(null, {status: 204, headers: ours});
  }) as typeof globalThis.fetch;
  const storedOnce = () => new Promise<void>((resolve) => (stored204 = resolve));
  const nextAttempt = () => new Promise<void>((resolve) => (attempted = resolve));
  const server = {fetch, stored, attempts, storedOnce, nextAttempt, onDelete: () => {}};
  return server;
}

const state = (n: number): StoredState => ({version: 1, values: {n}});

describe('serverStorage', () => {
  it('coalesces a burst of writes into one request', async () => {
    const server = scriptedServer([]);
    const storage = serverStorage('/page-state', {fetch: server.fetch, debounceMs: 5});
    const stored = server.storedOnce();
    for (let n = 1; n <= 20; n++) storage.set('Notes', state(n));
    await stored;
    assert.deepEqual(server.attempts, ['PUT Notes ok']);
    assert.deepEqual(server.stored.get('Notes'), state(20));
  });

  it('survives a 500, a hang past the timeout and an offline spell, then stores the newest value', async () => {
    const server = scriptedServer(['500', 'hang', 'offline']);
    const storage = serverStorage('/page-state/', {fetch: server.fetch, debounceMs: 1, retryMs: 5, timeoutMs: 20});
    const stored = server.storedOnce();
    const failed = server.nextAttempt();
    storage.set('Notes', state(1));
    storage.set('Notes', state(2));
    await failed; // while the server is failing, a newer value arrives
    storage.set('Notes', state(3));
    await stored;
    assert.deepEqual(server.stored.get('Notes'), state(3));
    assert.deepEqual(server.attempts.slice(0, 3), ['PUT Notes 500', 'PUT Notes hang', 'PUT Notes offline']);
  });

  it('reads 204 as nothing stored and deletes without resending pending writes', async () => {
    const server = scriptedServer([]);
    const storage = serverStorage('/page-state', {fetch: server.fetch, debounceMs: 1000});
    assert.equal(await storage.get('Notes'), undefined);
    storage.set('Notes', state(1));
    await storage.remove('Notes');
    await storage.flush();
    assert.deepEqual(server.attempts, ['GET Notes ok', 'DELETE Notes ok']);
  });

  it('sends a delete only once the write on its way was answered, and drops the write still pending', async () => {
    const server = scriptedServer([]);
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let sent = () => {};
    const putSent = new Promise<void>((resolve) => (sent = resolve));
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      order.push(`${init?.method} sent`);
      if (init?.method === 'PUT') {
        sent();
        await held; // a slow network holds the PUT
      }
      const response = await server.fetch(input, init);
      order.push(`${init?.method} answered`);
      return response;
    }) as typeof globalThis.fetch;
    const storage = serverStorage('/page-state', {fetch, debounceMs: 0});
    storage.set('Notes', state(1));
    await putSent;
    storage.set('Notes', state(2)); // not sent yet: the delete drops it
    const removed = storage.remove('Notes');
    release();
    await removed;
    await storage.flush();
    assert.deepEqual(order, ['PUT sent', 'PUT answered', 'DELETE sent', 'DELETE answered']);
    assert.equal(server.stored.has('Notes'), false);
  });

  it('retries a delete that failed, and reports the failure to the caller', async () => {
    const server = scriptedServer(['offline']);
    const storage = serverStorage('/page-state', {fetch: server.fetch, retryMs: 5});
    server.stored.set('Notes', state(1));
    const retried = new Promise<void>((resolve) => (server.onDelete = resolve));
    await assert.rejects(async () => storage.remove('Notes'), /DELETE \/page-state\/Notes failed; retrying/);
    await retried;
    assert.deepEqual(server.attempts, ['DELETE Notes offline', 'DELETE Notes ok']);
    assert.equal(server.stored.has('Notes'), false);
  });

  it('sends a write made while the previous one was on its way after its debounce, not a retry delay', async () => {
    mock.timers.enable({apis: ['setTimeout']});
    try {
      const server = scriptedServer([]);
      let release = () => {};
      const sent: string[] = [];
      const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
        sent.push(String(init?.body));
        if (sent.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return server.fetch(input, init);
      }) as typeof globalThis.fetch;
      const storage = serverStorage('/page-state', {fetch, debounceMs: 10, retryMs: 600_000});
      storage.set('Notes', state(1));
      mock.timers.tick(10);
      await Promise.resolve();
      storage.set('Notes', state(2)); // while the first PUT is on its way
      release();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      mock.timers.tick(10);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      assert.deepEqual(
        sent.map((body) => JSON.parse(body).values.n),
        [1, 2],
      );
    } finally {
      mock.timers.reset();
    }
  });
});

describe('serverStorage against the real session handler', () => {
  it("sends a namespace's lifetime as what is left of it, which the server keeps by its own clock", async () => {
    const {createSessionHandler} = await import('../../src/server/handler.js');
    const {memoryStore} = await import('../../src/server/session-store.js');
    const {accountKey} = await import('../../src/server/identity.js');
    const {serve} = await import('../server/helpers.js');
    const secret = 'a test secret of thirty-two characters';
    const store = memoryStore();
    const {base, close} = await serve(createSessionHandler({secret, store, identify: () => 'ada'}));
    try {
      const adapter = serverStorage(`${base}/page-state`, {debounceMs: 0});
      const written = Date.now();
      adapter.set('Draft', {version: 1, values: {text: 'short-lived'}, expires: written + 2000});
      await adapter.flush();
      const kept = await store.get(accountKey('ada', secret), 'Draft');
      assert.ok(
        kept?.expires && kept.expires > written + 1000 && kept.expires <= Date.now() + 2000,
        `expires ${kept?.expires} for a write at ${written}`,
      );
      assert.deepEqual(
        await adapter.get('Draft'),
        {version: 1, values: {text: 'short-lived'}},
        'the answer carries no server clock',
      );
    } finally {
      await close();
    }
  });
});
