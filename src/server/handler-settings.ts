import {sessionSigner} from './cookie.js';
import {badDefinition} from '../core/errors/errors.js';
import {checkHandlerOptions, SECRET_LINE, type SessionHandlerOptions} from './options.js';
import type {Quota} from './quota.js';

const reportToConsole = (error: unknown, request: {method: string; path: string}) =>
  console.error(
    `page-state session handler: ${request.method} ${request.path}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );

/** The secrets that sign cookies: the option, else `PAGE_STATE_SECRET`, else one the store keeps. */
function resolveSecrets(options: SessionHandlerOptions): string[] {
  let configured = options.secret ?? process.env.PAGE_STATE_SECRET;
  if (!configured && options.store.secret) {
    configured = options.store.secret();
    console.warn(
      'page-state: no secret configured, so one was generated and kept by the session store; set PAGE_STATE_SECRET in production.',
    );
  }
  const secrets = typeof configured === 'string' ? [configured] : [...(configured ?? [])];
  // The option itself was checked (options.ts); what is left is PAGE_STATE_SECRET, or nothing.
  if (!secrets.length)
    badDefinition(
      `createSessionHandler needs a secret to sign its cookies (PAGE_STATE_SECRET, or the option), or a store that keeps one (fileStore): ${SECRET_LINE}`,
    );
  if (secrets.some((s) => typeof s !== 'string' || s.length < 32))
    badDefinition(`createSessionHandler: PAGE_STATE_SECRET must be at least 32 characters: ${SECRET_LINE}`);
  return secrets;
}

/**
 * The options of `createSessionHandler` checked, with their defaults, the secrets resolved and
 * the cookie signer made: everything the handler's parts read, fixed when the handler is made.
 */
export function handlerSettings(options: SessionHandlerOptions) {
  checkHandlerOptions(options);
  const {
    store,
    basePath = '/page-state',
    cookieName = 'page_state_sid',
    ttlSeconds = 30 * 86400,
    maxBytes = 65536,
    bodyTimeoutMs = 10_000,
    storeTimeoutMs = 5000,
    secure = 'auto',
    trustProxy = false,
    onError = reportToConsole,
    anonymous = {},
  } = options;
  const quota: Quota = {namespaces: 100, bytes: 1024 * 1024, ...options.quota};
  const secrets = resolveSecrets(options);
  const signer = sessionSigner(secrets, ttlSeconds);
  const {identify, adoptAnonymous = 'none'} = options;
  if (adoptAnonymous === 'missing' && !store.adopt)
    throw new Error(
      "page-state: adoptAnonymous: 'missing' needs a store with adopt() (fileStore, redisStore and memoryStore have it)",
    );
  const {identitySecret = secrets[0]!} = options;
  if (identify && (typeof identitySecret !== 'string' || identitySecret.length < 32))
    throw new Error('page-state: identitySecret must be a string of at least 32 characters');
  return {
    store,
    /** The base path without trailing slashes. */
    base: basePath.replace(/\/+$/, ''),
    cookieName,
    ttlSeconds,
    maxBytes,
    bodyTimeoutMs,
    storeTimeoutMs,
    secure,
    trustProxy,
    onError,
    anonymous,
    quota,
    signer,
    identify,
    identitySecret,
    adoptAnonymous,
  };
}

/** What {@link handlerSettings} makes of the options. */
export type HandlerSettings = ReturnType<typeof handlerSettings>;
