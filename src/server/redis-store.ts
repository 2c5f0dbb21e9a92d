import type {StoredState} from '../core/types.js';
import {checkRedisStore} from './option-checks.js';
import {StoreUnavailableError, type SessionStore, type StoreOptions} from './session-store.js';
import {quotaError} from './quota.js';
import {CLEAR, DELETE, GET, GET_ALL, MERGE, SET, SHA1, TAKE, USAGE} from './redis-scripts.js';

/**
 * What the store needs of a client of the official `redis` package (`createClient` or
 * `createCluster`): `eval`, and `isReady` to refuse at once while disconnected.
 *
 * @example
 * ```ts
 * const client: RedisClientLike = await createClient({url: process.env.REDIS_URL, disableOfflineQueue: true}).connect();
 * ```
 */
export interface RedisClientLike {
  eval(script: string, options: ScriptOptions): Promise<unknown>;
  /** Used when present: a script the server already knows is sent as its SHA-1 only. */
  evalSha?(sha1: string, options: ScriptOptions): Promise<unknown>;
  readonly isReady?: boolean;
  /** Used when present: the store's commands go without the client's per-command timer. */
  withCommandOptions?(options: {timeout?: number}): RedisClientLike;
}

/** The keys and arguments of a Lua script call. */
export interface ScriptOptions {
  keys: string[];
  arguments: string[];
}

/** A write's quota as script arguments: namespaces, bytes. */
const limitsOf = ({quota}: StoreOptions) =>
  [quota?.namespaces, quota?.bytes].map((limit) => String(Math.min(limit ?? Infinity, Number.MAX_SAFE_INTEGER)));

/**
 * Sessions in Redis or a Redis Cluster, for apps on more than one server: one hash per session
 * (`<prefix><session>`, a field per namespace), so a session lives on one cluster slot; its TTL
 * restarts on every write and slides on reads. Every operation is one Lua script, so the quota
 * check is atomic, and a write that reaches Redis after its deadline (a queued command, a paused
 * server) is refused there: an answered error is never applied later. While the client is not
 * connected it refuses at once (503) instead of queueing. Its usage, for the handler's budget of
 * new anonymous sessions, is the database's key count and data memory: give page-state a
 * database of its own (in a Cluster, the figures are one master's: set the budget per master).
 *
 * @example
 * ```ts
 * import {createClient} from 'redis';
 * const client = await createClient({url: process.env.REDIS_URL, disableOfflineQueue: true}).connect();
 * const handler = createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store: redisStore(client)});
 * ```
 */
export function redisStore(user: RedisClientLike, options: {prefix?: string} = {}): SessionStore {
  checkRedisStore(user, options);
  const {prefix = 'page-state:'} = options;
  // Every call is already bounded: a write by its deadline, checked in the script, any call by
  // the handler's storeTimeoutMs. The client's own timer (5 s by default in redis 6) only bounds
  // a command's wait to be sent, and costs an AbortSignal and a timer on every request.
  const client = user.withCommandOptions?.({timeout: 0}) ?? user;
  /** EVALSHA, and EVAL where the server (a restarted one, a cluster node) does not know the script yet. */
  const evaluate = async (script: string, call: ScriptOptions) => {
    if (!client.evalSha) return client.eval(script, call);
    try {
      return await client.evalSha(SHA1.get(script)!, call);
    } catch (error) {
      if (!String((error as Error | undefined)?.message).startsWith('NOSCRIPT')) throw error;
      return client.eval(script, call);
    }
  };
  /** A script's answer; every failure to get one is a {@link StoreUnavailableError}. */
  const call = async (script: string, target: ScriptOptions) => {
    if (client.isReady === false) throw new StoreUnavailableError('redis is not connected');
    try {
      return await evaluate(script, target);
    } catch (error) {
      throw new StoreUnavailableError(`redis: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  };
  const run = async (script: string, session: string, options: StoreOptions | undefined, ...rest: string[]) => {
    const result = await call(script, {
      keys: [prefix + session],
      arguments: [String(options?.deadline ?? 0), String(options?.ttlSeconds ?? 0), ...rest],
    });
    if (result === 'late')
      throw new StoreUnavailableError('redis received the write after its deadline; it was not applied');
    return result;
  };
  return {
    async get(session, namespace, options) {
      const text = await run(GET, session, options, namespace);
      return typeof text === 'string' ? (JSON.parse(text) as StoredState) : undefined;
    },
    async all(session, options) {
      const flat = (await run(GET_ALL, session, options)) as string[];
      const found = new Map<string, StoredState>();
      for (let i = 0; i < flat.length; i += 2) found.set(flat[i]!, JSON.parse(flat[i + 1]!) as StoredState);
      return found;
    },
    async set(session, namespace, data, options) {
      const result = await run(
        SET,
        session,
        options,
        namespace,
        JSON.stringify(data),
        ...limitsOf(options),
        options.existing ? '1' : '0',
      );
      if (result === 'namespaces' || result === 'bytes') throw quotaError(result, options.quota!);
      if (result === 'retired') return result;
    },
    async delete(session, namespace, options) {
      await run(DELETE, session, options, namespace);
    },
    async clear(session, options) {
      await run(CLEAR, session, options);
    },
    async adopt(from, to, options) {
      // An account and an anonymous session hash to different cluster slots, so this is two
      // scripts: the take is atomic (one sign-in wins it), the merge then adds what it took.
      const taken = await run(TAKE, from, options);
      if (Array.isArray(taken) && taken.length)
        await run(MERGE, to, options, ...limitsOf(options), ...(taken as string[]));
    },
    async usage() {
      // A script with no key: a Cluster client sends it to one master, whose figures these are.
      const [sessions, bytes] = (await call(USAGE, {keys: [], arguments: []})) as [number, number];
      return {sessions, bytes};
    },
  };
}
