import {createHmac, randomUUID, timingSafeEqual} from 'node:crypto';
import {remember} from './bounded-memory.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether `id` is a lowercase UUIDv4, the only session id page-state issues. */
export const isSessionId = (id: string): boolean => UUID_V4.test(id);

const mac = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** The cookie value of session `id` issued at `now` (ms): `<uuid>.<issued, base 36 seconds>.<HMAC-SHA256>`. */
export function signSession(id: string, secret: string, now: number): string {
  const payload = `${id}.${Math.floor(now / 1000).toString(36)}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** A new session id. */
export const newSessionId = (): string => randomUUID();

/** Whether a cookie issued at `issued` (seconds) is still valid at `now` (ms): younger than the
 * TTL, and not from the future beyond a minute of clock skew. */
const current = (issued: number, ttlSeconds: number, now: number) => {
  const age = now / 1000 - issued;
  return age < ttlSeconds && age >= -60;
};

/**
 * The session of a cookie value: its id and issue time (seconds). Undefined when malformed,
 * forged, tampered, or issued more than `ttlSeconds` ago. Every secret is tried (rotation), in
 * constant time each.
 */
export function verifySession(
  value: string,
  secrets: readonly string[],
  ttlSeconds: number,
  now: number,
): {id: string; issued: number} | undefined {
  const [id = '', issuedText = '', given = '', extra] = value.split('.');
  if (extra !== undefined || !isSessionId(id) || !/^[0-9a-z]{1,10}$/.test(issuedText)) return undefined;
  const issued = parseInt(issuedText, 36);
  if (!current(issued, ttlSeconds, now)) return undefined;
  const signature = Buffer.from(given);
  const signed = secrets.some((secret) => {
    const expected = Buffer.from(mac(`${id}.${issuedText}`, secret));
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  });
  return signed ? {id, issued} : undefined;
}

/**
 * {@link signSession} and {@link verifySession} for one handler's secrets, remembering recent
 * answers: a browser sends the same cookie on every request, and a busy session is re-signed
 * many times a second, so most requests compute no HMAC at all.
 */
export function sessionSigner(secrets: readonly string[], ttlSeconds: number) {
  const verified = new Map<string, {id: string; issued: number}>();
  const signed = new Map<string, {second: number; value: string}>();
  return {
    verify(value: string, now: number): {id: string} | undefined {
      const known = verified.get(value);
      if (known) return current(known.issued, ttlSeconds, now) ? known : undefined;
      const session = verifySession(value, secrets, ttlSeconds, now);
      return session && remember(verified, value, session);
    },
    sign(id: string, now: number): string {
      const second = Math.floor(now / 1000);
      const known = signed.get(id);
      return known?.second === second
        ? known.value
        : remember(signed, id, {second, value: signSession(id, secrets[0]!, now)}).value;
    },
  };
}

/** Every value of cookie `name` in the request's `Cookie` headers. */
export function cookieValues(headers: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (const header of headers) {
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
    }
  }
  return values;
}

/** A `Set-Cookie` value; `maxAge` 0 expires the cookie. `Path=/` always, so `__Host-` names are valid. */
export const sessionCookie = (name: string, value: string, maxAge: number, secure: boolean): string =>
  `${name}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
