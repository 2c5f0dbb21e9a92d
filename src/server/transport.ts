import type {IncomingMessage} from 'node:http';
import {readNodeBody, readStreamBody, type Body} from './body.js';
import type {ServerResponse} from 'node:http';

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

/** A request as the core sees it, whatever the transport. */
export interface Incoming {
  method: string;
  /** The request target's path, undecoded; undefined when the target is not a URL. */
  path: string | undefined;
  header(name: string): string | undefined;
  cookies: string[];
  /** The connection itself is TLS. */
  tls: boolean;
  /** Reads the body (PUT only): never more than maxBytes, never longer than bodyTimeoutMs. */
  body(): Promise<Body> | Body;
  /** The request as the transport gave it, for `identify`. */
  raw: IncomingMessage | Request;
  /** The connection's peer address, when the transport tells it. */
  address: string | undefined;
}

/** What the core answers; the Node and fetch forms turn it into their own response. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/** The header every answer of the handler carries (errors too, not what it passes on): the
 * client tells page-state's answers from an app's 404 page, a proxy's error or a login redirect by it. */
export const PROTOCOL_HEADER = 'page-state-protocol';
/** The wire format's version, the header's value. */
export const PROTOCOL_VERSION = '1';

/** A JSON refusal: `{"error": reason}`. */
export const refuse = (status: number, error: string, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: {'content-type': 'application/json', ...headers},
  body: JSON.stringify({error}),
});

/** Wraps a body reader: `drained` says whether the whole body was read. */
function tracked(read: () => Promise<Body> | Body) {
  const state = {
    drained: false,
    body: async () => {
      const body = await read();
      state.drained = !('refused' in body);
      return body;
    },
  };
  return state;
}

/** The path of a request target: origin-form as is, absolute-form through URL; undefined when neither. */
function pathOf(target: string): string | undefined {
  if (target.startsWith('/')) return target.replace(/[?#].*$/s, '');
  try {
    return new URL(target).pathname;
  } catch {
    return undefined;
  }
}

/** What the transports need of the handler's core. */
interface Core {
  /** The rest of the path after the base path, or undefined when the request is not the handler's. */
  route(path: string): string | undefined;
  /** Answers a request, whatever happens. */
  guarded(req: Incoming, rest: string): Promise<Answer>;
  maxBytes: number;
  bodyTimeoutMs: number;
  onError(error: unknown, request: {method: string; path: string}): void;
}

/**
 * The two forms of one handler: a `node:http` listener and Connect/Express middleware
 * `(req, res, next?)`, and `handler.fetch(request)` for fetch-style runtimes. Each turns its
 * request into an {@link Incoming} and the core's {@link Answer} into its own response.
 */
export function transports({route, guarded, maxBytes, bodyTimeoutMs, onError}: Core): SessionHandler {
  const handler = (async (req, res, next) => {
    let result: Answer;
    let unread = false;
    try {
      const path = pathOf(req.url ?? '/');
      const rest = path === undefined ? undefined : route(path);
      if (path !== undefined && rest === undefined) {
        if (next) return next();
        return void res.writeHead(404).end();
      }
      const headers = req.headers;
      const parsed = (req as {body?: unknown}).body;
      // A framework (express.json()) may have read and parsed the body already: use it.
      const reader = tracked(() =>
        parsed !== undefined && req.readableEnded
          ? {text: typeof parsed === 'string' ? parsed : JSON.stringify(parsed)}
          : readNodeBody(req, maxBytes, bodyTimeoutMs),
      );
      const incoming: Incoming = {
        method: req.method ?? 'GET',
        path,
        header: (name) => {
          const value = headers[name];
          return typeof value === 'string' ? value : value?.[0];
        },
        cookies: headers.cookie === undefined ? [] : [headers.cookie],
        tls: !!(req.socket as {encrypted?: boolean} | null)?.encrypted,
        body: reader.body,
        raw: req,
        // A getter: the address is a system call, wanted only by the admission of a new session.
        get address() {
          return req.socket?.remoteAddress;
        },
      };
      result = rest === undefined ? refuse(400, 'bad request target') : await guarded(incoming, rest);
      // A body sent and left unread (on a GET, past maxBytes, dripping) is not drained: the connection goes.
      unread =
        !req.readableEnded &&
        !reader.drained &&
        (Number(headers['content-length']) > 0 || headers['transfer-encoding'] !== undefined);
    } catch (error) {
      result = refuse(500, 'session handler failed');
      onError(error, {method: req.method ?? '', path: ''});
    }
    if (res.headersSent) return;
    if (unread) result.headers.connection = 'close';
    result.headers[PROTOCOL_HEADER] = PROTOCOL_VERSION;
    res.writeHead(result.status, result.headers).end(req.method === 'HEAD' ? undefined : result.body);
    if (unread) res.once('finish', () => req.destroy());
  }) as SessionHandler;

  handler.fetch = async (request) => {
    let path: string | undefined;
    try {
      path = new URL(request.url).pathname;
    } catch {
      path = undefined;
    }
    const rest = path === undefined ? undefined : route(path);
    if (path !== undefined && rest === undefined) return new Response(null, {status: 404});
    const reader = tracked(() => readStreamBody(request.body, maxBytes, bodyTimeoutMs));
    const incoming: Incoming = {
      method: request.method,
      path,
      header: (name) => request.headers.get(name) ?? undefined,
      cookies: request.headers.get('cookie') ? [request.headers.get('cookie')!] : [],
      tls: request.url.startsWith('https:'),
      body: reader.body,
      raw: request,
      address: undefined,
    };
    const result = rest === undefined ? refuse(400, 'bad request target') : await guarded(incoming, rest);
    // A body left unread is not read on: the runtime may drop it.
    if (request.body && !reader.drained && !request.bodyUsed) void request.body.cancel().catch(() => {});
    result.headers[PROTOCOL_HEADER] = PROTOCOL_VERSION;
    return new Response(request.method === 'HEAD' ? null : (result.body ?? null), {
      status: result.status,
      headers: result.headers,
    });
  };
  return handler;
}
