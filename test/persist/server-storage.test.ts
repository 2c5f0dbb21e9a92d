import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import type {StoredState} from '../../src/core/ports.js';
import {serverStorage} from '../../src/persist/server.js';

/** A scripted server: answers each PUT with the next scripted behaviour, then 204 forever. */
function scriptedServer(script: ('500' | 'hang' | 'offline')[]) {
  const stored = new Map<string, StoredState>();
  const attempts: string[] = [];
  let stored204 = () => {};
  let attempted = () => {};
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const namespace = String(input).split('/').pop()!;
    const step = init?.method === 'PUT' ? script.shift() : undefined;
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
    if (step === '500') return new Response(null, {status: 500});
    if (init?.method === 'PUT') {
      stored.set(namespace, JSON.parse(String(init.body)));
      stored204();
    }
    if (init?.method === 'GET') return stored.has(namespace) ? Response.json(stored.get(namespace)) : new Response(null, {status: 404});
    return new Response(null, {status: 204});
  }) as typeof globalThis.fetch;
  const storedOnce = () => new Promise<void>((resolve) => (stored204 = resolve));
  const nextAttempt = () => new Promise<void>((resolve) => (attempted = resolve));
  return {fetch, stored, attempts, storedOnce, nextAttempt};
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

  it('reads 404 as nothing stored and deletes without resending pending writes', async () => {
    const server = scriptedServer([]);
    const storage = serverStorage('/page-state', {fetch: server.fetch, debounceMs: 1000});
    assert.equal(await storage.get('Notes'), undefined);
    storage.set('Notes', state(1));
    await storage.remove('Notes');
    await storage.flush();
    assert.deepEqual(server.attempts, ['GET Notes ok', 'DELETE Notes ok']);
  });
});
