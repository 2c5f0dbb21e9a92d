// `page-state/testing`: one test's isolated page-state. Never part of a page's bundle: it is an
// entry of its own, and nothing a production page loads imports it.
import {ContextRoot} from '@lit/context';
import {RUNTIME_KEY, RUNTIME_KEY_OF_PROTOCOL, type SharedRuntime} from '../runtime/protocol.js';
import type {StorageAdapter, StoredState} from '../core/types.js';
import {checkOptions} from '../core/errors/check-options.js';
import {createRuntime} from '../runtime/runtime.js';
import {identityHub} from '../persist/identity-hub.js';
import {partition} from '../persist/partition.js';
import {serverStorage} from '../persist/server-storage.js';
import {webStorage} from '../persist/web-storage.js';
import type {SessionHandler} from '../server/transport.js';
import type {SessionStore} from '../server/session-store.js';
import {memoryHistory, type UrlUpdate} from './history.js';
import {memoryArea} from './storage.js';
import {OPTION_KEYS, type TestRuntime, type TestRuntimeOptions} from './test-runtime.js';

export type {UrlUpdate} from './history.js';
export type {TestRuntime, TestRuntimeOptions} from './test-runtime.js';

const ACTIVE = Symbol.for('page-state.testing.active');
const SECRET = 'page-state/testing: the in-memory server of a test runtime';

/** Who is creating a runtime: Vitest's current test, else the caller's place in the stack. */
function callerName(): string {
  // Vitest's expect, global or not (it keeps it under this symbol), knows the running test.
  type Expect = {getState?(): {currentTestName?: string}};
  const holder = globalThis as {expect?: Expect} & Record<symbol, Expect | undefined>;
  const vitest = (holder.expect ?? holder[Symbol.for('expect-global')])?.getState?.().currentTestName;
  if (vitest) return vitest;
  const frames = new Error().stack?.split('\n').slice(1) ?? [];
  return (
    frames
      .find((frame) => !frame.includes('/testing/') && !frame.includes('node_modules'))
      ?.trim()
      .replace(/^at /, '') ?? 'an earlier test'
  );
}

/**
 * Installs an isolated page-state for one test: a memory URL that records every update (with
 * `back()`/`forward()`), memory browser storage, optionally the real session handler over a
 * memory store, and an identity. Every `stateOf`, `StateController`, `<page-state>` and
 * declarative element created until `dispose()` uses it, and nothing reaches the runner's own
 * `location` or storage. A runtime still installed when the next one is created was not
 * disposed: the next call throws an error naming the test that made it (and disposes it), so a
 * leak fails loudly instead of seeping into later tests.
 *
 * @example
 * ```ts
 * let runtime: TestRuntime;
 * beforeEach(() => (runtime = createTestRuntime({url: '/?f_q=printer'})));
 * afterEach(() => runtime.dispose());
 * it('writes the query into the URL', async () => {
 *   stateOf(Filters).set('q', 'stapler');
 *   await runtime.settled();
 *   expect(runtime.url.searchParams.get('f_q')).toBe('stapler');
 * });
 * ```
 */
export function createTestRuntime(options: TestRuntimeOptions = {}): TestRuntime {
  checkOptions(options, OPTION_KEYS, 'createTestRuntime: ');
  const holder = globalThis as unknown as Record<symbol, unknown>;
  const leaked = holder[ACTIVE] as {name: string; dispose(): void} | undefined;
  if (leaked) {
    leaked.dispose();
    throw new Error(
      `page-state/testing: the test runtime of "${leaked.name}" was never disposed; call runtime.dispose() after each test (afterEach). It is disposed now.`,
    );
  }
  const name = options.name ?? callerName();
  const updates: UrlUpdate[] = [];
  const history = memoryHistory(new URL(options.url ?? '/', 'http://localhost/').href, (update) => {
    updates.push(update);
    options.onUrlUpdate?.(update);
  });
  const json = (items: Record<string, unknown> = {}) =>
    Object.fromEntries(
      Object.entries(items).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
  const local = memoryArea(json(options.storage?.local));
  const session = memoryArea(json(options.storage?.session));

  // The in-memory server: the real handler, loaded on the first request (it needs Node).
  const server = options.server ? {...(options.server === true ? {} : options.server)} : undefined;
  let handler: Promise<SessionHandler> | undefined;
  let serverStore: SessionStore | undefined;
  const requests = new Set<Promise<unknown>>();
  const send = (async (url: string | URL | Request, init?: RequestInit) => {
    handler ??= Promise.all([import('../server/handler.js'), import('../server/session-store.js')]).then(
      ([{createSessionHandler}, {memoryStore}]) =>
        createSessionHandler({...server, secret: SECRET, store: (serverStore ??= memoryStore())}),
    );
    const request = new Request(new URL(String(url), history.port.href()), init);
    // The browser's cookie jar, for the anonymous session the handler issues.
    if (cookie) request.headers.set('cookie', cookie);
    const response = await (await handler).fetch(request);
    const set = response.headers.get('set-cookie')?.split(';')[0];
    if (set) cookie = set.endsWith('=') ? '' : set;
    return response;
  }) as typeof fetch;
  let cookie = '';
  let made = 0;
  const tracked = ((url: string | URL | Request, init?: RequestInit) => {
    made++;
    const request = send(url, init);
    requests.add(request);
    void request.finally(() => requests.delete(request)).catch(() => {});
    return request;
  }) as typeof fetch;
  const servers = new Map<string, StorageAdapter & {flush(): Promise<void>}>();
  const storage: SharedRuntime['storage'] = (mode, endpoint) => {
    if (typeof mode === 'object') return mode;
    if (mode !== 'server') return webStorage(mode === 'local' ? local : session);
    if (!server)
      throw new Error(
        "page-state/testing: a namespace persists to 'server', but the test runtime has no server: createTestRuntime({server: true})",
      );
    let adapter = servers.get(endpoint);
    if (!adapter) servers.set(endpoint, (adapter = serverStorage(endpoint, {fetch: tracked})));
    return adapter;
  };

  const previous = [holder[RUNTIME_KEY_OF_PROTOCOL], holder[RUNTIME_KEY]];
  const {document} = globalThis as {document?: Document};
  const events = document ?? new EventTarget();
  const runtime = createRuntime({
    history: history.port,
    storage, // its adapters key by the runtime's identity, through the protocol
    events,
  });
  // Made at once, over the test's storage (a page's runtime makes its own on first need).
  const identity = (runtime.identity = identityHub(() => [local, session], events, partition));
  // Context requests of <page-state> providers that upgrade late are buffered, as in a page.
  const contexts = document && new ContextRoot();
  contexts?.attach(document!.documentElement);
  holder[RUNTIME_KEY_OF_PROTOCOL] = holder[RUNTIME_KEY] = runtime;
  if (options.identity) identity.set(options.identity);

  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    history.close();
    contexts?.detach(document!.documentElement);
    [holder[RUNTIME_KEY_OF_PROTOCOL], holder[RUNTIME_KEY]] = previous;
    delete holder[ACTIVE];
  };
  holder[ACTIVE] = {name, dispose};

  return {
    get url() {
      return new URL(history.port.href());
    },
    updates,
    localStorage: local,
    sessionStorage: session,
    get serverStore() {
      return serverStore;
    },
    async readServer(namespace, endpoint = '/page-state') {
      const response = await send(`${endpoint}/${encodeURIComponent(namespace)}`);
      return response.status === 200 ? ((await response.json()) as StoredState) : undefined;
    },
    back: history.back,
    forward: history.forward,
    setIdentity: (tag, {keepOnSignOut} = {}) => identity.set(tag, keepOnSignOut),
    async settled() {
      // Until a round finds nothing to wait for: a task (URL flushes and storage saves run at the
      // end of the task that changed state), the URL service's timers, then every server write
      // sent at once and every request answered.
      for (let before = -1; before !== made;) {
        before = made;
        await new Promise((resolve) => setTimeout(resolve));
        if (history.pending()) before = -1;
        await history.timersDone();
        await Promise.all([...servers.values()].map((adapter) => adapter.flush()));
        await Promise.all(requests);
      }
    },
    dispose,
  };
}
