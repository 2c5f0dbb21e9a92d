import type {IncomingMessage} from 'node:http';
import type {Body} from './body.js';

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

/** A request with no body to read: what a page's bootstrap is made for. */
const NO_BODY = (): Body => ({text: ''});

/** A `node:http` (or Express) request as the core sees it, its body read by `body`. */
export function nodeIncoming(
  req: IncomingMessage,
  path: string | undefined,
  body: Incoming['body'] = NO_BODY,
): Incoming {
  const headers = req.headers;
  return {
    method: req.method ?? 'GET',
    path,
    header: (name) => {
      const value = headers[name];
      return typeof value === 'string' ? value : value?.[0];
    },
    cookies: headers.cookie === undefined ? [] : [headers.cookie],
    tls: !!(req.socket as {encrypted?: boolean} | null)?.encrypted,
    body,
    raw: req,
    // A getter: the address is a system call, wanted only by the admission of a new session.
    get address() {
      return req.socket?.remoteAddress;
    },
  };
}

/** A fetch `Request` as the core sees it, its body read by `body`. */
export function fetchIncoming(request: Request, path: string | undefined, body: Incoming['body'] = NO_BODY): Incoming {
  const cookie = request.headers.get('cookie');
  return {
    method: request.method,
    path,
    header: (name) => request.headers.get(name) ?? undefined,
    cookies: cookie ? [cookie] : [],
    tls: request.url.startsWith('https:'),
    body,
    raw: request,
    address: undefined,
  };
}
