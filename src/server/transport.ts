import type {IncomingMessage} from 'node:http';
import {readNodeBody, readStreamBody, type Body} from './body.js';
import {fetchIncoming, nodeIncoming, type Incoming} from './incoming.js';
import type {ServerResponse} from 'node:http';

/**
 * Connect/Express middleware: what `handler.inject()` returns.
 *
 * @example
 * ```ts
 * const inject: Middleware = handler.inject();
 * app.use(inject);
 * ```
 */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * A `(req, res, next?)` listener/middleware that also answers fetch `Request`s, and puts the
 * session's state into the pages an app serves (`bootstrap`, `inject`).
 *
 * @example
 * ```ts
 * const handler: SessionHandler = createSessionHandler({store: fileStore('.page-state')});
 * app.use(handler);                                   // Express / Connect
 * app.use(handler.inject());                          // the HTML answers below start with the session's state
 * export default {fetch: async (request: Request) => handler.inject(await handler.fetch(request), request)};
 * ```
 */
export interface SessionHandler {
  (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void>;
  fetch(request: Request): Promise<Response>;
  /**
   * The session's state for a page: a `<script type="application/json">` fragment holding the
   * identity and every namespace the request's session (or signed-in account) holds, as GET
   * answers them (expired ones left out), for the `<head>` of the page. Every stored value is
   * safe to embed: `<`, `>`, `&` and every character past ASCII (U+2028 and U+2029 included)
   * are escaped. Reading it creates no session and slides only what a GET slides; a failure
   * (the store down, `identify` throwing) goes to `onError` and resolves `''`: the page then
   * loads its state as it would without it.
   */
  bootstrap(request: IncomingMessage | Request): Promise<string>;
  /**
   * Middleware that puts the bootstrap into the HTML answers of the routes after it (before the
   * first `<script>`, else before `</head>`), renews the session cookie as a GET would, and
   * marks them `Cache-Control: private, no-store` and `Vary: Cookie`, without their `ETag` and
   * `Last-Modified`. Other answers (JSON, images, 304s, HEAD, compressed bodies) pass untouched,
   * and so do HTML answers that already carry a bootstrap. A streamed answer streams on once its
   * insertion point has passed.
   */
  inject(): Middleware;
  /** The same for fetch-style runtimes: `response` with the bootstrap of `request` put in. */
  inject(response: Response, request: Request): Promise<Response>;
}

export type {Incoming};

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
  /** A request target's path, and what follows the base path in it (undefined: not the handler's). */
  const match = (target: string) => {
    const path = pathOf(target);
    return [path, path === undefined ? undefined : route(path)] as const;
  };
  let relativeTold = false;
  const handler = (async (req, res, next) => {
    let result: Answer;
    let unread = false;
    try {
      // The full request path, as basePath is: Express and Connect cut a mount path
      // (app.use('/page-state', handler)) from req.url and keep the whole one in originalUrl.
      const full = (req as {originalUrl?: string}).originalUrl;
      let [path, rest] = match(full ?? req.url ?? '/');
      if (rest === undefined && full !== undefined && full !== req.url) {
        // A basePath written after the mount path (app.use('/api', …{basePath: '/page-state'})),
        // as page-state once matched it: still answered, and said once how to write it.
        [path, rest] = match(req.url ?? '/');
        if (rest !== undefined && !relativeTold) {
          relativeTold = true;
          console.warn(
            `page-state session handler: ${full} matched basePath only after its mount path (${(req as {baseUrl?: string}).baseUrl}); basePath is matched against the full request path: write the mount path into it.`,
          );
        }
      }
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
      const incoming = nodeIncoming(req, path, reader.body);
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
    const [path, rest] = match(request.url);
    if (path !== undefined && rest === undefined) return new Response(null, {status: 404});
    const reader = tracked(() => readStreamBody(request.body, maxBytes, bodyTimeoutMs));
    const incoming = fetchIncoming(request, path, reader.body);
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
