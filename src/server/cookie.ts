import {createHmac, randomUUID, timingSafeEqual} from 'node:crypto';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether `id` is a lowercase UUIDv4, the only session id page-state issues. */
export const isSessionId = (id: string): boolean => UUID_V4.test(id);

const signature = (id: string, secret: string) => createHmac('sha256', secret).update(id).digest('base64url');

/** A new session id and its cookie value `<uuid>.<base64url HMAC-SHA256>`. */
export function newSession(secret: string): {id: string; value: string} {
  const id = randomUUID();
  return {id, value: `${id}.${signature(id, secret)}`};
}

/** The session id of a cookie value, or undefined when it is malformed, forged or tampered. */
export function verifySession(value: string | undefined, secret: string): string | undefined {
  const dot = value?.indexOf('.') ?? -1;
  if (!value || dot < 0) return undefined;
  const id = value.slice(0, dot);
  if (!isSessionId(id)) return undefined;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(id, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

/** The value of cookie `name` in a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** A `Set-Cookie` value; `maxAge` 0 expires the cookie. */
export const sessionCookie = (name: string, value: string, maxAge: number, secure: boolean): string =>
  `${name}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
