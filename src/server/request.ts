import {NAME} from '../core/schema/define.js';
import type {StoredState} from '../core/types.js';
import {tooDeep} from './body.js';
import {refuse, type Answer, type Incoming} from './transport.js';

const METHODS = 'GET, HEAD, PUT, DELETE';
const ANSWERED = new Set(METHODS.split(', '));
const REFUSALS = {400: 'unreadable body', 408: 'body not received in time', 413: 'body too large'} as const;

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

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** What a request asks of the handler: a method it answers, and the namespace (null: the whole session). */
export interface Target {
  method: string;
  namespace: string | null;
}

/** The {@link Target} of `req` (`rest`: its path after the base path), or the refusal that answers it. */
export function parseTarget(req: Incoming, rest: string): Target | Answer {
  const {method} = req;
  if (!ANSWERED.has(method)) return refuse(405, 'method not allowed', {allow: METHODS});
  const namespace = rest === '' ? null : safeDecode(rest);
  if (namespace === undefined || (namespace !== null && !NAME.test(namespace)))
    return refuse(400, 'bad namespace name');
  if (namespace === null && method !== 'DELETE')
    return refuse(400, 'bad namespace name (only DELETE applies to the whole session)');
  if ((method === 'PUT' || method === 'DELETE') && !isJson(req.header('content-type')))
    return refuse(415, 'writes need Content-Type: application/json');
  return {method, namespace};
}

/**
 * A PUT's body as the state to store and its size, or the refusal that answers it. A namespace's
 * own lifetime is kept with it as an expiry, capped by the session's, by this server's clock (`now`).
 */
export async function readStoredState(
  req: Incoming,
  now: number,
  ttlSeconds: number,
): Promise<{stored: StoredState; bytes: number} | Answer> {
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
  const stored: StoredState = data.ttlSeconds
    ? {version: data.version, values: data.values, expires: now + Math.min(data.ttlSeconds, ttlSeconds) * 1000}
    : data;
  return {stored, bytes: Buffer.byteLength(body.text)};
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

/** The client's address: a trusted proxy's first `X-Forwarded-For` (or `Forwarded: for=`), else the connection's. */
export function clientAddress(req: Incoming, trustProxy: boolean): string | undefined {
  const proxy = trustProxy ? fromProxy(req, 'for') : undefined;
  return proxy?.legacy || proxy?.forwarded || req.address;
}

/** Whether answers to `req` are Secure: `secure` if set, else the connection, else (trusted) the proxy's headers. */
export function isSecure(req: Incoming, secure: 'auto' | boolean, trustProxy: boolean): boolean {
  if (secure !== 'auto') return secure;
  if (req.tls) return true;
  if (!trustProxy) return false;
  const {forwarded, legacy} = fromProxy(req, 'proto');
  return (forwarded ?? legacy)?.toLowerCase() === 'https';
}
