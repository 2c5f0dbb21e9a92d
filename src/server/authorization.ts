import {admission, refusalHold} from './admission.js';
import {cookieValues, sessionCookie} from './cookie.js';
import type {HandlerSettings} from './handler-settings.js';
import {clientAddress, isSecure} from './request.js';
import {serialQueue} from './serial-queue.js';
import type {StoreDeadlines} from './store-deadlines.js';
import {refuse, type Answer, type Incoming} from './transport.js';

/** Whose state a request reads or writes, and what its answer tells the browser of its cookie. */
export interface Session {
  /** The account's store key, else the cookie's session id; undefined: none yet (a write makes one). */
  key: string | undefined;
  signedIn: boolean;
  /** When the request was authorized (ms): a renewed cookie and a namespace's own expiry count from it. */
  now: number;
  /** The headers of an answer about session `id`: an anonymous session's cookie renewed, a
   * signed-in request's anonymous cookie expired (its session is gone), else no cookie. */
  cookieHeaders(id: string | undefined): Record<string, string>;
  /** The Set-Cookie that ends the session cookie (a DELETE of the whole session). */
  endedCookie(): string;
  /** Whether a new anonymous session of `bytes` may start: undefined admits; a refusal is the answer. */
  admitNew(bytes: number): Promise<Answer | undefined>;
}

/**
 * Authorizes requests: the session cookie verified, the account's sign-in (an anonymous
 * session adopted or deleted first), and the admission of new anonymous sessions.
 */
export function authorizer(settings: HandlerSettings, {written}: StoreDeadlines) {
  const {store, cookieName, ttlSeconds, quota, signer, adoptAnonymous, secure, trustProxy, anonymous} = settings;
  const admit = admission(anonymous, store);
  const hold = refusalHold(anonymous.holdRefusedMs ?? 1000);
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
  const admitNew = async (req: Incoming, bytes: number) => {
    const refused = await admit(clientAddress(req, trustProxy), bytes);
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

  return async (req: Incoming, user: {key: string} | undefined): Promise<Session> => {
    const tls = isSecure(req, secure, trustProxy);
    const name = tls ? `__Host-${cookieName}` : cookieName;
    const now = Date.now();
    // Two session cookies in one request (one planted by an attacker) are as good as none.
    const given = cookieValues(req.cookies, name);
    const cookieSession = given.length === 1 ? signer.verify(given[0]!, now) : undefined;
    // Whose state this is: the account's, else the cookie's session.
    if (user && cookieSession) await signIn(cookieSession.id, user.key);
    else if (user) await adopting.idle(user.key);
    return {
      key: user?.key ?? cookieSession?.id,
      signedIn: !!user,
      now,
      cookieHeaders: (id): Record<string, string> => {
        const renewed = user
          ? cookieSession && sessionCookie(name, '', 0, tls)
          : id && sessionCookie(name, signer.sign(id, now), ttlSeconds, tls);
        return renewed ? {'set-cookie': renewed, 'cache-control': 'no-store'} : {'cache-control': 'no-store'};
      },
      endedCookie: () => sessionCookie(name, '', 0, tls),
      admitNew: (bytes) => admitNew(req, bytes),
    };
  };
}
