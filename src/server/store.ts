import type {StoredState} from '../core/ports.js';

/**
 * What one session may hold: at most `namespaces` namespaces and `bytes` bytes of stored JSON.
 *
 * @example
 * ```ts
 * createSessionHandler({store, quota: {namespaces: 20, bytes: 256 * 1024}});
 * ```
 */
export interface Quota {
  namespaces: number;
  bytes: number;
}

/**
 * A write refused because the session would pass its {@link Quota}; nothing was stored.
 *
 * @example
 * ```ts
 * try { await store.set(id, 'Notes', data, 3600, quota); } catch (e) { if (e instanceof QuotaError) console.log(e.message); }
 * ```
 */
export class QuotaError extends Error {
  override name = 'QuotaError';
}

/** The error of a session past the `limit` of `quota` (one wording for every store). */
export const quotaError = (limit: keyof Quota, quota: Quota): QuotaError => new QuotaError(`a session holds at most ${quota[limit]} ${limit}`);

/** Throws a {@link QuotaError} when a session of `namespaces` holding `bytes` passes `quota`. */
export function checkQuota(namespaces: number, bytes: number, quota: Quota | undefined): void {
  if (!quota) return;
  if (namespaces > quota.namespaces) throw quotaError('namespaces', quota);
  if (bytes > quota.bytes) throw quotaError('bytes', quota);
}

/** The quota check of a session's namespaces, as JSON texts, with `namespace` set to `text`. */
export function checkTexts(texts: ReadonlyMap<string, string>, namespace: string, text: string, quota: Quota | undefined): void {
  let bytes = Buffer.byteLength(text);
  for (const [name, other] of texts) if (name !== namespace) bytes += Buffer.byteLength(other);
  checkQuota(texts.size + (texts.has(namespace) ? 0 : 1), bytes, quota);
}

/**
 * Where the session handler keeps data: per session, per namespace, with a time to live.
 * Every namespace name that passes the handler's check is stored like any other (`__proto__`
 * and `constructor` included). Implementations: {@link memoryStore}, `fileStore`, `redisStore`.
 *
 * @example
 * ```ts
 * const store: SessionStore = memoryStore();
 * await store.set(sessionId, 'Notes', {version: 1, values: {draft: 'hi'}}, 3600);
 * ```
 */
export interface SessionStore {
  get(session: string, namespace: string): Promise<StoredState | undefined>;
  /** Stores one namespace and (re)starts the session's time to live; rejects with a
   * {@link QuotaError}, changing nothing, when the session would pass `quota`. */
  set(session: string, namespace: string, data: StoredState, ttlSeconds: number, quota?: Quota): Promise<void>;
  delete(session: string, namespace: string): Promise<void>;
  /** Drops the whole session. */
  clear(session: string): Promise<void>;
  /** A secret kept with the store, generated on first use (the file store keeps one). */
  secret?(): string;
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
  const live = (session: string) => {
    const entry = sessions.get(session);
    if (entry && entry.expires <= now()) sessions.delete(session);
    return sessions.get(session);
  };
  return {
    async get(session, namespace) {
      const text = live(session)?.texts.get(namespace);
      return text === undefined ? undefined : (JSON.parse(text) as StoredState);
    },
    async set(session, namespace, data, ttlSeconds, quota) {
      const entry = live(session) ?? {expires: 0, texts: new Map<string, string>()};
      const text = JSON.stringify(data);
      checkTexts(entry.texts, namespace, text, quota);
      entry.texts.set(namespace, text);
      entry.expires = now() + ttlSeconds * 1000;
      sessions.set(session, entry);
    },
    async delete(session, namespace) {
      live(session)?.texts.delete(namespace);
    },
    async clear(session) {
      sessions.delete(session);
    },
  };
}
