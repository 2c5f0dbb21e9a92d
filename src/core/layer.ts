import type {StateDefinition, VarMap} from './define.js';
import type {StoreHost} from './ports.js';
import {StateStore, type StoreLink} from './store.js';

const links = new WeakMap<StateStore<any>, StoreLink>();

/**
 * Stops (`false`) or restarts (`true`) mirroring a store into its URL and storage, e.g. while
 * its `<page-state>` is out of the page. Restarting writes the store's state back.
 *
 * @example
 * ```ts
 * setMirroring(stateOf(Inbox, el), false); // the micro-frontend was unmounted
 * ```
 */
export function setMirroring(store: StateStore<any>, on: boolean): void {
  const link = links.get(store);
  if (on) link?.resume?.();
  else link?.suspend?.();
}

/** One source a store is mirrored into: the URL, browser storage, the server. */
export interface StoreLayer {
  /** Values it holds for the start (validated). */
  initial: Record<string, unknown>;
  /** Values that arrive later (async storage). */
  later?: Promise<Record<string, unknown> | undefined>;
  link?: StoreLink;
  /** The value it holds for `key` now (undefined: none), for the layers above it. */
  holds?(key: string): unknown;
  /** Starts mirroring the created store; `below(key)` is the value of the next source for
   * `key`: the first lower layer that holds one, else a fresh copy of the default. */
  connect(store: StateStore<any>, below: (key: string) => unknown): void;
}

/**
 * Creates a store from layers in precedence order (first wins): a var takes its value from the
 * first layer that has one, else its default. Late values never override an earlier layer.
 *
 * @example
 * ```ts
 * const store = composeStore(Filters, host, [urlLayer, storageLayer]);
 * ```
 */
export function composeStore<V extends VarMap>(
  definition: StateDefinition<V>,
  host: StoreHost,
  layers: readonly (StoreLayer | undefined)[],
): StateStore<V> {
  const present = layers.filter((layer): layer is StoreLayer => !!layer);
  const initial: Record<string, unknown> = {};
  let later: Promise<Record<string, unknown> | undefined> | undefined;
  for (const layer of present) {
    if (layer.later && !later) {
      const higher = Object.keys(initial);
      later = layer.later.then((values) => values && Object.fromEntries(Object.entries(values).filter(([k]) => !higher.includes(k))));
    }
    for (const key in layer.initial) if (!(key in initial)) initial[key] = layer.initial[key];
  }
  const link = combine(present.map((layer) => layer.link ?? {}));
  const store = new StateStore(definition, {host, initial, link, later});
  links.set(store, link);
  present.forEach((layer, i) =>
    layer.connect(store, (key) => {
      for (const lower of present.slice(i + 1)) {
        const value = lower.holds?.(key);
        if (value !== undefined) return value;
      }
      const v = definition.vars[key]!;
      return v.copy(v.defaultValue);
    }),
  );
  return store;
}

/** One link forwarding to every layer's; a lone layer (the URL alone, the usual case) is its own. */
function combine(parts: StoreLink[]): StoreLink {
  if (parts.length === 1) return parts[0]!;
  // Touch (called on every read) and deep links concern the one layer that has them: the URL.
  return {
    touch: parts.find((part) => part.touch)?.touch,
    focus: () => parts.forEach((part) => part.focus?.()),
    show: () => parts.forEach((part) => part.show?.()),
    href: (values) => parts.find((part) => part.href)?.href?.(values) ?? '',
    clear: async () => void (await Promise.all(parts.map((part) => part.clear?.()))),
    suspend: () => parts.forEach((part) => part.suspend?.()),
    resume: () => parts.forEach((part) => part.resume?.()),
  };
}
