import {remember} from './bounded-memory.js';
import type {SessionStore} from './session-store.js';

/**
 * Bounds on new anonymous sessions, so that a flood of cookieless writes cannot fill the store.
 * Existing sessions and signed-in accounts are never refused by them.
 *
 * @example
 * ```ts
 * createSessionHandler({store, anonymous: {perClientPerMinute: 30, maxSessions: 50_000, maxBytes: 2 ** 30}});
 * ```
 */
export interface AnonymousLimits {
  /** New anonymous sessions one client address may start per minute; past it 429 with
   * `Retry-After`. The address is the connection's, or with `trustProxy` the first
   * `X-Forwarded-For` (or `Forwarded: for=`) entry. Default 60. */
  perClientPerMinute?: number;
  /** Sessions the whole store may hold (all processes), and the bytes they may hold; past either
   * a new anonymous session is refused with 503 and `Retry-After`. Counted by the store's
   * `usage()` (memory, file and Redis stores; Redis counts every key of its database and the
   * memory of its data); a store without it is bounded by its own means. Defaults 100,000
   * sessions and 1 GiB. */
  maxSessions?: number;
  maxBytes?: number;
  /** How long a refused request (429 or 503) waits for its answer, unread; at most 256 wait at
   * a time, past them refusals are answered at once. A flooder waiting on its answers then sends
   * one request per connection per hold instead of as many as the server can refuse, which
   * leaves the server's time to its users; a refused client retries after `Retry-After` anyway.
   * Default 1000; 0 answers at once (what a platform that bills each request by its duration
   * wants: there a held refusal costs money and spares no shared server). */
  holdRefusedMs?: number;
}

/** Refused requests held at the same time, at most: a flooder opening ever more connections
 * ties up no more than these sockets (and the unread bodies in their buffers). */
const MOST_HELD = 256;

/**
 * Waits `ms` before a refusal is answered, while fewer than `most` are waiting; else at once.
 *
 * @example
 * ```ts
 * const hold = refusalHold(1000);
 * await hold(); // then answer 429
 * ```
 */
export function refusalHold(
  ms: number,
  most = MOST_HELD,
  wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      (timer as {unref?(): void}).unref?.(); // a held request does not keep a closing process alive
    }),
) {
  let held = 0;
  return async (): Promise<void> => {
    if (ms <= 0 || held >= most) return;
    held++;
    try {
      await wait(ms);
    } finally {
      held--;
    }
  };
}

/** How often the store's usage is read while new sessions are being admitted. */
const READ_EVERY_MS = 2000;

/**
 * Admits new anonymous sessions within `limits`: a token bucket per client address, and the
 * store's usage (read at most every two seconds) plus what this process admitted since. A
 * refusal is why and how many seconds to wait; undefined admits, and counts the session now, so
 * concurrent requests cannot all pass one reading.
 */
export function admission(limits: AnonymousLimits, store: SessionStore) {
  const {perClientPerMinute = 60, maxSessions = 100_000, maxBytes = 2 ** 30} = limits;
  const buckets = new Map<string, {tokens: number; at: number}>();
  let reading: {sessions: number; bytes: number; at: number} | undefined;
  let since = {sessions: 0, bytes: 0};
  let pending: Promise<unknown> | undefined;

  const read = async (now: number) => {
    if (!store.usage || (reading && now - reading.at < READ_EVERY_MS)) return;
    pending ??= store
      .usage()
      .then((usage) => {
        reading = {...usage, at: Date.now()};
        since = {sessions: 0, bytes: 0};
      })
      .finally(() => (pending = undefined));
    await pending;
  };

  /** `client` undefined: an address nobody knows (a fetch runtime without `trustProxy`), only the store's budget applies. */
  return async (
    client: string | undefined,
    bytes: number,
    now = Date.now(),
  ): Promise<{status: 429 | 503; retryAfter: number} | undefined> => {
    const bucket = client === undefined ? undefined : (buckets.get(client) ?? {tokens: perClientPerMinute, at: now});
    if (bucket) {
      bucket.tokens = Math.min(perClientPerMinute, bucket.tokens + ((now - bucket.at) / 60_000) * perClientPerMinute);
      bucket.at = now;
      remember(buckets, client!, bucket);
      if (bucket.tokens < 1)
        return {status: 429, retryAfter: Math.ceil(((1 - bucket.tokens) * 60) / perClientPerMinute)};
    }
    await read(now);
    if (
      reading &&
      (reading.sessions + since.sessions >= maxSessions || reading.bytes + since.bytes + bytes > maxBytes)
    ) {
      return {status: 503, retryAfter: 60}; // sessions expire or are swept: nothing frees room sooner
    }
    if (bucket) bucket.tokens--;
    since.sessions++;
    since.bytes += bytes;
    return undefined;
  };
}
