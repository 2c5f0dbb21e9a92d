import type {StorageAdapter} from '../core/types.js';
import {REPORTS} from './adapter-reports.js';
import {bootIdentity, bootOf} from './bootstrap.js';
import {CORE_LINKS} from './core-links.js';
import type {ServerStorageOptions} from './server-storage-options.js';

type Method = (...args: unknown[]) => unknown;

/**
 * The server storage client of `endpoint` (with `options`), loaded the first time a namespace
 * asks for it: a chunk of its own for bundlers, which a page without server storage never loads
 * (nor the identity client it brings). Server storage is asynchronous anyway: calls made before
 * the client arrived wait for it, in the order made, so a write made at once is sent, and a
 * `clear()` after it. (The production CDN file, one module, has it at once: scripts/one-file.mjs.)
 *
 * @example
 * ```ts
 * const adapter = lazyServer('/page-state', {win: window});
 * ```
 */
export function lazyServer(endpoint: string, options: ServerStorageOptions): StorageAdapter {
  // It takes over what the page's bootstrap holds: it forgets what the page writes over.
  const client = import('./server-client.js').then(({serverClient}) =>
    serverClient(CORE_LINKS, endpoint, options, bootOf(endpoint), bootIdentity()),
  );
  const later =
    (method: 'get' | 'set' | 'remove' | 'subscribe' | typeof REPORTS) =>
    (...args: unknown[]) =>
      client.then((adapter) => (adapter as unknown as Record<typeof method, Method>)[method](...args));
  return {
    // What the page's bootstrap holds hydrates at once (the server answered with the page).
    get: (namespace: string) => bootOf(endpoint)?.get(namespace) ?? later('get')(namespace),
    set: later('set'),
    remove: later('remove'),
    subscribe: later('subscribe'),
    [REPORTS]: later(REPORTS),
  } as unknown as StorageAdapter;
}
