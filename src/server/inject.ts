import type {IncomingMessage, OutgoingHttpHeaders} from 'node:http';
import {BOOTSTRAP_ATTRIBUTE, bootstrapped, type Bootstrap} from './bootstrap.js';
import type {Middleware} from './transport.js';

/** Where the bootstrap goes: before the first script (so a classic script in `<head>` finds it
 * too) or, in a head without one, before `</head>`. */
const INSERTION = /<script\b|<\/head\b/i;
/** A bootstrap the answer carries already (the app's template put `handler.bootstrap(req)` in it). */
const CARRIED = new RegExp(`\\s${BOOTSTRAP_ATTRIBUTE}\\s*=`, 'i');

/**
 * Where the bootstrap goes in the HTML so far (`text`: its bytes as latin1, one character per
 * byte): a byte offset; `-1` for nowhere (the answer carries a bootstrap already, or ended with
 * neither a script nor a `</head>`: a fragment, which starts no page); undefined while its
 * insertion point has not come whole.
 */
export function placeIn(text: string, ended: boolean): number | undefined {
  const at = text.search(INSERTION);
  const close = at < 0 ? -1 : text.indexOf('>', at);
  if (close < 0) return ended ? -1 : undefined;
  return CARRIED.test(text.slice(0, close)) ? -1 : at;
}

/** Whether an answer of `status` with these headers to a `method` request is a page to bootstrap. */
const isPage = (method: string | undefined, status: number, type: unknown, encoding: unknown): boolean =>
  method !== 'HEAD' &&
  status >= 200 &&
  status !== 204 &&
  (status < 300 || status >= 400) &&
  /^\s*text\/html\b/i.test(String(type ?? '')) &&
  /^\s*(identity)?\s*$/i.test(String(encoding ?? ''));

/** The headers of a page that carries a session's state: only the browser may keep it (a shared
 * cache would hand it to someone else; a back button must not show it older than the writes
 * made since), and what validated the page as it was on disk no longer describes it. */
function markPrivate(
  get: (name: string) => unknown,
  set: (name: string, value: string) => void,
  drop: (name: string) => void,
) {
  set('cache-control', 'private, no-store');
  const vary = String(get('vary') ?? '');
  if (!/(^|,)\s*(cookie|\*)\s*(,|$)/i.test(vary)) set('vary', vary ? `${vary}, Cookie` : 'Cookie');
  drop('etag');
  drop('last-modified');
}

type Write = (chunk?: unknown, encoding?: unknown, callback?: unknown) => unknown;

/**
 * `handler.inject()`: holds an HTML answer's bytes until its insertion point has passed (and the
 * bootstrap, read meanwhile, is in), puts the bootstrap there, then lets the rest stream on.
 * `writeHead` is held with them, its headers applied through `setHeader`, so they can still change.
 */
export const injectNode =
  (prepare: (req: IncomingMessage) => Promise<Bootstrap>): Middleware =>
  (req, res, next) => {
    const original = {writeHead: res.writeHead, write: res.write, end: res.end};
    let wroteHead = false;
    /** The HTML so far, while held; undefined before the first write. */
    let held: Buffer[] | undefined;
    let ended = false;
    let placing = false;
    const callbacks: (() => void)[] = [];
    let bootstrap: Promise<Bootstrap>;
    const answersPage = () =>
      isPage(req.method, res.statusCode, res.getHeader('content-type'), res.getHeader('content-encoding'));

    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status;
      if (typeof rest[0] === 'string') res.statusMessage = rest.shift() as string;
      const headers = rest[0] as OutgoingHttpHeaders | readonly unknown[] | undefined;
      if (Array.isArray(headers)) {
        const flat = headers.flat() as string[];
        for (let i = 0; i < flat.length; i += 2) res.appendHeader(flat[i]!, flat[i + 1]!);
      } else
        for (const [name, value] of Object.entries(headers ?? {}))
          if (value != null) res.setHeader(name, value as string);
      wroteHead = true;
      // Its headers are final now: an answer that is no page goes at once (events flush them early).
      if (!held && !answersPage()) release();
      return res;
    }) as typeof res.writeHead;

    const release = () => {
      Object.assign(res, original);
      if (wroteHead && !res.headersSent) original.writeHead.call(res, res.statusCode);
    };
    const flush = ({html, cookie}: Bootstrap, at: number) => {
      let body = Buffer.concat(held!);
      const carried = at < 0 ? CARRIED.test(body.toString('latin1')) : bootstrapped.has(req);
      // Headers flushed already (flushHeaders()) can no longer say private: the page goes as it is.
      if (res.headersSent) at = -1;
      else if (html && at >= 0 && !carried) {
        const fragment = Buffer.from(html);
        body = Buffer.concat([body.subarray(0, at), fragment, body.subarray(at)]);
        const length = res.getHeader('content-length');
        if (length !== undefined) res.setHeader('content-length', Number(length) + fragment.length);
        if (cookie) res.appendHeader('set-cookie', cookie);
      }
      if (!res.headersSent && ((html && at >= 0) || carried))
        markPrivate(res.getHeader.bind(res), res.setHeader.bind(res), res.removeHeader.bind(res));
      release();
      const done = () => callbacks.forEach((callback) => callback());
      ((ended ? original.end : original.write) as Write).call(res, body, done);
    };
    const take = (last: boolean, chunk?: unknown, encoding?: unknown, callback?: unknown): unknown => {
      if (typeof chunk === 'function') [chunk, encoding, callback] = [undefined, undefined, chunk];
      else if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
      if (!held) {
        if (!answersPage()) {
          release();
          return ((last ? original.end : original.write) as Write).call(res, chunk, encoding, callback);
        }
        held = [];
        bootstrap = prepare(req);
      }
      if (chunk != null)
        held.push(
          typeof chunk === 'string' ? Buffer.from(chunk, encoding as BufferEncoding) : Buffer.from(chunk as Uint8Array),
        );
      if (typeof callback === 'function') callbacks.push(callback as () => void);
      ended ||= last;
      const at = placing ? undefined : placeIn(Buffer.concat(held).toString('latin1'), ended);
      if (at !== undefined) {
        placing = true;
        // A response that cannot take the page any more (its socket gone) is ended, never left hanging.
        bootstrap.then((made) => flush(made, at)).catch((error: Error) => res.destroy(error));
      }
      return last ? res : true;
    };
    res.write = ((chunk?: unknown, encoding?: unknown, callback?: unknown) =>
      take(false, chunk, encoding, callback)) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) =>
      take(true, chunk, encoding, callback)) as typeof res.end;
    next();
  };

/** `handler.inject(response, request)`: the same for fetch-style runtimes. */
export async function injectFetch(
  prepare: (request: Request) => Promise<Bootstrap>,
  response: Response,
  request: Request,
): Promise<Response> {
  const {status, headers, body} = response;
  if (!body || !isPage(request.method, status, headers.get('content-type'), headers.get('content-encoding')))
    return response;
  const own = bootstrapped.has(request);
  const {html, cookie} = own ? {html: ''} : await prepare(request);
  if (!html && !own) return response;
  const marked = new Headers(headers);
  markPrivate(marked.get.bind(marked), marked.set.bind(marked), marked.delete.bind(marked));
  if (own) return new Response(body, {status, statusText: response.statusText, headers: marked});
  marked.delete('content-length');
  if (cookie) marked.append('set-cookie', cookie);
  const reader = body.getReader();
  let held: Buffer | undefined = Buffer.alloc(0);
  const injected = new ReadableStream<Uint8Array>({
    // Each pull enqueues something (or ends): a pull that enqueues nothing is not called again.
    async pull(controller) {
      for (;;) {
        const {done, value} = await reader.read();
        if (!held) return done ? controller.close() : controller.enqueue(value);
        if (value) held = Buffer.concat([held, value]);
        const at = placeIn(held.toString('latin1'), done);
        if (at === undefined) continue;
        controller.enqueue(at < 0 ? held : Buffer.concat([held.subarray(0, at), Buffer.from(html), held.subarray(at)]));
        held = undefined;
        return done ? controller.close() : undefined;
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(injected, {status, statusText: response.statusText, headers: marked});
}
