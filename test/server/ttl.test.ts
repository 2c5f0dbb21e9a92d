// A user who only reads keeps the session: every answer slides the stored TTL, not only the
// cookie's, in each store (real time: the stores' own clocks and Redis's expiry are what is tested).
import {strict as assert} from 'node:assert';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {createSessionHandler} from '../../src/server/handler.js';
import {cookieOf, json, serve} from './helpers.js';
import {everyStore} from './every-store.js';
import {tempDir} from '../temp-dir.js';

// Cookies carry their issue time in whole seconds, so one can expire up to a second early: 8 s
// leaves room for that and for a loaded machine between the reads (0.75 × TTL apart).
const TTL_SECONDS = 8;
const at = (startedAt: number, seconds: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + seconds * 1000 - Date.now())));

describe('reads slide the stored TTL', () => {
  const {stores, file} = everyStore('ttl');

  // The stored expiry slides lazily (at most once per tenth of the TTL) while every answer renews
  // the cookie: the 20 s case is a read inside that tenth, then one just past the first TTL with
  // the renewed cookie, which must still find the data (the store keeps a tenth of slack).
  const cases = [
    {ttlSeconds: TTL_SECONDS, reads: [0.75, 1.25, 1.5].map((share) => share * TTL_SECONDS)},
    {ttlSeconds: 20, reads: [1.8, 20.3]},
  ];
  it(`GET at 0.75, 1.25 and 1.5 × a ${TTL_SECONDS} s TTL, and at 1.8 s then 20.3 s of a 20 s TTL, still answers 200 (memory, file, redis)`, async () => {
    await Promise.all(
      stores.flatMap(([name, create]) =>
        cases.map(async ({ttlSeconds, reads}) => {
          const {base, close} = await serve(
            createSessionHandler({secret: 'a test secret of thirty-two characters', store: create(), ttlSeconds}),
          );
          try {
            const started = Date.now();
            let cookie = cookieOf(
              await fetch(`${base}/page-state/Notes`, {
                method: 'PUT',
                headers: json,
                body: JSON.stringify({version: 1, values: {n: 1}}),
              }),
            );
            for (const seconds of reads) {
              await at(started, seconds);
              const read = await fetch(`${base}/page-state/Notes`, {headers: {cookie}});
              assert.equal(read.status, 200, `${name} store, TTL ${ttlSeconds} s, read at ${seconds} s`);
              assert.deepEqual(await read.json(), {version: 1, values: {n: 1}});
              cookie = cookieOf(read); // the browser keeps the refreshed cookie
            }
          } finally {
            await close();
          }
        }),
      ),
    );
  });

  it("a namespace's own ttlSeconds: 2 ends while its session lives (memory, file, redis)", async () => {
    await Promise.all(
      stores.map(async ([name, create]) => {
        const {base, close} = await serve(
          createSessionHandler({secret: 'a test secret of thirty-two characters', store: create(), ttlSeconds: 3600}),
        );
        try {
          const started = Date.now();
          const put = (namespace: string, body: object, cookie = '') =>
            fetch(`${base}/page-state/${namespace}`, {
              method: 'PUT',
              headers: {...json, cookie},
              body: JSON.stringify(body),
            });
          const cookie = cookieOf(await put('Draft', {version: 1, values: {text: 'short-lived'}, ttlSeconds: 2}));
          assert.equal((await put('Settings', {version: 1, values: {theme: 'dark'}}, cookie)).status, 204);
          const read = async (namespace: string) =>
            (await fetch(`${base}/page-state/${namespace}`, {headers: {cookie}})).status;
          await at(started, 1);
          assert.deepEqual([await read('Draft'), await read('Settings')], [200, 200], `${name} store at 1 s`);
          await at(started, 2.5);
          assert.deepEqual([await read('Draft'), await read('Settings')], [204, 200], `${name} store at 2.5 s`);
          assert.equal(
            (await put('Draft', {version: 1, values: {}, ttlSeconds: 0}, cookie)).status,
            400,
            'a lifetime is a positive integer',
          );
        } finally {
          await close();
        }
      }),
    );
  });

  it('a burst of reads slides the stored expiry once per tenth of the TTL (file store: one write)', async () => {
    let now = Date.now();
    const dir = tempDir('ttl');
    const store = file(dir, {now: () => now});
    const session = '0b8f4f2e-3c1d-4b6a-9e7f-2a5c8d9e1f30';
    await store.set(session, 'Notes', {version: 1, values: {}}, {ttlSeconds: 1000});
    const written = () => Number(readFileSync(join(dir, session, '.expires'), 'utf8'));
    const first = written();
    now += 50_000; // within a tenth: reads leave the expiry alone
    for (let i = 0; i < 20; i++) await store.get(session, 'Notes', {ttlSeconds: 1000});
    await store.set(session, 'Other', {version: 1, values: {}}, {ttlSeconds: 1000}); // runs after any background slide
    assert.equal(written(), first);
    now += 60_000; // past a tenth: the next read slides it
    await store.get(session, 'Notes', {ttlSeconds: 1000});
    await store.delete(session, 'Other');
    assert.equal(written(), now + 1_100_000); // a full TTL and its tenth of slack
  });
});
