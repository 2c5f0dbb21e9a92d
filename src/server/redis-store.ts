import type {StoredState} from '../core/ports.js';
import type {SessionStore} from './store.js';

/**
 * The commands of a connected client of the official `redis` package that the store uses.
 *
 * @example
 * ```ts
 * const client: RedisClientLike = await createClient({url: process.env.REDIS_URL}).connect();
 * ```
 */
export interface RedisClientLike {
  hGet(key: string, field: string): Promise<string | null | undefined | {}>;
  hDel(key: string, field: string): Promise<unknown>;
  del(key: string): Promise<unknown>;
  multi(): {
    hSet(key: string, field: string, value: string): any;
  };
}

/**
 * Sessions in Redis, for apps on more than one server: one hash per session
 * (`<prefix><session>`, a field per namespace) whose TTL restarts on every write.
 *
 * @example
 * ```ts
 * import {createClient} from 'redis';
 * const client = await createClient({url: process.env.REDIS_URL}).connect();
 * const handler = createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store: redisStore(client)});
 * ```
 */
export function redisStore(client: RedisClientLike, {prefix = 'page-state:'} = {}): SessionStore {
  const key = (session: string) => prefix + session;
  return {
    async get(session, namespace) {
      const text = await client.hGet(key(session), namespace);
      return typeof text === 'string' ? (JSON.parse(text) as StoredState) : undefined;
    },
    async set(session, namespace, data, ttlSeconds) {
      await client.multi().hSet(key(session), namespace, JSON.stringify(data)).expire(key(session), ttlSeconds).exec();
    },
    async delete(session, namespace) {
      await client.hDel(key(session), namespace);
    },
    async clear(session) {
      await client.del(key(session));
    },
  };
}
