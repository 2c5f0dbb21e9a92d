import {debug, debugging} from '../debug/log.js';
import {DEV} from '../dev.js';
import type {SharedIdentity, SharedRuntime} from '../runtime/protocol.js';
import {partition} from './web-storage.js';

/** Where the browser remembers the identity it last saw (no namespace name holds a `/`). */
const LAST = 'page-state/identity';

/**
 * The identity of `runtime`, made on first need (`setIdentity`, the server client), over the
 * page's storage and announced on `document`. Loaded with the server client, or by `setIdentity`:
 * a page that needs neither never loads it.
 */
export const identityOf = (runtime: SharedRuntime): SharedIdentity =>
  (runtime.identity ??= identityHub(() => [localStorage, sessionStorage], document));

/**
 * The page's identity. It starts anonymous; the identity this browser last saw is remembered
 * (`localStorage`), so a sign-out or a switch made by a full navigation is seen once the page
 * learns the new one: the signed-out identity's partitions are deleted then, unless kept. Every
 * switch is announced on `events` (`page-state-identity`).
 */
export function identityHub(storages: () => [local: Storage, session: Storage], events: EventTarget): SharedIdentity {
  const listeners = new Set<(arrived: boolean) => void>();
  let tag: string | null = null;
  let known = false;
  let told = 0;
  return {
    get tag() {
      return tag;
    },
    get told() {
      return told;
    },
    set(next, keepOnSignOut = false) {
      if (known && next === tag) return; // every answer of the server says it again
      told++;
      try {
        const areas = storages();
        const previous = known ? tag : areas[0].getItem(LAST);
        if (next === null) areas[0].removeItem(LAST);
        else areas[0].setItem(LAST, next);
        if (previous !== null && previous !== next && !keepOnSignOut) {
          const prefix = partition(previous);
          for (const area of areas) {
            for (const key of Array.from({length: area.length}, (_, i) => area.key(i)!))
              if (key.startsWith(prefix)) area.removeItem(key);
          }
        }
      } catch {
        // Storage disabled (touching it throws): nothing of anyone is kept in it either.
      }
      known = true;
      if (next === tag) return;
      if (DEV && debugging('identity'))
        debug('identity', `${tag ?? 'anonymous'} -> ${next ?? 'anonymous'}: every persisted namespace re-hydrates`);
      const detail = {identity: next, previous: tag};
      listeners.forEach((listener) => listener(false));
      tag = next;
      listeners.forEach((listener) => listener(true));
      events.dispatchEvent(new CustomEvent('page-state-identity', {detail}));
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
