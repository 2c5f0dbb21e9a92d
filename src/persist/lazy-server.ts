import type {StorageAdapter} from '../core/types.js';
import {REPORTS} from './adapter-reports.js';
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
  const client = import('./server-client.js').then(({serverClient}) => serverClient(endpoint, options));
  const later =
    (method: 'get' | 'set' | 'remove' | typeof REPORTS) =>
    (...args: unknown[]) =>
      client.then((adapter) => (adapter as unknown as Record<typeof method, Method>)[method](...args));
  return {get: later('get'), set: later('set'), remove: later('remove'), [REPORTS]: later(REPORTS)} as StorageAdapter;
}
