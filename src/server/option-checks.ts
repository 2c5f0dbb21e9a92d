import {badDefinition} from '../core/errors/errors.js';
import {didYouMean, unknownNames} from '../core/errors/nearest-name.js';

// The server has no production build: every message here is the long one, with the line to write.

/** The line a store's message suggests. */
export const STORE_LINE = "store: fileStore('./sessions')";

/** Throws for the first name of `given` that `known` lacks, with the nearest known name. */
export function refuseUnknown(where: string, given: object, known: readonly string[]): void {
  const [name] = unknownNames(given, known);
  if (name !== undefined)
    badDefinition(`${where}: unknown option "${name}"${didYouMean(name, known)}; its options are ${known.join(', ')}`);
}

/** Throws unless `value` is undefined or a positive number (`Infinity` only where `unbounded`
 * means something: a quota, a rate); `line` is the line to write. */
export function positive(where: string, name: string, value: unknown, line: string, unbounded = false): void {
  if (value !== undefined && !(typeof value === 'number' && value > 0 && (unbounded || Number.isFinite(value)))) {
    badDefinition(
      `${where}: ${name} must be a positive number, not ${typeof value === 'number' ? value : (JSON.stringify(value) ?? typeof value)}; for example ${line}`,
    );
  }
}

/**
 * Checks `fileStore(dir, options)`: a folder, and only options it knows.
 *
 * @example
 * ```ts
 * checkFileStore('./sessions', {sweepEvery: 1000}); // throws: did you mean "sweepEveryMs"?
 * ```
 */
export function checkFileStore(dir: unknown, options: object): void {
  if (typeof dir !== 'string' || !dir)
    badDefinition(
      `fileStore needs the folder to keep sessions in, not ${JSON.stringify(dir) ?? typeof dir}: ${STORE_LINE}`,
    );
  refuseUnknown('fileStore', options, ['sweepEveryMs', 'now', 'onError']);
  positive('fileStore', 'sweepEveryMs', (options as {sweepEveryMs?: unknown}).sweepEveryMs, 'sweepEveryMs: 600_000');
}

/**
 * Checks `redisStore(client, options)`: a client that runs scripts, and only options it knows.
 *
 * @example
 * ```ts
 * checkRedisStore(client, {prefx: 'app:'}); // throws: did you mean "prefix"?
 * ```
 */
export function checkRedisStore(client: unknown, options: object): void {
  if (typeof (client as {eval?: unknown} | null)?.eval !== 'function') {
    badDefinition(
      'redisStore needs a node-redis client (one with eval()): store: redisStore(await createClient({url: process.env.REDIS_URL}).connect())',
    );
  }
  refuseUnknown('redisStore', options, ['prefix']);
}
