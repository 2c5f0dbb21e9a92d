import type {StorageAdapter, StoredState} from '../core/types.js';
import {sharedRuntime} from '../runtime/protocol.js';
import {bootIdentity} from './bootstrap.js';
import {partition} from './partition.js';

/** The partition of the identity shown: `tag` (null: anonymous), undefined while no identity was made. */
const shown = (tag: string | null | undefined = bootIdentity()) => partition(tag);

/**
 * `sessionStorage` or `localStorage` behind the {@link StorageAdapter} port, one key per
 * namespace (`page-state:<name>`; `page-state:<identity>:<name>` while someone is signed in, so
 * one user never sees another's drafts in a shared browser). With `win`, changes made in other tabs (`storage` events) and
 * pages restored from the back/forward cache (`pageshow`) are reported to subscribers.
 * Unreadable JSON comes back as the raw text, for the caller to report.
 *
 * @example
 * ```ts
 * const adapter = webStorage(localStorage, window);
 * adapter.set('Settings', {version: 1, values: {theme: 'dark'}});
 * ```
 */
export function webStorage(storage: Storage | (() => Storage), win?: Window): StorageAdapter {
  // A getter: merely touching window.localStorage throws where storage is disabled.
  const area = typeof storage === 'function' ? storage : () => storage;
  // Keyed by the identity of the page's runtime (whichever copy made it), else (none made yet) the
  // one the page's bootstrap names: the runtime's own adapters and an app's alike.
  const keyOf = (namespace: string) => shown(sharedRuntime()?.identity?.tag) + namespace;
  const get = (namespace: string) => {
    const text = area().getItem(keyOf(namespace));
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as StoredState;
    } catch {
      return text as never;
    }
  };
  return {
    get,
    set: (namespace, data) => area().setItem(keyOf(namespace), JSON.stringify(data)),
    remove: (namespace) => area().removeItem(keyOf(namespace)),
    subscribe: win
      ? (namespace, listener) => {
          const onStorage = (event: StorageEvent) => {
            if (event.storageArea === area() && (event.key === keyOf(namespace) || event.key === null))
              listener(get(namespace));
          };
          const onPageShow = (event: PageTransitionEvent) => event.persisted && listener(get(namespace));
          win.addEventListener('storage', onStorage);
          win.addEventListener('pageshow', onPageShow);
          return () => {
            win.removeEventListener('storage', onStorage);
            win.removeEventListener('pageshow', onPageShow);
          };
        }
      : undefined,
  };
}

/**
 * An in-memory {@link StorageAdapter}, for tests and as a stand-in where storage is unavailable.
 *
 * @example
 * ```ts
 * const Draft = defineState('Draft', {persist: memoryStorage(), vars: {text: stateVar.string()}});
 * ```
 */
export function memoryStorage(): StorageAdapter {
  const data = new Map<string, StoredState>();
  return {
    get: (namespace) => data.get(namespace),
    set: (namespace, value) => void data.set(namespace, structuredClone(value)),
    remove: (namespace) => void data.delete(namespace),
  };
}
