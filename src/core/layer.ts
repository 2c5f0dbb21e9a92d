import type {StateDefinition, VarMap} from './define.js';
import type {StoreHost} from './ports.js';
import {StateStore, type StoreLink} from './store.js';

/** One source a store is mirrored into: the URL, browser storage, the server. */
export interface StoreLayer {
  /** Values it holds for the start (validated). */
  initial: Record<string, unknown>;
  /** Values that arrive later (async storage). */
  later?: Promise<Record<string, unknown> | undefined>;
  link?: StoreLink;
  /** Starts mirroring the created store. */
  connect(store: StateStore<any>): void;
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
    const higher = Object.keys(initial);
    if (layer.later && !later) {
      later = layer.later.then((values) => values && Object.fromEntries(Object.entries(values).filter(([k]) => !higher.includes(k))));
    }
    for (const [key, value] of Object.entries(layer.initial)) if (!(key in initial)) initial[key] = value;
  }
  const links = present.map((layer) => layer.link ?? {});
  // get() calls touch on every read: keep it a single call when one layer cares (the URL).
  const touches = links.flatMap((link) => (link.touch ? [link.touch] : []));
  const store = new StateStore(definition, host, initial, {
    touch: touches.length > 1 ? () => touches.forEach((touch) => touch()) : touches[0],
    focus: () => links.forEach((link) => link.focus?.()),
    href: (values) => links.find((link) => link.href)?.href?.(values) ?? '',
    clear: async () => void (await Promise.all(links.map((link) => link.clear?.()))),
  }, later);
  for (const layer of present) layer.connect(store);
  return store;
}
