import type {StorageAdapter, StoredState} from '../core/ports.js';
import {debug, debugging} from '../debug/log.js';
import {DEV} from '../dev.js';
import {IDENTITY, type IdentityAware} from './identity.js';
import {checkServerStorageOptions} from './server-options.js';
import type {SharedIdentity} from '../core/protocol.js';

/**
 * Options of {@link serverStorage}.
 *
 * @example
 * ```ts
 * serverStorage('/api/page-state', {debounceMs: 500, timeoutMs: 5000, win: window});
 * ```
 */
export interface ServerStorageOptions {
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Writes of one burst are coalesced into one request per namespace. Default 300 ms. */
  debounceMs?: number;
  /** A request that takes longer fails (and is retried). Default 10 s. */
  timeoutMs?: number;
  /** First retry delay after a failed write; doubles up to 30 s. Default 1 s. */
  retryMs?: number;
  /** Pending writes are sent with `keepalive` when this window hides. */
  win?: Window;
}

/**
 * The page-state server session store over HTTP (`GET/PUT/DELETE {endpoint}/{namespace}`,
 * see `page-state/server`). Writes are debounced, retried with backoff until the server takes
 * them (the newest value is never dropped while the page lives), and flushed with `keepalive`
 * on `pagehide`. Requests go one at a time, in order: a `remove` (a store's `clear()`) drops the
 * namespace's pending write and is sent only once the write already on its way was answered,
 * so nothing sent before it can land after it.
 *
 * @example
 * ```ts
 * const Notes = defineState('Notes', {persist: serverStorage('/page-state'), vars: {draft: stateVar.string()}});
 * ```
 */
export function serverStorage(endpoint = '/page-state', options: ServerStorageOptions = {}): StorageAdapter & {flush(): Promise<void>} {
  const {fetch: send = globalThis.fetch.bind(globalThis), debounceMs = 300, timeoutMs = 10_000, retryMs = 1000, win, ...unknown} = options;
  checkServerStorageOptions(unknown);
  const base = endpoint.replace(/\/+$/, '');
  /** What each namespace still owes the server: its newest value, or null for a deletion. */
  const pending = new Map<string, StoredState | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let backoff = 0;
  let flushing = Promise.resolve();
  let identity: SharedIdentity | undefined;

  const request = async (method: string, namespace: string, body?: StoredState, keepalive = false) => {
    const told = identity?.told;
    const response = await send(`${base}/${encodeURIComponent(namespace)}`, {
      method,
      credentials: 'same-origin',
      keepalive,
      headers: {'content-type': 'application/json'},
      // A namespace's lifetime goes as what is left of it: the server's clock decides when it ends.
      body: body && JSON.stringify(body.expires ? {version: body.version, values: body.values, ttlSeconds: Math.max(1, Math.ceil((body.expires - Date.now()) / 1000))} : body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok && response.status !== 404) throw new Error(`${method} ${base}/${namespace} answered ${response.status}`);
    // The server says who is signed in: another identity than the page shows re-hydrates it,
    // unless the page was told the identity since this request left (a sign-out meanwhile).
    const tag = response.headers.get('page-state-identity');
    if (tag && identity && identity.told === told) identity.set(tag === 'anonymous' ? null : tag);
    return response;
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  };
  const sendPending = async (keepalive: boolean) => {
    let failed = false;
    for (const [namespace, data] of [...pending]) {
      try {
        await request(data ? 'PUT' : 'DELETE', namespace, data ?? undefined, keepalive);
        if (pending.get(namespace) === data) pending.delete(namespace);
      } catch (error) {
        // Offline, 5xx or timed out: keep the newest value (or deletion) and try again later.
        failed = true;
        if (DEV && debugging('server')) debug('server', `${data ? 'PUT' : 'DELETE'} ${base}/${namespace} failed (${String(error)})`);
      }
    }
    // A failure backs off; a write made while this one was on its way only waits its debounce.
    backoff = failed ? Math.min(backoff ? backoff * 2 : retryMs, 30_000) : 0;
    if (DEV && failed && debugging('server')) debug('server', `retrying in ${backoff} ms`, {pending: [...pending.keys()]});
    if (pending.size) schedule(failed ? backoff : debounceMs);
  };
  // One flush at a time, so an older request can never land after a newer one.
  const flush = (keepalive = false) => (flushing = flushing.then(() => sendPending(keepalive)));
  win?.addEventListener('pagehide', () => {
    clearTimeout(timer);
    void flush(true);
  });

  return {
    [IDENTITY](shared: SharedIdentity) {
      identity ??= (shared.watch((arrived) => arrived && pending.clear()), shared); // the server now answers for another identity
    },
    async get(namespace) {
      const response = await request('GET', namespace);
      return response.status === 404 ? undefined : ((await response.json()) as StoredState);
    },
    set(namespace, data) {
      pending.set(namespace, data);
      if (!backoff) schedule(debounceMs);
    },
    async remove(namespace) {
      pending.set(namespace, null);
      await flush();
      if (pending.get(namespace) === null) throw new Error(`DELETE ${base}/${namespace} failed; retrying`);
    },
    flush: () => flush(),
  } as StorageAdapter & IdentityAware & {flush(): Promise<void>};
}
