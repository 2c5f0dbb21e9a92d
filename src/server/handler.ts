import {NAME} from '../core/schema/define.js';
import type {StoredState} from '../core/types.js';
import {tooDeep} from './body.js';
import {cookieValues, newSessionId, sessionCookie, sessionSigner} from './cookie.js';
import {admission, refusalHold} from './admission.js';
import {accounts, ANONYMOUS} from './identity.js';
import {serialQueue} from './serial-queue.js';
import {refuse, transports, type Answer, type Incoming, type SessionHandler} from './transport.js';
import {StoreUnavailableError} from './session-store.js';
import type {Quota} from './quota.js';
import {checkHandlerOptions, type SessionHandlerOptions} from './options.js';

const isJson = (type: string | undefined) => /^application\/json\s*(;|$)/i.test(type ?? '');
/** A PUT body: `{version, values}`, and `ttlSeconds` for a namespace with a lifetime of its own. */
const isStoredState = (value: unknown): value is StoredState & {ttlSeconds?: number} => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const {version, values, ttlSeconds} = value as {version?: unknown; values?: unknown; ttlSeconds?: unknown};
  return (
    Object.keys(value).every((k) => k === 'version' || k === 'values' || k === 'ttlSeconds') &&
    (ttlSeconds === undefined || (Number.isSafeInteger(ttlSeconds) && (ttlSeconds as number) > 0)) &&
    Number.isSafeInteger(version) &&
    typeof values === 'object' &&
    values !== null &&
    !Array.isArray(values)
  );
};
const REFUSALS = {400: 'unreadable body', 408: 'body not received in time', 413: 'body too large'} as const;
const METHODS = 'GET, HEAD, PUT, DELETE';
const ANSWERED = new Set(METHODS.split(', '));
/** How long after a write's deadline its answer waits for the store's verdict (clock skew and the reply's trip). */
const SETTLE_MS = 1000;

/** How a store's errors are told apart, both of them: by name, so that a store built against
 * another copy of page-state (or throwing its own error of that name) is understood too. */
const isNamed = (error: unknown, name: 'QuotaError' | 'StoreUnavailableError') =>
  (error as Error | null | undefined)?.name === name;

/**
 * The server half of `persist: 'server'`: `GET|HEAD|PUT|DELETE {basePath}/{namespace}` and
 * `DELETE {basePath}/`, the session in a signed cookie (`<uuid>.<issued>.<HMAC-SHA256>`,
 * HttpOnly, SameSite=Lax, `__Host-` and Secure on HTTPS). A bad, forged, expired or doubled
 * cookie is treated as no cookie: it never reads, writes or deletes anyone's data. Hostile
 * traffic never takes the process down: every request is answered, within its bounds.
 *
 * @example
 * ```ts
 * import http from 'node:http';
 * import {createSessionHandler, fileStore} from 'page-state/server';
 * const handler = createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store: fileStore('.page-state')});
 * http.createServer(handler).listen(8080);        // or app.use(handler) in Express
 * ```
 */
export function createSessionHandler(options: SessionHandlerOptions): SessionHandler {
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
    onError = (error: unknown, request: {method: string; path: string}) =>
      console.error(
        `page-state session handler: ${request.method} ${request.path}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      ),
  } = options;
  const quota: Quota = {namespaces: 100, bytes: 1024 * 1024, ...options.quota};
  let configured = options.secret ?? process.env.PAGE_STATE_SECRET;
  if (!configured && store.secret) {
    configured = store.secret();
    console.warn(
      'page-state: no secret configured, so one was generated and kept by the session store; set PAGE_STATE_SECRET in production.',
    );
  }
  const secrets = typeof configured === 'string' ? [configured] : [...(configured ?? [])];
  if (!secrets.length)
    throw new Error(
      'page-state: createSessionHandler needs a secret (option or PAGE_STATE_SECRET) or a store that keeps one',
    );
  if (secrets.some((s) => typeof s !== 'string' || s.length < 32))
    throw new Error('page-state: every session secret must be a string of at least 32 characters');
  const signer = sessionSigner(secrets, ttlSeconds);
  const {identify, adoptAnonymous = 'none'} = options;
  if (adoptAnonymous === 'missing' && !store.adopt)
    throw new Error(
      "page-state: adoptAnonymous: 'missing' needs a store with adopt() (fileStore, redisStore and memoryStore have it)",
    );
  const base = basePath.replace(/\/+$/, '');
  /** `work`, or a {@link StoreUnavailableError} after `ms`. */
  const timed = <T>(work: Promise<T>, ms = storeTimeoutMs) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new StoreUnavailableError('session store timed out')), ms)),
    );
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  };
  /** A write past its deadline is refused by the store; the second after it lets the refusal (or
   * a success that just made it) arrive, so an answered error is never a write applied later. */
  const written = <T>(write: (deadline: number) => Promise<T>) =>
    timed(write(Date.now() + storeTimeoutMs), storeTimeoutMs + SETTLE_MS);

  const {identitySecret = secrets[0]!} = options;
  if (identify && (typeof identitySecret !== 'string' || identitySecret.length < 32))
    throw new Error('page-state: identitySecret must be a string of at least 32 characters');
  const account = identify && accounts(identify, identitySecret, timed);

  const admit = admission(options.anonymous ?? {}, store);
  const hold = refusalHold(options.anonymous?.holdRefusedMs ?? 1000);
  /** The client's address: a trusted proxy's first `X-Forwarded-For` (or `Forwarded: for=`), else the connection's. */
  const clientOf = (req: Incoming) => {
    const proxy = trustProxy ? fromProxy(req, 'for') : undefined;
    return proxy?.legacy || proxy?.forwarded || req.address;
  };

  /** Whether answers to `req` are Secure: the connection, else (trusted) the proxy's headers. */
  const isSecure = (req: Incoming) => {
    if (secure !== 'auto') return secure;
    if (req.tls) return true;
    if (!trustProxy) return false;
    const {forwarded, legacy} = fromProxy(req, 'proto');
    return (forwarded ?? legacy)?.toLowerCase() === 'https';
  };

  /** Sign-ins in this process, in order per account: the account's other requests wait for
   * them, so none reads the account before the anonymous session's values are in. */
  const adopting = serialQueue();
  /** A signed-in request that still carries an anonymous session: that session is adopted or
   * deleted (retired either way). */
  const signIn = (session: string, key: string) =>
    adopting(key, () =>
      written((deadline) =>
        adoptAnonymous === 'missing'
          ? store.adopt!(session, key, {ttlSeconds, quota, deadline})
          : store.clear(session, {deadline}),
      ),
    );

  async function answer(req: Incoming, rest: string): Promise<Answer> {
    const user = account ? await account(req.raw) : undefined;
    const answered = await answerAs(req, rest, user);
    answered.headers['page-state-identity'] = user?.tag ?? ANONYMOUS;
    return answered;
  }

  async function answerAs(req: Incoming, rest: string, user: {key: string} | undefined): Promise<Answer> {
    const {method} = req;
    if (!ANSWERED.has(method)) return refuse(405, 'method not allowed', {allow: METHODS});
    const namespace = rest === '' ? null : safeDecode(rest);
    if (namespace === undefined || (namespace !== null && !NAME.test(namespace)))
      return refuse(400, 'bad namespace name');
    if (namespace === null && method !== 'DELETE')
      return refuse(400, 'bad namespace name (only DELETE applies to the whole session)');
    if ((method === 'PUT' || method === 'DELETE') && !isJson(req.header('content-type')))
      return refuse(415, 'writes need Content-Type: application/json');
    const tls = isSecure(req);
    const name = tls ? `__Host-${cookieName}` : cookieName;
    const now = Date.now();
    // Two session cookies in one request (one planted by an attacker) are as good as none.
    const given = cookieValues(req.cookies, name);
    const cookieSession = given.length === 1 ? signer.verify(given[0]!, now) : undefined;
    // Whose state this is: the account's, else the cookie's session (none yet: a write makes one).
    if (user && cookieSession) await signIn(cookieSession.id, user.key);
    else if (user) await adopting.idle(user.key);
    const key = user?.key ?? cookieSession?.id;
    /** What an answer tells the browser of its cookie: an anonymous session's renewed, a signed-in
     * request's anonymous cookie expired (its session is gone), else nothing. */
    const cookie = (id: string | undefined): Record<string, string> => {
      const renewed = user
        ? cookieSession && sessionCookie(name, '', 0, tls)
        : id && sessionCookie(name, signer.sign(id, now), ttlSeconds, tls);
      return renewed ? {'set-cookie': renewed, 'cache-control': 'no-store'} : {'cache-control': 'no-store'};
    };
    if (method === 'GET' || method === 'HEAD') {
      const data = key ? await timed(store.get(key, namespace!, {ttlSeconds})) : undefined;
      // A session read for a namespace it lacks (or whose own lifetime ended) is still a live
      // session: its cookie slides too. Nothing stored is no error (204): a first visit prints nothing red.
      if (!data || data.expires! <= now) return {status: 204, headers: cookie(key)};
      return {
        status: 200,
        headers: {...cookie(key), 'content-type': 'application/json'},
        body: JSON.stringify({version: data.version, values: data.values}),
      };
    }
    if (method === 'DELETE') {
      if (key)
        await written((deadline) =>
          namespace === null ? store.clear(key, {deadline}) : store.delete(key, namespace, {ttlSeconds, deadline}),
        );
      return {status: 204, headers: namespace === null ? {'set-cookie': sessionCookie(name, '', 0, tls)} : cookie(key)};
    }
    /** Whether a new anonymous session may start (`bytes` long); a refusal is the answer. */
    const admitted = async (bytes: number) => {
      const refused = await admit(clientOf(req), bytes);
      if (refused) await hold();
      return (
        refused &&
        refuse(
          refused.status,
          refused.status === 429 ? 'too many new sessions from this client' : 'the session store is full',
          {'retry-after': String(refused.retryAfter)},
        )
      );
    };
    // A request without a session is admitted before its body is read: a flood is refused cheaply.
    const early = key ? undefined : await admitted(Number(req.header('content-length')) || 0);
    if (early) return early;
    const body = await req.body();
    if ('refused' in body) return refuse(body.refused, REFUSALS[body.refused]);
    let data: unknown;
    try {
      data = JSON.parse(body.text);
    } catch {
      return refuse(400, 'body is not JSON');
    }
    if (tooDeep(data)) return refuse(400, 'body is nested too deeply');
    if (!isStoredState(data))
      return refuse(400, 'body must be {"version": integer, "values": {...}} (and "ttlSeconds": a positive integer)');
    // A namespace's own lifetime is kept with it, capped by the session's, by this server's clock.
    const stored: StoredState = data.ttlSeconds
      ? {version: data.version, values: data.values, expires: now + Math.min(data.ttlSeconds, ttlSeconds) * 1000}
      : data;
    const put = (id: string, existing: boolean) =>
      written((deadline) => store.set(id, namespace!, stored, {ttlSeconds, quota, deadline, existing}));
    let id = key!;
    try {
      // A cookie's session deleted, adopted or expired is retired: the write starts a new one,
      // admitted like any new session.
      if (!key) await put((id = newSessionId()), false);
      else if ((await put(key, !user)) === 'retired') {
        const refused = await admitted(Buffer.byteLength(body.text));
        if (refused) return refused;
        await put((id = newSessionId()), false);
      }
    } catch (error) {
      if (isNamed(error, 'QuotaError')) return refuse(413, (error as Error).message);
      throw error;
    }
    return {status: 204, headers: cookie(id)};
  }

  const route = (path: string) =>
    path === base || path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
  /** Answers `req`, whatever happens: a throw becomes a 5xx, reported to onError. */
  const guarded = async (req: Incoming, rest: string): Promise<Answer> => {
    try {
      return await answer(req, rest);
    } catch (error) {
      try {
        onError(error, {method: req.method, path: req.path ?? ''});
      } catch {
        // A failing reporter must not fail the answer.
      }
      return refuse(isNamed(error, 'StoreUnavailableError') ? 503 : 500, 'session store failed');
    }
  };

  return transports({route, guarded, maxBytes, bodyTimeoutMs, onError});
}

/** What a proxy says of the request's `for` or `proto`: the first hop's `Forwarded` parameter,
 * and the first entry of its `X-Forwarded-*` header (which of them wins is the caller's rule). */
function fromProxy(req: Incoming, param: 'for' | 'proto') {
  return {
    forwarded: req
      .header('forwarded')
      ?.split(',')[0]
      ?.match(new RegExp(`(?:^|;)\\s*${param}="?([^";,]+)`, 'i'))?.[1]
      ?.trim(),
    legacy: req.header(`x-forwarded-${param}`)?.split(',')[0]?.trim(),
  };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
