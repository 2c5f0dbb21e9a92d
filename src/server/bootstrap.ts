import type {IncomingMessage} from 'node:http';
import type {StoredState} from '../core/types.js';
import type {Session} from './authorization.js';
import type {HandlerSettings} from './handler-settings.js';
import {fetchIncoming, nodeIncoming, type Incoming} from './incoming.js';
import type {StoreDeadlines} from './store-deadlines.js';

/** A page's bootstrap: its fragment, and the `Set-Cookie` that renews the session, as a GET's
 * answer would (an HTML answer carrying the session's state is a read of it). */
export interface Bootstrap {
  html: string;
  cookie?: string;
}

/** The attribute by which the client finds the bootstrap of its endpoint (the handler's basePath). */
export const BOOTSTRAP_ATTRIBUTE = 'data-page-state';

/** What could end the script element (`</script>`, `<!--`) or depend on the page's encoding: `<`,
 * `>`, `&`, and every code unit past ASCII (U+2028 and U+2029 among them). JSON says each as
 * `\uXXXX`, so the fragment is ASCII and means the same in any page. */
const UNSAFE = /[<>&\u007f-\uffff]/g;
const escaped = (json: string) => json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const attribute = (text: string) => text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Requests whose page the app bootstrapped itself (`handler.bootstrap(req)`): `inject()` leaves their answers' bodies be. */
export const bootstrapped = new WeakSet<object>();

/** Whether `raw` is a fetch `Request` (else a `node:http` or Express request). */
const isFetch = (raw: IncomingMessage | Request): raw is Request => typeof (raw as Request).headers.get === 'function';

/**
 * Makes the bootstrap of a request: the identity and every namespace its session (or account)
 * holds, as GET answers them, expired ones left out, within the handler's store deadline. The
 * request is authorized as a GET is (a sign-in adopts or retires the anonymous session first);
 * nothing is written for a request without a session. A failure is reported to `onError` and
 * makes no bootstrap (`html: ''`): the page then loads its state as it would without one.
 */
export function bootstrapper(
  {store, ttlSeconds, base, onError}: HandlerSettings,
  {timed}: StoreDeadlines,
  authorize: (req: Incoming, user: {key: string} | undefined) => Promise<Session>,
  account: ((request: IncomingMessage | Request) => Promise<{key: string; tag: string} | undefined>) | undefined,
) {
  const open = `<script type="application/json" ${BOOTSTRAP_ATTRIBUTE}="${attribute(base)}">`;
  return async (raw: IncomingMessage | Request): Promise<Bootstrap> => {
    const fetched = isFetch(raw);
    try {
      const user = account ? await account(raw) : undefined;
      const session = await authorize(fetched ? fetchIncoming(raw, undefined) : nodeIncoming(raw, undefined), user);
      // Pairs: the client keeps them in a Map, where no namespace name means anything else.
      const namespaces: [string, StoredState][] = [];
      if (session.key && store.all) {
        for (const [name, {version, values, expires}] of await timed(store.all(session.key, {ttlSeconds})))
          if (!(expires! <= session.now)) namespaces.push([name, {version, values}]);
      }
      // `[identity, [[namespace, {version, values}], …]]`: what bootstrap.ts of the client reads.
      const json = escaped(JSON.stringify([user?.tag ?? null, namespaces]));
      return {html: `${open}${json}</script>`, cookie: session.cookieHeaders(session.key)['set-cookie']};
    } catch (error) {
      try {
        onError(error, {method: 'GET', path: (fetched ? new URL(raw.url).pathname : raw.url) ?? ''});
      } catch {
        // A failing reporter must not fail the page.
      }
      return {html: ''};
    }
  };
}
