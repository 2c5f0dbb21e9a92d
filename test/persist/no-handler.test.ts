// serverStorage against what answers when no session handler is mounted at its endpoint: an
// answer without `page-state-protocol` is never "nothing stored" and never a write that landed.
// (The page-level behaviour, DOM event and console included, is test/e2e/no-handler.e2e.test.ts.)
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {ErrorCode} from '../../src/core/errors/errors.js';
import {serverStorage} from '../../src/persist/server-storage.js';
import {REPORTS, type Reporting} from '../../src/persist/adapter-reports.js';

const state = {version: 1, values: {n: 1}};
/** Not page-state's answers: what a server without the handler sends back. */
const strangers: Record<string, () => Response> = {
  'an app 404 page': () => new Response('<h1>Not found</h1>', {status: 404, headers: {'content-type': 'text/html'}}),
  'a login page a redirect led to': () =>
    new Response('<form>sign in</form>', {status: 200, headers: {'content-type': 'text/html'}}),
  'a proxy 502': () => new Response('<h1>Bad gateway</h1>', {status: 502}),
  'an empty 204 of something else': () => new Response(null, {status: 204}),
};

/** A server answering as `stranger` until `mount()`, then as page-state's handler (keeping PUTs). */
function endpoint(stranger: () => Response) {
  let mounted = false;
  const stored = new Map<string, unknown>();
  const requests: string[] = [];
  let landed = () => {};
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const namespace = String(input).split('/').pop()!;
    requests.push(`${init?.method} ${namespace}`);
    if (!mounted) return stranger();
    const ours = {'page-state-protocol': '1'};
    if (init?.method === 'GET')
      return stored.has(namespace)
        ? Response.json(stored.get(namespace), {headers: ours})
        : new Response(null, {status: 204, headers: ours});
    stored.set(namespace, JSON.parse(String(init?.body)));
    landed();
    return new Response(null, {status: 204, headers: ours});
  }) as typeof globalThis.fetch;
  return {
    fetch,
    stored,
    requests,
    mount: () => (mounted = true),
    landing: () => new Promise<void>((resolve) => (landed = resolve)),
  };
}

describe('serverStorage where no session handler answers', () => {
  for (const [name, stranger] of Object.entries(strangers)) {
    it(`${name}: a read fails (not "nothing stored"), a write waits and lands once the handler is mounted, reported once`, async () => {
      const server = endpoint(stranger);
      const storage = serverStorage('/page-state', {fetch: server.fetch, debounceMs: 0, retryMs: 5});
      const reports: [string, string, unknown][] = [];
      for (const namespace of ['Notes', 'Prefs'])
        (storage as unknown as Reporting)[REPORTS](namespace, (reason, raw) => reports.push([namespace, reason, raw]));
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...data: unknown[]) => void errors.push(data.join(' '));
      try {
        await assert.rejects(Promise.resolve(storage.get('Notes')), (error: {code?: string; message: string}) => {
          assert.equal(error.code, ErrorCode.noSessionHandler);
          assert.match(error.message, /GET \/page-state\/Notes answered \d+/);
          return true;
        });
        await assert.rejects(Promise.resolve(storage.get('Prefs')), {code: ErrorCode.noSessionHandler});
        storage.set('Notes', state);
        storage.set('Prefs', state);
        await storage.flush();
        assert.equal(server.stored.size, 0);
        await storage.flush(); // a retry meets the same answer: still pending, not reported again
        const status = stranger().status;
        assert.deepEqual(
          reports.map(([namespace, , raw]) => [namespace, raw]),
          [['Notes', {endpoint: '/page-state', method: 'GET', status}]],
        );
        assert.match(reports[0]![1], new RegExp(`^PS_NO_SESSION_HANDLER: GET /page-state/Notes answered ${status}`));
        assert.equal(errors.length, 1, 'one console error (the development build)');
        assert.match(String(errors[0]), /PS_NO_SESSION_HANDLER: no session handler answers at \/page-state/);
        assert.match(String(errors[0]), /app\.use\(createSessionHandler\(\{store: fileStore\('\.\/sessions'\)\}\)\)/);
        const landed = server.landing();
        server.mount();
        await landed;
        await storage.flush();
        assert.deepEqual(Object.fromEntries(server.stored), {Notes: state, Prefs: state}, 'nothing was lost');
      } finally {
        console.error = original;
        server.mount(); // a failed assertion must not leave the retries running (the process would not end)
        await storage.flush();
      }
    });
  }

  it('a 204 of the handler is nothing stored; another endpoint says how to mount it at its basePath', async () => {
    const server = endpoint(strangers['an app 404 page']!);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...data: unknown[]) => void errors.push(data.join(' '));
    try {
      const storage = serverStorage('/api/state/', {fetch: server.fetch});
      await assert.rejects(Promise.resolve(storage.get('Notes')), {code: ErrorCode.noSessionHandler});
      assert.match(String(errors[0]), /no session handler answers at \/api\/state: .*basePath: '\/api\/state'/s);
      server.mount();
      assert.equal(await storage.get('Notes'), undefined);
    } finally {
      console.error = original;
    }
  });
});
