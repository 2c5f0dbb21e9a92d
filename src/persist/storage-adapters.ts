import type {PersistMode} from '../core/schema/define.js';
import type {StorageAdapter} from '../core/types.js';
import {sessionServer} from './server-storage.js';
import {partitionedStorage} from './web-storage.js';
import type {SharedIdentity} from '../runtime/protocol.js';

/**
 * Turns a namespace's `persist` option into an adapter, made with the page's `identity` (browser
 * storage keys by it, server storage follows the server's word on it). Server adapters are
 * shared per endpoint, so every namespace's pending writes are flushed together on `pagehide`.
 *
 * @example
 * ```ts
 * const resolve = storageResolver(window, identity);
 * resolve('local', '/page-state');
 * ```
 */
export function storageResolver(
  win: Window,
  identity: SharedIdentity,
): (mode: Exclude<PersistMode, false>, endpoint: string) => StorageAdapter {
  const servers = new Map<string, StorageAdapter>();
  return (mode, endpoint) => {
    if (typeof mode === 'object') return mode;
    if (mode === 'server') {
      let server = servers.get(endpoint);
      if (!server) servers.set(endpoint, (server = sessionServer(endpoint, {win}, identity)));
      return server;
    }
    return partitionedStorage(
      () => win[mode === 'local' ? 'localStorage' : 'sessionStorage'],
      mode === 'local' ? win : undefined,
      identity,
    );
  };
}
