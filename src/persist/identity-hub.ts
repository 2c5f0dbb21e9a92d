import {debug, debugging} from '../debug/log.js';
import {DEV} from '../dev.js';
import type {SharedIdentity, SharedRuntime} from '../runtime/protocol.js';
import type {partition as partitionOf} from './partition.js';

/** Where the browser remembers the identity it last saw (no namespace name holds a `/`). */
const LAST = 'page-state/identity';

/**
 * The identity of `runtime`, made on first need (`setIdentity`, the server client), over the
 * page's storage and announced on `document`. Loaded with the server client, or by `setIdentity`:
 * a page that needs neither never loads it.
 */
export const identityOf = (
  runtime: SharedRuntime,
  partition: typeof partitionOf,
  first?: string | null,
): SharedIdentity =>
  (runtime.identity ??= identityHub(() => [localStorage, sessionStorage], document, partition, first));

/**
 * The page's identity. It starts as `first` (the page's bootstrap's), else anonymous; the identity this browser last saw is remembered
 * (`localStorage`), so a sign-out or a switch made by a full navigation is seen once the page
 * learns the new one: the signed-out identity's partitions are deleted then, unless kept. Every
 * switch is announced on `events` (`page-state-identity`). `partition` names an identity's keys
 * (partition.ts), handed in: the server client's chunk imports no module the first load has
 * (core-links.ts).
 */
export function identityHub(
  storages: () => [local: Storage, session: Storage],
  events: EventTarget,
  partition: typeof partitionOf,
  first?: string | null,
): SharedIdentity {
  const listeners = new Set<(arrived: boolean) => void>();
  let tag = first ?? null;
  let known = false;
  let told = 0;
  /** Deletes the keys of `gone`'s partition, and only its: no namespace name holds a `:`, so
   * `page-state:<tag>:<name>` is another's than the anonymous `page-state:<name>`. */
  const drop = (gone: string | null) => {
    const prefix = partition(gone);
    for (const area of storages()) {
      for (const key of Array.from({length: area.length}, (_, i) => area.key(i)!))
        if (key.startsWith(prefix) && !key.slice(prefix.length).includes(':')) area.removeItem(key);
    }
  };
  const hub: SharedIdentity = {
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
        const [local] = storages();
        const previous = known ? tag : local.getItem(LAST);
        if (next === null) local.removeItem(LAST);
        else local.setItem(LAST, next);
        if (previous !== null && previous !== next && !keepOnSignOut) drop(previous);
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
    clear() {
      try {
        drop(tag);
      } catch {
        // Storage disabled: nothing of anyone is kept in it either.
      }
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // A page whose server bootstrapped it knows who is signed in from its first frame: the identity
  // starts there, and the one this browser saw last is told it changed (its partitions go).
  if (first !== undefined) hub.set(first);
  return hub;
}
