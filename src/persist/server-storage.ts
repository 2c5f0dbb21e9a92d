import type {StorageAdapter} from '../core/types.js';
import {CORE_LINKS} from './core-links.js';
import {serverClient} from './server-client.js';
import type {ServerStorageOptions} from './server-storage-options.js';

/**
 * The page-state server session store over HTTP (`GET/PUT/DELETE {endpoint}/{namespace}`,
 * see `page-state/server`). An answer without the handler's `page-state-protocol` header (an
 * app's 404 page, a login redirect) is a failure, never "nothing stored" or a write that landed,
 * reported once (`PS_NO_SESSION_HANDLER`). Writes are debounced, retried with backoff until the server takes
 * them (the newest value is never dropped while the page lives), and flushed with `keepalive`
 * on `pagehide`. Requests go one at a time, in order: a `remove` (a store's `clear()`) drops the
 * namespace's pending write and is sent only once the write already on its way was answered,
 * so nothing sent before it can land after it.
 *
 * @example
 * ```ts
 * const Notes = defineState('Notes', {persist: serverStorage('/page-state'), vars: {draft: stateVar.string()}});
 * ```
 */
export function serverStorage(
  endpoint?: string,
  options?: ServerStorageOptions,
): StorageAdapter & {flush(): Promise<void>} {
  // Apart from the client: the main entry re-exports this module, and esbuild puts what a module
  // imports in the chunks of the entries that import that module, used or not. So only an app
  // that calls serverStorage has the client at once; persist: 'server' loads it (lazy-server.ts).
  return serverClient(CORE_LINKS, endpoint, options);
}
