import {createHmac} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import {isSessionId} from './cookie.js';
import {remember} from './bounded-memory.js';
import {StoreUnavailableError} from './session-store.js';

/**
 * What `identify` answers: the signed-in account's id, or `null`/`undefined` for an anonymous request.
 *
 * @example
 * ```ts
 * const identify = (req: IncomingMessage | Request): Identity => (req as {user?: {id: string}}).user?.id;
 * ```
 */
export type Identity = string | number | null | undefined;

const ACCOUNT_KEY = /^a[0-9a-f]{64}$/;

/** Whether `key` names something a store may keep: an anonymous session id or an account key. */
export const isStoreKey = (key: string): boolean => isSessionId(key) || ACCOUNT_KEY.test(key);

const hmac = (secret: string, purpose: string, id: string) =>
  createHmac('sha256', secret).update(`page-state ${purpose}\0${id}`);

/**
 * The store key of account `id`: an HMAC under the secret, so neither keys, folder names nor
 * logs ever hold the id, and any id (10 KiB, `/`, `..`, NUL, emoji) is a safe name.
 */
export const accountKey = (id: string, secret: string): string => `a${hmac(secret, 'account', id).digest('hex')}`;

/**
 * The `page-state-identity` tag of account `id`: stable, opaque, and not the store key (a
 * page that sees its tag learns nothing that names its data). `anonymous` when signed out.
 */
export const identityTag = (id: string, secret: string): string =>
  hmac(secret, 'tag', id).digest('base64url').slice(0, 22);

/** The tag of a request that nobody signed in to. */
export const ANONYMOUS = 'anonymous';

/**
 * The account of a request, from the app's `identify`: its store key and tag, or undefined
 * when anonymous. A throwing or slow `identify` (bounded by `timed`) rejects with a
 * `StoreUnavailableError`, which the handler answers 503, before anything is read or written.
 */
export function accounts(
  identify: (request: IncomingMessage | Request) => Identity | Promise<Identity>,
  secret: string,
  timed: <T>(work: Promise<T>) => Promise<T>,
) {
  // A signed-in browser sends the same id on every request: its HMACs are computed once.
  const known = new Map<string, {key: string; tag: string}>();
  return async (request: IncomingMessage | Request): Promise<{key: string; tag: string} | undefined> => {
    let id: unknown;
    try {
      id = await timed(Promise.resolve(request).then(identify));
    } catch (error) {
      throw new StoreUnavailableError(`identify failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    if (id === null || id === undefined) return undefined;
    if ((typeof id !== 'string' && typeof id !== 'number') || id === '')
      throw new TypeError(
        'page-state: identify must return a non-empty string or number, or null/undefined when nobody is signed in',
      );
    const text = String(id);
    const account = known.get(text) ?? {key: accountKey(text, secret), tag: identityTag(text, secret)};
    return text.length > 256 ? account : remember(known, text, account); // a long id is not worth its memory
  };
}
