import type {StoredState} from '../core/ports.js';
import {quotaError, type SessionStore} from './store.js';

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
  del(key: string): Promise<unknown>;
  eval(script: string, options: {keys: string[]; arguments: string[]}): Promise<unknown>;
}

/** A hash field no namespace can be (':' fails the name rule): the session's byte total. */
const BYTES = ':bytes';

/** Stores a namespace and restarts the TTL, atomically refusing what would pass the quota. The
 * byte total is kept beside the namespaces, so the check costs the same for any session. */
const SET = `
local key, field, value = KEYS[1], ARGV[1], ARGV[2]
local ttl, most, limit = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local exists = redis.call('HEXISTS', key, field) == 1
if not exists and redis.call('HLEN', key) - redis.call('HEXISTS', key, '${BYTES}') >= most then return 'namespaces' end
local total = tonumber(redis.call('HGET', key, '${BYTES}') or '0') + string.len(value) - redis.call('HSTRLEN', key, field)
if total > limit then return 'bytes' end
redis.call('HSET', key, field, value, '${BYTES}', total)
redis.call('EXPIRE', key, ttl)
return 'ok'`;

/** Deletes a namespace and takes its bytes off the total. */
const DELETE = `
local length = redis.call('HSTRLEN', KEYS[1], ARGV[1])
if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then redis.call('HINCRBY', KEYS[1], '${BYTES}', -length) end
return 'ok'`;

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
    async set(session, namespace, data, ttlSeconds, quota) {
      const limits = quota ? [quota.namespaces, quota.bytes] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
      const result = await client.eval(SET, {keys: [key(session)], arguments: [namespace, JSON.stringify(data), String(ttlSeconds), ...limits.map(String)]});
      if (result === 'namespaces' || result === 'bytes') throw quotaError(result, quota!);
    },
    async delete(session, namespace) {
      await client.eval(DELETE, {keys: [key(session)], arguments: [namespace]});
    },
    async clear(session) {
      await client.del(key(session));
    },
  };
}
