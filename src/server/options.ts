import {badDefinition} from '../core/errors/errors.js';
import type {IncomingMessage} from 'node:http';
import type {AnonymousLimits} from './admission.js';
import type {Identity} from './identity.js';
import type {SessionStore} from './session-store.js';
import type {Quota} from './quota.js';
import {positive, refuseUnknown, STORE_LINE} from './option-checks.js';

/**
 * Options of {@link createSessionHandler}.
 *
 * @example
 * ```ts
 * createSessionHandler({secret: [process.env.NEW_SECRET!, process.env.OLD_SECRET!], store, trustProxy: true, quota: {namespaces: 20, bytes: 65536}});
 * ```
 */
export interface SessionHandlerOptions {
  /** Signs session cookies: the first signs, every one verifies (rotation). At least 32
   * characters each. Default `PAGE_STATE_SECRET`, else one kept by the store (file store). */
  secret?: string | readonly string[];
  /** Required: where sessions live (`fileStore(dir)`, `redisStore(client)`, `memoryStore()`). */
  store: SessionStore;
  /** Matched against the full request path. Default `/page-state` (the client's default). */
  basePath?: string;
  /** Default `page_state_sid`; `__Host-page_state_sid` on `Secure` answers. */
  cookieName?: string;
  /** Session lifetime, restarted by every answer that uses it. Default 30 days. */
  ttlSeconds?: number;
  /** Largest accepted body. Default 64 KiB. */
  maxBytes?: number;
  /** A body not received within this time answers 408. Default 10 s. */
  bodyTimeoutMs?: number;
  /** What one session may hold. Default 100 namespaces and 1 MiB. */
  quota?: Partial<Quota>;
  /** A read slower than this answers 503 instead of hanging. A write gets this long to take
   * effect (its deadline) and is answered 503 one second after it; it is never applied later. Default 5 s. */
  storeTimeoutMs?: number;
  /** Bounds on new anonymous sessions (a per-client rate, a budget for the whole store). */
  anonymous?: AnonymousLimits;
  /** `Secure` cookies: on TLS requests (`'auto'`, the default), always, or never. */
  secure?: 'auto' | boolean;
  /** Believe `X-Forwarded-Proto` and `Forwarded` from a TLS-terminating proxy. Default false. */
  trustProxy?: boolean;
  /** Every failure (a store error, a timeout) reaches it; cookie values never do. Default: one console.error line. */
  onError?: (error: unknown, request: {method: string; path: string}) => void;
  /**
   * Who is signed in: the account's id (`req.user.id` from Passport, a verified JWT's `sub`),
   * or `null`/`undefined` for an anonymous request. Sync or async; given the `node:http` or
   * Express request, or the `Request` of `handler.fetch`. With an id, state lives
   * under the account (every device that signs in reads it), keyed by an HMAC of the id, which
   * is never stored or logged. One that throws, or takes longer than `storeTimeoutMs`, answers
   * 503 and changes nothing. The identity comes only from here, never from the client.
   */
  identify?: (request: IncomingMessage | Request) => Identity | Promise<Identity>;
  /**
   * What accounts' store keys and `page-state-identity` tags are HMACs under. Default: the first
   * `secret`. Set it (32+ characters) and never change it when you rotate `secret`: under another
   * key every account's state would be somewhere else (and every page would see a new identity,
   * deleting its browser partitions on the switch).
   */
  identitySecret?: string;
  /** A sign-in (a request with an identity that still carries an anonymous session cookie):
   * `'none'` (default) deletes the anonymous session; `'missing'` first moves into the account
   * the namespaces it has no value for. Either way the anonymous cookie expires. */
  adoptAnonymous?: 'none' | 'missing';
}

// The server has no production build: every message here is the long one, with the line to write.

/** Every option of createSessionHandler; a Record so that a new option cannot be forgotten here. */
const HANDLER_OPTIONS: Record<keyof SessionHandlerOptions, true> = {
  secret: true,
  store: true,
  basePath: true,
  cookieName: true,
  ttlSeconds: true,
  maxBytes: true,
  bodyTimeoutMs: true,
  quota: true,
  storeTimeoutMs: true,
  anonymous: true,
  secure: true,
  trustProxy: true,
  onError: true,
  identify: true,
  identitySecret: true,
  adoptAnonymous: true,
};
/** What a store must do, as SessionStore declares it. */
const STORE_METHODS = ['get', 'set', 'delete', 'clear'] as const;

/** The line to write for a secret, and how to make one. */
export const SECRET_LINE = `secret: process.env.PAGE_STATE_SECRET (make one with: node -e "console.log(crypto.randomBytes(32).toString('base64url'))")`;

/**
 * Checks `createSessionHandler`'s options when the handler is created, so that a mistake stops
 * the server at start with the option named and the line to write, instead of a TypeError (or a
 * silently ignored misspelling) later.
 *
 * @example
 * ```ts
 * checkHandlerOptions({store: fileStore('./sessions'), ttlSecond: 60} as never); // throws: did you mean "ttlSeconds"?
 * ```
 */
export function checkHandlerOptions(options: SessionHandlerOptions | undefined): void {
  const where = 'createSessionHandler';
  if (typeof options !== 'object' || options === null) {
    badDefinition(
      `${where} needs its options, a store at least: createSessionHandler({${STORE_LINE}}) (redisStore(client) for several servers, memoryStore() in tests)`,
    );
  }
  refuseUnknown(where, options, Object.keys(HANDLER_OPTIONS));
  const {store} = options;
  if (store === undefined)
    badDefinition(
      `${where}: the store option is required: createSessionHandler({${STORE_LINE}}) (redisStore(client) for several servers, memoryStore() in tests)`,
    );
  const lacking = STORE_METHODS.filter(
    (method) => typeof (store as unknown as Record<string, unknown> | null)?.[method] !== 'function',
  );
  if (lacking.length) {
    badDefinition(
      `${where}: store must be a session store (fileStore, redisStore or memoryStore from page-state/server), but it has no ${lacking.join(', ')}(): ${STORE_LINE}`,
    );
  }
  const {secret} = options;
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secret !== undefined && !Array.isArray(secrets))
    badDefinition(`${where}: secret must be a string or a list of strings: secret: process.env.PAGE_STATE_SECRET`);
  for (const one of secrets ?? []) {
    if (typeof one !== 'string' || one.length < 32) {
      badDefinition(
        `${where}: secret must be at least 32 characters, but one is ${typeof one === 'string' ? `${one.length} long` : `a ${typeof one}`}: ${SECRET_LINE}`,
      );
    }
  }
  positive(where, 'ttlSeconds', options.ttlSeconds, 'ttlSeconds: 30 * 86400 (30 days)');
  positive(where, 'maxBytes', options.maxBytes, 'maxBytes: 64 * 1024');
  positive(where, 'bodyTimeoutMs', options.bodyTimeoutMs, 'bodyTimeoutMs: 10_000');
  positive(where, 'storeTimeoutMs', options.storeTimeoutMs, 'storeTimeoutMs: 5000');
  const {quota, anonymous} = options;
  if (quota !== undefined) {
    if (typeof quota !== 'object' || quota === null)
      badDefinition(`${where}: quota must be an object: quota: {namespaces: 100, bytes: 1024 * 1024}`);
    refuseUnknown(`${where}: quota`, quota, ['namespaces', 'bytes']);
    positive(where, 'quota.namespaces', quota.namespaces, 'quota: {namespaces: 100}', true);
    positive(where, 'quota.bytes', quota.bytes, 'quota: {bytes: 1024 * 1024}', true);
  }
  if (anonymous !== undefined) {
    if (typeof anonymous !== 'object' || anonymous === null)
      badDefinition(`${where}: anonymous must be an object: anonymous: {perClientPerMinute: 60}`);
    refuseUnknown(`${where}: anonymous`, anonymous, ['perClientPerMinute', 'maxSessions', 'maxBytes', 'holdRefusedMs']);
    // 0 is a limit here (no new anonymous session, no hold), so only a negative or non-number is wrong.
    for (const [name, value] of Object.entries(anonymous))
      positive(where, `anonymous.${name}`, value === 0 ? undefined : value, `anonymous: {${name}: 60}`, true);
  }
  const {basePath} = options;
  if (basePath !== undefined && (typeof basePath !== 'string' || !basePath.startsWith('/'))) {
    badDefinition(
      `${where}: basePath must be a path starting with "/", not ${JSON.stringify(basePath)}: basePath: '/page-state'`,
    );
  }
  if (options.secure !== undefined && options.secure !== 'auto' && typeof options.secure !== 'boolean')
    badDefinition(`${where}: secure must be 'auto', true or false: secure: 'auto'`);
  if (
    options.adoptAnonymous !== undefined &&
    options.adoptAnonymous !== 'none' &&
    options.adoptAnonymous !== 'missing'
  ) {
    badDefinition(
      `${where}: adoptAnonymous must be 'none' or 'missing', not ${JSON.stringify(options.adoptAnonymous)}: adoptAnonymous: 'missing'`,
    );
  }
  for (const name of ['identify', 'onError'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function')
      badDefinition(
        `${where}: ${name} must be a function: ${name}: (${name === 'identify' ? 'req) => req.user?.id' : 'error) => log(error)'}`,
      );
  }
}
