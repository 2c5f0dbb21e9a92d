import type {StoredState} from '../core/ports.js';

/**
 * Where the session handler keeps data: per session, per namespace, with a time to live.
 * Implementations: {@link memoryStore}, `fileStore`, `redisStore`.
 *
 * @example
 * ```ts
 * const store: SessionStore = memoryStore();
 * await store.set(sessionId, 'Notes', {version: 1, values: {draft: 'hi'}}, 3600);
 * ```
 */
export interface SessionStore {
  get(session: string, namespace: string): Promise<StoredState | undefined>;
  /** Stores one namespace and (re)starts the session's time to live. */
  set(session: string, namespace: string, data: StoredState, ttlSeconds: number): Promise<void>;
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
 * const handler = createSessionHandler({secret: 'dev only', store: memoryStore()});
 * ```
 */
export function memoryStore(now = Date.now): SessionStore {
  const sessions = new Map<string, {expires: number; data: Record<string, StoredState>}>();
  const live = (session: string) => {
    const entry = sessions.get(session);
    if (entry && entry.expires <= now()) sessions.delete(session);
    return sessions.get(session);
  };
  return {
    get: async (session, namespace) => structuredClone(live(session)?.data[namespace]),
    async set(session, namespace, data, ttlSeconds) {
      const entry = live(session) ?? {expires: 0, data: {}};
      entry.data[namespace] = structuredClone(data);
      entry.expires = now() + ttlSeconds * 1000;
      sessions.set(session, entry);
    },
    async delete(session, namespace) {
      delete live(session)?.data[namespace];
    },
    async clear(session) {
      sessions.delete(session);
    },
  };
}
