import type {StoredState} from '../core/types.js';
import {countWithinQuota, limits, type Quota} from './quota.js';

/**
 * The store could not answer in time, or could not be reached (Redis down, a full queue): the
 * handler answers 503. A write that fails this way has not been applied and never will be.
 *
 * @example
 * ```ts
 * try { await store.set(id, 'Notes', data, {ttlSeconds: 3600}); } catch (e) { if (e instanceof StoreUnavailableError) retryLater(); }
 * ```
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** How a store's errors are told apart: by name, so that a store built against another copy of
 * page-state (or throwing its own error of that name) is understood too. */
export const isStoreError = (error: unknown, name: 'QuotaError' | 'StoreUnavailableError'): boolean =>
  (error as Error | null | undefined)?.name === name;

/**
 * How one store operation runs. The handler passes all of them; stores honour each.
 *
 * @example
 * ```ts
 * await store.set(id, 'Notes', data, {ttlSeconds: 3600, quota: {namespaces: 20, bytes: 65536}, deadline: Date.now() + 5000});
 * ```
 */
export interface StoreOptions {
  /** The session's time to live in seconds. A write restarts it; a read or a delete slides it
   * too, with at most one store write per session per tenth of it, so reads stay cheap. A
   * stored expiry is never nearer than a full TTL from the last answer (the lazy slide keeps a
   * tenth of slack), so the session outlives the cookie that answer renewed. */
  ttlSeconds?: number;
  /** Writes only: what the session may hold. Past it the write rejects with a {@link QuotaError}, changing nothing. */
  quota?: Quota;
  /** Epoch milliseconds after which a write must not take effect any more: past it the store
   * refuses the write ({@link StoreUnavailableError}) instead of applying it late. The handler
   * answers 503 a second after the deadline, so an answered error is never applied later. */
  deadline?: number;
  /** Writes only: write into the session only if it is live. A session deleted, adopted or
   * expired is retired: the write resolves `'retired'` and changes nothing, and the handler
   * gives the client a new session instead of reviving the old id. */
  existing?: boolean;
}

/** The expiry (ms) a write or a slide stores: a full TTL from `now` and a tenth of slack, so a
 * lazy slide (at most once per tenth) never lets it come nearer than the cookie's own expiry. */
export const expiryFrom = (now: number, ttlSeconds: number): number => now + ttlSeconds * 1100;

/** Whether a stored expiry (ms) is due to slide: it is nearer than a full TTL from `now`. */
export const dueToSlide = (expires: number, now: number, ttlSeconds: number): boolean =>
  expires < now + ttlSeconds * 1000;

/** Throws when a write is past its deadline: it must not be applied any more. */
export function checkDeadline(options: StoreOptions | undefined, now = Date.now()): void {
  if (options?.deadline !== undefined && now > options.deadline)
    throw new StoreUnavailableError('the session store could not apply the write before its deadline');
}

/**
 * Where the session handler keeps data: per session, per namespace, with a time to live.
 * Every namespace name that passes the handler's check is stored like any other (`__proto__`
 * and `constructor` included). Implementations: {@link memoryStore}, `fileStore`, `redisStore`.
 * A custom store must honour {@link StoreOptions}: slide the TTL, check the quota atomically, and
 * never apply a write after its deadline.
 *
 * @example
 * ```ts
 * const store: SessionStore = memoryStore();
 * await store.set(sessionId, 'Notes', {version: 1, values: {draft: 'hi'}}, {ttlSeconds: 3600});
 * ```
 */
export interface SessionStore {
  get(session: string, namespace: string, options?: StoreOptions): Promise<StoredState | undefined>;
  /** Every namespace the session holds, read (and its TTL slid) as `get` reads one: what
   * `handler.bootstrap` puts into a page. A store without it bootstraps the identity only, and
   * the page GETs each namespace as before. */
  all?(session: string, options?: StoreOptions): Promise<Map<string, StoredState>>;
  /** Stores one namespace and (re)starts the session's time to live; `'retired'` when
   * `options.existing` asked for a live session and there is none. */
  set(
    session: string,
    namespace: string,
    data: StoredState,
    options: StoreOptions & {ttlSeconds: number},
  ): Promise<void | 'retired'>;
  delete(session: string, namespace: string, options?: StoreOptions): Promise<void>;
  /** Drops the whole session. */
  clear(session: string, options?: StoreOptions): Promise<void>;
  /** Moves the namespaces of session `from` that session `to` has no value for into `to` (a
   * sign-in adopting an anonymous session), then drops `from`: at most once, however many
   * requests or processes ask at the same time. Needed for `adoptAnonymous: 'missing'`. */
  adopt?(from: string, to: string, options: StoreOptions & {ttlSeconds: number}): Promise<void>;
  /** A secret kept with the store, generated on first use (the file store keeps one). */
  secret?(): string;
  /** How many sessions (and accounts) the store holds, and their bytes, for the handler's
   * budget of anonymous sessions; may lag other processes' writes by a sweep. */
  usage?(): Promise<{sessions: number; bytes: number}>;
}

/**
 * Sessions in memory: for tests and single-process demos (lost on restart).
 *
 * @example
 * ```ts
 * const handler = createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store: memoryStore()});
 * ```
 */
export function memoryStore(now = Date.now): SessionStore {
  const sessions = new Map<string, {expires: number; texts: Map<string, string>}>();
  /** The live session, its expiry slid when `options` carry a TTL. */
  const live = (session: string, options?: StoreOptions) => {
    const entry = sessions.get(session);
    if (entry && entry.expires <= now()) sessions.delete(session);
    else if (entry && options?.ttlSeconds) entry.expires = Math.max(entry.expires, now() + options.ttlSeconds * 1000);
    return sessions.get(session);
  };
  /** Writes `texts` (namespace → JSON) into a session, within `quota`: with `only`, just those
   * the session lacks, leaving out what would pass the quota (adoption); else all or nothing. */
  const write = (
    session: string,
    texts: Iterable<[string, string]>,
    options: StoreOptions & {ttlSeconds: number},
    only = false,
  ) => {
    const entry = live(session) ?? {expires: 0, texts: new Map<string, string>()};
    const sizes = limits(options.quota)
      ? new Map([...entry.texts].map(([name, stored]) => [name, Buffer.byteLength(stored)]))
      : undefined;
    for (const [namespace, text] of texts) {
      if (only && entry.texts.has(namespace)) continue;
      try {
        if (sizes) countWithinQuota(sizes, namespace, Buffer.byteLength(text), options.quota);
      } catch (error) {
        if (only) continue;
        throw error;
      }
      entry.texts.set(namespace, text);
    }
    entry.expires = Math.max(entry.expires, now() + options.ttlSeconds * 1000);
    sessions.set(session, entry);
  };
  return {
    async get(session, namespace, options) {
      const text = live(session, options)?.texts.get(namespace);
      return text === undefined ? undefined : (JSON.parse(text) as StoredState);
    },
    async all(session, options) {
      const texts = live(session, options)?.texts ?? [];
      return new Map([...texts].map(([namespace, text]) => [namespace, JSON.parse(text) as StoredState]));
    },
    async set(session, namespace, data, options) {
      if (options.existing && !live(session)) return 'retired';
      write(session, [[namespace, JSON.stringify(data)]], options);
    },
    async delete(session, namespace, options) {
      live(session, options)?.texts.delete(namespace);
    },
    async clear(session) {
      sessions.delete(session);
    },
    async adopt(from, to, options) {
      const source = live(from);
      sessions.delete(from);
      if (source) write(to, source.texts, options, true);
    },
    async usage() {
      let bytes = 0;
      for (const [session] of sessions)
        for (const text of live(session)?.texts.values() ?? []) bytes += Buffer.byteLength(text);
      return {sessions: sessions.size, bytes};
    },
  };
}
