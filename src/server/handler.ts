import {answerer} from './answers.js';
import {authorizer} from './authorization.js';
import {bootstrapped, bootstrapper} from './bootstrap.js';
import {handlerSettings} from './handler-settings.js';
import {accounts, ANONYMOUS} from './identity.js';
import {injectFetch, injectNode} from './inject.js';
import type {SessionHandlerOptions} from './options.js';
import {parseTarget} from './request.js';
import {isStoreError} from './session-store.js';
import {storeDeadlines} from './store-deadlines.js';
import {refuse, transports, type Answer, type Incoming, type SessionHandler} from './transport.js';

/**
 * The server half of `persist: 'server'`: `GET|HEAD|PUT|DELETE {basePath}/{namespace}` and
 * `DELETE {basePath}/`, the session in a signed cookie (`<uuid>.<issued>.<HMAC-SHA256>`,
 * HttpOnly, SameSite=Lax, `__Host-` and Secure on HTTPS). A bad, forged, expired or doubled
 * cookie is treated as no cookie: it never reads, writes or deletes anyone's data. Hostile
 * traffic never takes the process down: every request is answered, within its bounds.
 *
 * @example
 * ```ts
 * import http from 'node:http';
 * import {createSessionHandler, fileStore} from 'page-state/server';
 * const handler = createSessionHandler({secret: process.env.PAGE_STATE_SECRET, store: fileStore('.page-state')});
 * http.createServer(handler).listen(8080);        // or app.use(handler) in Express
 * ```
 */
export function createSessionHandler(options: SessionHandlerOptions): SessionHandler {
  const settings = handlerSettings(options);
  const {base, identify, identitySecret, maxBytes, bodyTimeoutMs, onError} = settings;
  const deadlines = storeDeadlines(settings.storeTimeoutMs);
  const account = identify && accounts(identify, identitySecret, deadlines.timed);
  const authorize = authorizer(settings, deadlines);
  const answerAuthorized = answerer(settings, deadlines);

  /** Who asks (the app's `identify`), what (parsed), as which session (authorized), then the answer. */
  async function answer(req: Incoming, rest: string): Promise<Answer> {
    const user = account ? await account(req.raw) : undefined;
    const target = parseTarget(req, rest);
    const answered = 'status' in target ? target : await answerAuthorized(req, target, await authorize(req, user));
    answered.headers['page-state-identity'] = user?.tag ?? ANONYMOUS;
    return answered;
  }

  const route = (path: string) =>
    path === base || path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
  /** Answers `req`, whatever happens: a throw becomes a 5xx, reported to onError. */
  const guarded = async (req: Incoming, rest: string): Promise<Answer> => {
    try {
      return await answer(req, rest);
    } catch (error) {
      try {
        onError(error, {method: req.method, path: req.path ?? ''});
      } catch {
        // A failing reporter must not fail the answer.
      }
      return refuse(isStoreError(error, 'StoreUnavailableError') ? 503 : 500, 'session store failed');
    }
  };

  const handler = transports({route, guarded, maxBytes, bodyTimeoutMs, onError});
  const prepare = bootstrapper(settings, deadlines, authorize, account);
  handler.bootstrap = async (request) => {
    bootstrapped.add(request);
    return (await prepare(request)).html;
  };
  handler.inject = ((response?: Response, request?: Request) =>
    response ? injectFetch(prepare, response, request!) : injectNode(prepare)) as SessionHandler['inject'];
  return handler;
}
