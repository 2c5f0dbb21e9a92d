import type {PersistMode} from '../core/schema/define.js';
import type {StorageAdapter} from '../core/types.js';
import {lazyServer} from './lazy-server.js';
import {webStorage} from './web-storage.js';

/**
 * Turns a namespace's `persist` option into an adapter. Server adapters are shared per
 * endpoint, so every namespace's pending writes are flushed together on `pagehide`.
 *
 * @example
 * ```ts
 * const resolve = storageResolver(window);
 * resolve('local', '/page-state');
 * ```
 */
export function storageResolver(win: Window): (mode: Exclude<PersistMode, false>, endpoint: string) => StorageAdapter {
  const servers = new Map<string, StorageAdapter>();
  return (mode, endpoint) => {
    if (typeof mode === 'object') return mode;
    if (mode === 'server') {
      let server = servers.get(endpoint);
      if (!server) servers.set(endpoint, (server = lazyServer(endpoint, {win})));
      return server;
    }
    return webStorage(
      () => win[mode === 'local' ? 'localStorage' : 'sessionStorage'],
      mode === 'local' ? win : undefined,
    );
  };
}
