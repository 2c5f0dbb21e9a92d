import type {IncomingMessage, ServerResponse} from 'node:http';
import {NAME} from '../core/define.js';
import type {StoredState} from '../core/ports.js';
import {newSession, readCookie, sessionCookie, verifySession} from './cookie.js';
import type {SessionStore} from './store.js';

/**
 * Options of {@link createSessionHandler}.
 *
 * @example
 * ```ts
 * createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store, basePath: '/api/state', ttlSeconds: 7 * 86400, maxBytes: 16384});
 * ```
 */
export interface SessionHandlerOptions {
  /** Signs session cookies. Default `PAGE_STATE_SECRET`, else one kept by the store (file store). */
  secret?: string;
  store: SessionStore;
  /** Matched against the full request path. Default `/page-state` (the client's default). */
  basePath?: string;
  cookieName?: string;
  /** Session lifetime, restarted by every request that uses it. Default 30 days. */
  ttlSeconds?: number;
  /** Largest accepted body. Default 64 KiB. */
  maxBytes?: number;
  /** A store operation slower than this answers 503 instead of hanging. Default 5 s. */
  storeTimeoutMs?: number;
}

/** What the core answers; the Node and fetch forms turn it into their own response. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/**
 * A `(req, res, next?)` listener/middleware that also answers fetch `Request`s.
 *
 * @example
 * ```ts
 * const handler: SessionHandler = createSessionHandler({store: fileStore('.page-state')});
 * app.use(handler);                                   // Express / Connect
 * export default {fetch: (request: Request) => handler.fetch(request)}; // fetch-style runtimes
 * ```
 */
export interface SessionHandler {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  fetch(request: Request): Promise<Response>;
}

const isJson = (type: string | null | undefined) => /^application\/json\s*(;|$)/i.test(type ?? '');
const isStoredState = (value: unknown): value is StoredState =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((k) => k === 'version' || k === 'values') &&
  Number.isSafeInteger((value as StoredState).version) && typeof (value as StoredState).values === 'object' &&
  (value as StoredState).values !== null && !Array.isArray((value as StoredState).values);
const refuse = (status: number, error: string, headers: Record<string, string> = {}): Answer => ({
  status, headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify({error}),
});

/**
 * The server half of `persist: 'server'`: `GET|PUT|DELETE {basePath}/{namespace}` and
 * `DELETE {basePath}/`, with the session in a signed cookie (`<uuid>.<HMAC-SHA256>`,
 * HttpOnly, SameSite=Lax). A bad or forged cookie is treated as no cookie: it never reads,
 * writes or deletes anyone's data.
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
  const {store, basePath = '/page-state', cookieName = 'page_state_sid', ttlSeconds = 30 * 86400, maxBytes = 65536, storeTimeoutMs = 5000} = options;
  let secret = options.secret ?? process.env.PAGE_STATE_SECRET;
  if (!secret && store.secret) {
    secret = store.secret();
    console.warn('page-state: no secret configured, so one was generated and kept by the session store; set PAGE_STATE_SECRET in production.');
  }
  if (!secret) throw new Error('page-state: createSessionHandler needs a secret (option or PAGE_STATE_SECRET) or a store that keeps one');
  const key = secret;
  const base = basePath.replace(/\/+$/, '');
  const timed = <T>(work: Promise<T>) =>
    Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('session store timed out')), storeTimeoutMs).unref?.())]);

  /** Answers a request under `base`; `body` is read only for PUT. */
  async function answer(method: string, rest: string, cookie: string | undefined, type: string | null | undefined, secure: boolean, body: () => Promise<string | undefined>): Promise<Answer> {
    if (!['GET', 'PUT', 'DELETE'].includes(method)) return refuse(405, 'method not allowed', {allow: 'GET, PUT, DELETE'});
    const namespace = rest === '' ? null : safeDecode(rest);
    if (namespace === undefined || (namespace !== null && !NAME.test(namespace))) return refuse(400, 'bad namespace name');
    if (namespace === null && method !== 'DELETE') return refuse(400, 'bad namespace name (only DELETE applies to the whole session)');
    if (method !== 'GET' && !isJson(type)) return refuse(415, 'writes need Content-Type: application/json');
    const cookieValue = readCookie(cookie, cookieName) ?? ''; // only sent back with a session, which needs one
    const session = verifySession(cookieValue, key);
    // Every answer that uses a session slides its cookie's Max-Age.
    const keep = (value: string): Record<string, string> => ({'set-cookie': sessionCookie(cookieName, value, ttlSeconds, secure), 'cache-control': 'no-store'});
    if (method === 'GET') {
      const data = session ? await timed(store.get(session, namespace!)) : undefined;
      if (!data) return {status: 404, headers: {'cache-control': 'no-store'}};
      return {status: 200, headers: {...keep(cookieValue), 'content-type': 'application/json'}, body: JSON.stringify(data)};
    }
    if (method === 'DELETE') {
      if (session) await timed(namespace === null ? store.clear(session) : store.delete(session, namespace));
      const headers = namespace === null ? {'set-cookie': sessionCookie(cookieName, '', 0, secure)} : session ? keep(cookieValue) : {};
      return {status: 204, headers};
    }
    const text = await body();
    if (text === undefined) return refuse(413, `body over ${maxBytes} bytes`, {connection: 'close'});
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return refuse(400, 'body is not JSON');
    }
    if (!isStoredState(data)) return refuse(400, 'body must be {"version": integer, "values": {...}}');
    const fresh = session ? undefined : newSession(key);
    await timed(store.set(session ?? fresh!.id, namespace!, data, ttlSeconds));
    return {status: 204, headers: keep(fresh?.value ?? cookieValue)};
  }

  const route = (path: string) => (path === base || path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined);
  const failed = (error: unknown): Answer => refuse(/timed out/.test(String(error)) ? 503 : 500, 'session store failed');

  const handler = (async (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const rest = route(path);
    if (rest === undefined) {
      if (next) return next();
      res.writeHead(404).end();
      return;
    }
    const secure = !!(req.socket as {encrypted?: boolean}).encrypted || req.headers['x-forwarded-proto'] === 'https';
    const result = await answer(req.method ?? 'GET', rest, req.headers.cookie, req.headers['content-type'], secure, () => readBody(req, maxBytes)).catch(failed);
    res.writeHead(result.status, result.headers).end(result.body);
  }) as SessionHandler;

  handler.fetch = async (request) => {
    const url = new URL(request.url);
    const rest = route(url.pathname);
    if (rest === undefined) return new Response(null, {status: 404});
    const read = async () => {
      const bytes = new Uint8Array(await request.arrayBuffer());
      return bytes.length > maxBytes ? undefined : new TextDecoder().decode(bytes);
    };
    const secure = url.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
    const result = await answer(request.method, rest, request.headers.get('cookie') ?? undefined, request.headers.get('content-type'), secure, read).catch(failed);
    return new Response(result.body ?? null, {status: result.status, headers: result.headers});
  };
  return handler;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The body as text, or undefined past `maxBytes` (reading stops there). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        resolve(undefined);
        req.pause();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
