// Of the modules every page loads, only types: their values come as the first argument (core-links.ts).
import type {ErrorCode} from '../core/errors/errors.js';
import type {StorageAdapter, StoredState} from '../core/types.js';
import {debug, debugging} from '../debug/log.js';
import {DEV} from '../dev.js';
import type {Reporter, Reporting, REPORTS} from './adapter-reports.js';
import type {CoreLinks} from './core-links.js';
import type {ServerStorageOptions} from './server-storage-options.js';
import type {SharedIdentity} from '../runtime/protocol.js';
import {identityOf} from './identity-hub.js';
import {leaveOwing, owedBefore, type Owed, reloaded} from './owed-writes.js';

/**
 * The server storage client behind `serverStorage` (see there): what `persist: 'server'` loads
 * on first use (lazy-server.ts), and what an app importing `serverStorage` by name has at once.
 * `held` is what the page's bootstrap holds for the endpoint (bootstrap.ts): read instead of the
 * server until the page writes over it, or another identity comes; `first` the identity it names.
 * The first argument is what it uses of the code every page loads (`CORE_LINKS`, core-links.ts).
 */
export function serverClient(
  [PageStateError, sharedRuntime, reports, partition, checkServerStorageOptions]: CoreLinks,
  endpoint = '/page-state',
  options: ServerStorageOptions = {},
  held?: Map<string, StoredState>,
  first?: string | null,
): StorageAdapter & {flush(): Promise<void>} {
  const {
    fetch: send = globalThis.fetch.bind(globalThis),
    debounceMs = 300,
    timeoutMs = 10_000,
    retryMs = 1000,
    win,
    ...unknown
  } = options;
  checkServerStorageOptions(unknown);
  const base = endpoint.replace(/\/+$/, '');
  /** What each namespace still owes the server: its newest value, or null for a deletion. */
  const pending: Owed = new Map();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let backoff = 0;
  let flushing = Promise.resolve();
  let identity: SharedIdentity | undefined;
  /** The page's identity (its runtime's, through the protocol, whichever copy made it; made now
   * if none did), followed from the first request: the server answers for another identity after
   * a switch, so what the one before was owed is dropped. */
  const follow = () => {
    const runtime = sharedRuntime();
    // Before a switch, the bootstrap goes (it was the identity leaving's); after it, what was owed.
    if (!identity && runtime)
      (identity = identityOf(runtime, partition, first)).watch(
        (arrived) => ((arrived ? pending : held)?.clear(), sent?.clear()),
      );
    return identity;
  };
  // The page's identity, as its bootstrap names it, followed before anything is asked.
  const who = follow()?.tag ?? null;
  /** What the page before this one in the tab still owed, for this identity (owed-writes.ts); any
   * switch drops it, and each namespace's is taken once. */
  const sent = owedBefore(base, who);
  /** Each namespace's store, to report through (a `page-state-error` where that store lives). */
  const reporters = new Map<string, Reporter>();
  let unmountedTold = false;

  /** An answer that is not page-state's: no session handler answers at the endpoint. Said once
   * (an event, and in development how to mount one), then thrown: a write waits and retries, a
   * read fails, and neither is taken for "nothing stored" or for success. */
  const unmounted = (method: string, namespace: string, status: number, fact: string): never => {
    if (!unmountedTold) {
      unmountedTold = true;
      reporters.get(namespace)?.(
        `PS_NO_SESSION_HANDLER: ${fact}${DEV ? ` without page-state-protocol: no session handler at ${base}; writes wait and are retried` : ''}`,
        {endpoint: base, method, status},
      );
      if (DEV) {
        console.error(
          `page-state PS_NO_SESSION_HANDLER: no session handler answers at ${base}: ${fact} without a page-state-protocol header ` +
            "(an app's 404 page, a static server's or a proxy's HTML, a redirect to a login page). Writes of persist: 'server' stay pending and are retried until it does. Mount it there:\n" +
            `  app.use(createSessionHandler({store: fileStore('./sessions')${base === '/page-state' ? '' : `, basePath: '${base}'`}})); // import {createSessionHandler, fileStore} from 'page-state/server'`,
        );
      }
    }
    // A failed write is logged with its retry (sendPending); a read only here.
    if (DEV && method === 'GET' && debugging('server'))
      debug('server', `${fact}: no session handler (no page-state-protocol header); nothing loaded`);
    throw new PageStateError(
      'PS_NO_SESSION_HANDLER' satisfies typeof ErrorCode.noSessionHandler,
      DEV ? `${fact}, not from a page-state session handler (no page-state-protocol header)` : fact,
    );
  };

  const request = async (method: string, namespace: string, body?: StoredState | null, keepalive?: boolean) => {
    const identity = follow();
    const told = identity?.told;
    // With the session cookie: fetch's default credentials ('same-origin').
    const response = await send(`${base}/${encodeURIComponent(namespace)}`, {
      method,
      keepalive,
      headers: {'content-type': 'application/json'},
      // A lifetime goes as what is left of it, the server's clock decides (`expires: undefined` leaves the JSON).
      body:
        body &&
        JSON.stringify(
          body.expires
            ? {...body, expires: undefined, ttlSeconds: Math.max(1, Math.ceil((body.expires - Date.now()) / 1000))}
            : body,
        ),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Only the session handler says page-state-protocol: not a login page a redirect led to, nor an opaque answer (0).
    const fact = `${method} ${base}/${namespace} answered ${response.status}`;
    if (!response.headers.has('page-state-protocol')) unmounted(method, namespace, response.status, fact);
    if (!response.ok) throw new Error(fact);
    // The server says who is signed in: another identity than the page shows re-hydrates it,
    // unless the page was told the identity since this request left (a sign-out meanwhile).
    const tag = response.headers.get('page-state-identity');
    if (tag && identity && identity.told === told) identity.set(tag === 'anonymous' ? null : tag);
    return response;
  };
  /** Owes the server `data` for `namespace` (null: its deletion), sent after the debounce. */
  const set = (namespace: string, data: StoredState | null) => {
    held?.delete(namespace);
    pending.set(namespace, data);
    if (!backoff) schedule(debounceMs);
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(flush, ms); // (no arguments: not a keepalive flush)
  };
  const sendPending = async (keepalive?: boolean) => {
    let failed = false;
    for (const [namespace, data] of [...pending]) {
      try {
        await request(data ? 'PUT' : 'DELETE', namespace, data, keepalive);
        if (pending.get(namespace) === data) pending.delete(namespace);
      } catch (error) {
        // Offline, 5xx or timed out: keep the newest value (or deletion) and try again later.
        failed = true;
        if (DEV && debugging('server'))
          debug('server', `${data ? 'PUT' : 'DELETE'} ${base}/${namespace} failed (${String(error)})`);
      }
    }
    // A failure backs off; a write made while this one was on its way only waits its debounce.
    backoff = failed ? Math.min(backoff ? backoff * 2 : retryMs, 30_000) : 0;
    if (DEV && failed && debugging('server'))
      debug('server', `retrying in ${backoff} ms`, {pending: [...pending.keys()]});
    if (pending.size) schedule(failed ? backoff : debounceMs);
  };
  // One flush at a time, so an older request can never land after a newer one.
  const flush = (keepalive?: boolean) => (flushing = flushing.then(() => sendPending(keepalive)));
  win?.addEventListener('pagehide', () => {
    clearTimeout(timer);
    // The tab's next page may have been answered before this one left, or its writes may not land.
    leaveOwing(base, identity?.tag, pending);
    void flush(true);
  });

  return {
    // `satisfies`: under a key held in a parameter (no unique symbol to TypeScript), nothing else checks it.
    [reports]: reporters.set.bind(reporters) satisfies Reporting[typeof REPORTS],
    // What the page's bootstrap holds hydrates at once, until the page writes over it; 204: nothing stored.
    get: (namespace) =>
      held?.get(namespace) ??
      request('GET', namespace).then(
        (response) => (response.status === 204 ? undefined : (response.json() as Promise<StoredState>)),
        // Nothing answered for the server (no handler, no network) since a reload: what the page
        // before still owed is shown, and owed again unless this page wrote since. A refusal
        // (5xx, a timeout) may have come after those writes landed, and newer ones from elsewhere.
        (error) => {
          if (!(error instanceof PageStateError || error instanceof TypeError) || !sent?.has(namespace) || !reloaded())
            throw error;
          const owed = sent.get(namespace)!;
          sent.delete(namespace);
          if (!pending.has(namespace)) set(namespace, owed);
          return owed ?? undefined;
        },
      ),
    // What the page before this one still owed, over what the bootstrap holds.
    subscribe(namespace, listener) {
      if (sent?.has(namespace) && held?.has(namespace)) listener(sent.get(namespace) ?? undefined);
      return () => {};
    },
    set,
    // '': the whole session (DELETE {endpoint}/, clearAll): what it was owed goes with it, and
    // so does what its identity keeps in this browser.
    async remove(namespace) {
      held?.[namespace ? 'delete' : 'clear'](namespace);
      if (!namespace) {
        pending.clear();
        identity?.clear?.();
      }
      pending.set(namespace, null);
      await flush();
      if (pending.get(namespace) === null) throw new Error(`DELETE ${base}/${namespace} failed; retrying`);
    },
    flush: () => flush(),
  };
}
