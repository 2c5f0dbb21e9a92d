import type {StateDefinition} from '../types.js';
import type {ChangeSource} from '../types.js';

/**
 * Sees every real change of a store, as its layers do: `clearing` says it belongs to a
 * `clear()` (whose defaults are not saved back: the persisted data is deleted instead).
 */
export type Mirror = (change: {readonly key: string; readonly source: ChangeSource}, clearing: boolean) => void;

/**
 * What a store gives each layer that mirrors it, and nobody else, when the layer is made: the
 * way in for values from their sources (URL, storage), and the way out for every write. Held by
 * the layer alone, so no other code can feed a store values (forge a `source: 'url'` change).
 */
export interface StoreFeed {
  readonly definition: StateDefinition<any>;
  /** Every var's value, read only (no restore-on-touch, no copy). */
  values(): Readonly<Record<string, unknown>>;
  /** Applies values a source delivered, already validated (one notification per real change). */
  accept(values: Record<string, unknown>, source: ChangeSource): void;
  /** Calls `mirror` for every real change, before any listener, never held back. */
  mirror(mirror: Mirror): void;
  /** A rejected input, or with `warning` something worth knowing that rejected nothing (held
   * back with the store's events while it starts). */
  report(key: string | null, reason: string, raw: unknown, warning?: boolean): void;
  /** Whether anything outside page-state's layers watches the store: a controller host, a
   * `<state-bind>`, a hook (every live `subscribe`). */
  watched(): boolean;
}

/** A store's switch for whoever made it (its scope): stop (`false`) or restart (`true`)
 * mirroring, when its `<page-state>` leaves the page or comes back. Restarting writes the
 * store's state back. */
export type Mirroring = (on: boolean) => void;

/**
 * What a layer does for the store it mirrors, when the store is used.
 */
export interface StoreLink {
  /** A var was read or written (restore-on-touch). */
  touch?(): void;
  focus?(): void;
  /** The store became watched: a namespace a claim purged comes back into the URL. */
  show?(): void;
  /** Deep link for these values. */
  href?(values: Readonly<Record<string, unknown>>): string;
  /** Drops pending writes and deletes persisted data, after the writes already on their way. */
  clear?(): Promise<void>;
  /** Stop mirroring (its scope left the page) / start again, writing the current state back. */
  suspend?(): void;
  resume?(): void;
}

/** One source a store is mirrored into: the URL, browser storage, the server. */
export interface StoreLayer {
  /** Values it holds for the start (validated). */
  initial?: Record<string, unknown>;
  /** Values that arrive later (async storage), validated. */
  later?: Promise<Record<string, unknown> | undefined>;
  link?: StoreLink;
  /** The value it holds for `key` now (undefined: none), for the layers above it. */
  holds?(key: string): unknown;
  /** Starts mirroring; `below(key)` is the value of the next source for `key`: the first lower
   * layer that holds one, else a fresh copy of the default. */
  connect?(below: (key: string) => unknown): void;
}

/** Makes one layer of a store being started (undefined: nothing of the namespace goes there). */
export type LayerMaker = (feed: StoreFeed) => StoreLayer | undefined;

/** One link forwarding to every layer's; a lone layer (the URL alone, the usual case) is its own. */
export function combine(parts: StoreLink[]): StoreLink {
  if (parts.length < 2) return parts[0] ?? {};
  const each = (method: 'focus' | 'show' | 'suspend' | 'resume') => () => parts.forEach((part) => part[method]?.());
  // Touch (called on every read) and deep links concern the one layer that has them: the URL.
  const url = parts.find((part) => part.href);
  return {
    touch: url && (() => url.touch?.()),
    focus: each('focus'),
    show: each('show'),
    href: url && ((values) => url.href!(values)),
    clear: async () => void (await Promise.all(parts.map((part) => part.clear?.()))),
    suspend: each('suspend'),
    resume: each('resume'),
  };
}

/** A fresh copy of the default of `key` (mutable defaults are never shared): what a var falls
 * back to when no source holds a value for it. */
export const freshDefault = (definition: StateDefinition<any>, key: string): unknown => {
  const v = definition.vars[key]!;
  return v.copy(v.defaultValue);
};

/** Whether `key` of `definition` persists when its namespace persists in `mode` (the
 * namespace's own option, or its scope's): one rule for the storage layer and `schema()`. */
export const persists = (definition: StateDefinition<any>, mode: unknown, key: string): boolean =>
  mode !== false && (definition.vars[key]!.options.persist ?? true);
