import type {Session} from './authorization.js';
import {newSessionId} from './cookie.js';
import type {HandlerSettings} from './handler-settings.js';
import {readStoredState, type Target} from './request.js';
import {isStoreError} from './session-store.js';
import type {StoreDeadlines} from './store-deadlines.js';
import {refuse, type Answer, type Incoming} from './transport.js';

/** Answers an authorized request: GET/HEAD read, PUT writes, DELETE deletes, against the store. */
export function answerer(settings: HandlerSettings, {timed, written}: StoreDeadlines) {
  const {store, ttlSeconds, quota} = settings;

  const read = async (namespace: string, {key, now, cookieHeaders}: Session): Promise<Answer> => {
    const data = key ? await timed(store.get(key, namespace, {ttlSeconds})) : undefined;
    // A session read for a namespace it lacks (or whose own lifetime ended) is still a live
    // session: its cookie slides too. Nothing stored is no error (204): a first visit prints nothing red.
    if (!data || data.expires! <= now) return {status: 204, headers: cookieHeaders(key)};
    return {
      status: 200,
      headers: {...cookieHeaders(key), 'content-type': 'application/json'},
      body: JSON.stringify({version: data.version, values: data.values}),
    };
  };

  const remove = async (namespace: string | null, {key, cookieHeaders, endedCookie}: Session): Promise<Answer> => {
    if (key)
      await written((deadline) =>
        namespace === null ? store.clear(key, {deadline}) : store.delete(key, namespace, {ttlSeconds, deadline}),
      );
    return {status: 204, headers: namespace === null ? {'set-cookie': endedCookie()} : cookieHeaders(key)};
  };

  const write = async (req: Incoming, namespace: string, session: Session): Promise<Answer> => {
    const {key, signedIn, admitNew, cookieHeaders} = session;
    // A request without a session is admitted before its body is read: a flood is refused cheaply.
    const early = key ? undefined : await admitNew(Number(req.header('content-length')) || 0);
    if (early) return early;
    const body = await readStoredState(req, session.now, ttlSeconds);
    if ('status' in body) return body;
    const put = (id: string, existing: boolean) =>
      written((deadline) => store.set(id, namespace, body.stored, {ttlSeconds, quota, deadline, existing}));
    let id = key!;
    try {
      // A cookie's session deleted, adopted or expired is retired: the write starts a new one,
      // admitted like any new session.
      if (!key) await put((id = newSessionId()), false);
      else if ((await put(key, !signedIn)) === 'retired') {
        const refused = await admitNew(body.bytes);
        if (refused) return refused;
        await put((id = newSessionId()), false);
      }
    } catch (error) {
      if (isStoreError(error, 'QuotaError')) return refuse(413, (error as Error).message);
      throw error;
    }
    return {status: 204, headers: cookieHeaders(id)};
  };

  return (req: Incoming, {method, namespace}: Target, session: Session): Promise<Answer> =>
    method === 'GET' || method === 'HEAD'
      ? read(namespace!, session)
      : method === 'DELETE'
        ? remove(namespace, session)
        : write(req, namespace!, session);
}
