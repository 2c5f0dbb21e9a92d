import type {StateDefinition, VarMap} from '../core/schema/define.js';
import type {StorageAdapter} from '../core/types.js';
import type {StateStore} from '../core/store/store.js';
import type {ParamTexts, UrlChangeKind, UrlMode} from '../core/types.js';

export type {ParamTexts, UrlChangeKind, UrlMode};

/**
 * The protocol through which separately bundled copies of page-state share one page. Everything
 * one copy can hand to another is described here and used only through these shapes: plain
 * data and callbacks, never private fields or `instanceof` of another copy's classes. Bump
 * {@link PROTOCOL} on any change another copy could not understand; a copy that meets another
 * protocol says so once in the console and works alone.
 *
 * History: 1 (page-state 0.1.0: a shared URL service only); 2 (shared scopes); 3 (namespaces on
 * screen are kept by claims, entries page-state writes are marked in `history.state`).
 */
export const PROTOCOL = 3;

/** Where the first copy keeps the page's runtime ({@link SharedRuntime}), on `globalThis`. */
export const RUNTIME_KEY: unique symbol = Symbol.for('page-state.runtime') as never;
/** Where copies of this protocol keep it, whoever holds {@link RUNTIME_KEY}. */
export const RUNTIME_KEY_OF_PROTOCOL: unique symbol = Symbol.for(`page-state.runtime.v${PROTOCOL}`) as never;
/** Property of a `<page-state>` element holding its {@link SharedScope}. */
export const ELEMENT_SCOPE: unique symbol = Symbol.for('page-state.element-scope') as never;
/** Key of the `@lit/context` context through which `<page-state>` provides its scope. */
export const SCOPE_CONTEXT_KEY: unique symbol = Symbol.for('page-state.scope') as never;

/** Whether `value` speaks this copy's protocol. */
export const speaks = (value: unknown): boolean =>
  (value as {protocol?: unknown} | null | undefined)?.protocol === PROTOCOL;

/**
 * A registry of stores as another copy may use it (the root scope, a `<page-state>`'s scope).
 * Stores it returns are used through their public members only.
 */
export interface SharedScope {
  readonly protocol: number;
  /** The store of `definition` in the scope where it lives (created on first use). */
  resolve<V extends VarMap>(definition: StateDefinition<V>): StateStore<V>;
  /** The store of the namespace called `name`, if declared here or above, or existing in the root. */
  find(name: string): StateStore<any> | undefined;
  /** Whether a namespace of this name was declared in this very scope. */
  declares(name: string): boolean;
  /** Makes these namespaces live in this scope. */
  declare(...definitions: StateDefinition<any>[]): void;
  /** Forgets a namespace declared in this very scope, for another definition to take its place
   * (optional: copies before it cannot re-declare fixed markup). */
  undeclare?(name: string): void;
  /** The stores created in this very scope (what `<state-inspector>` lists). */
  readonly stores?: readonly StateStore<any>[];
}

/** What a namespace tells the page's URL service about itself. */
export interface UrlClient {
  readonly name: string;
  readonly fingerprint: string;
  readonly params: readonly string[];
  readonly mode: UrlMode;
  readonly selfish: boolean;
  /** Names of the namespaces whose params a claim of this one keeps. */
  readonly shares: readonly string[];
  readonly restoreOnTouch: boolean;
  /** The texts the namespace wants in the URL now. */
  texts(): ParamTexts;
  /** Whether `present` (the first text of each param in the URL) differs from what it wants. */
  stale(present: ReadonlyMap<string, string>): boolean;
  /**
   * Someone else changed the URL. A navigation (`push`, `traverse`, `reload`) gives the text of
   * every param present, and `fallback` says what an absent one means: true, the next source
   * (storage, then the default), as on a load; false, the default (an entry page-state wrote
   * with this namespace whole). A `replace` gives only the params it changed.
   */
  receive(present: ReadonlyMap<string, string>, kind: UrlChangeKind, fallback: boolean): void;
  /** The URL grew too long. */
  warn(reason: string, href: string): void;
  /** Whether the namespace is on screen (a controller host, a binding, a hook watches it): a
   * claim keeps its params. */
  watched(): boolean;
}

/** What a namespace can ask of the URL service. */
export interface UrlHandle {
  /** The texts of its params in the current history entry: as the URL has them, else as it had
   * them when the entry was entered (params a claim purged since). */
  read(): ReadonlyMap<string, string>;
  /** Whether the URL shows other texts than the namespace wants. */
  stale(): boolean;
  /** Its state changed: write its params at the next flush (a selfish namespace claims the URL too). */
  write(push: boolean): void;
  /** Write its params at the next flush without claiming anything (a correction, a write-back). */
  sync(): void;
  /** Claim the URL: write own params and purge everything not own, shared or kept. */
  focus(): void;
  /** A var was read or written: put back params another writer's replace removed. */
  touch(): void;
  /** It became watched (on screen): if a claim purged it, its params come back. */
  show(): void;
  /** The URL with these texts for its params. */
  href(texts: ParamTexts): string;
  detach(): void;
}

/** The page's one writer of history, as another copy may use it. */
export interface SharedUrlService {
  readonly protocol: number;
  attach(client: UrlClient): UrlHandle;
  /** Never purge params matching these globs; params a claim already purged come back. */
  keep(patterns: readonly string[]): void;
}

/**
 * The detail of the `page-state-identity` event: the identity the page's persisted state now
 * belongs to, and the one before (`null`: anonymous).
 *
 * @example
 * ```ts
 * const signedOut: IdentityDetail = {identity: null, previous: 'ada'};
 * ```
 */
export interface IdentityDetail {
  identity: string | null;
  previous: string | null;
}

/**
 * Whose persisted state the page shows, shared by every copy of page-state on the page (the
 * runtime holds one): storage adapters key by `tag`, and every persisted namespace re-hydrates
 * when it changes.
 */
export interface SharedIdentity {
  /** The identity shown: `null` while anonymous, and until the page learns who is signed in. */
  readonly tag: string | null;
  /** How many times it was told the identity: a server's answer to a request sent before the
   * last time says nothing newer, and is not followed. */
  readonly told: number;
  /** Someone is signed in as `tag` now (`null`: nobody): from `setIdentity`, or a server's answer. */
  set(tag: string | null, keepOnSignOut?: boolean): void;
  /** Calls `listener` around every switch: before it (`arrived` false: what is owed to the
   * identity leaving goes to it now) and after it. Returns the function that stops. */
  watch(listener: (arrived: boolean) => void): () => void;
  /** Deletes what this identity keeps in this browser's `localStorage` and `sessionStorage`
   * (`clearAll`; added within protocol 3). */
  clear?(): void;
}

/** The page's runtime of this protocol, whichever copy made it (none before a store asked for one). */
export const sharedRuntime = (): SharedRuntime | undefined =>
  (globalThis as unknown as Record<symbol, SharedRuntime | undefined>)[RUNTIME_KEY_OF_PROTOCOL];

/**
 * Calls `listener` around every switch of `runtime`'s identity ({@link SharedIdentity.watch}),
 * from the moment it has one. A runtime makes its identity only when first needed (`setIdentity`,
 * the server client), so the listeners that come before it are kept on the runtime
 * (`identityWatchers`), and the identity, whichever copy makes it (`runtime.identity ??= …`,
 * caught by an accessor), calls them all through one of its own. Returns the function that stops.
 */
export function watchIdentity(runtime: SharedRuntime, listener: (arrived: boolean) => void): () => unknown {
  if (runtime.identity) return runtime.identity.watch(listener);
  let listeners = runtime.identityWatchers;
  if (!listeners) {
    const all = (listeners = runtime.identityWatchers = new Set());
    let made: SharedIdentity;
    Object.defineProperty(runtime, 'identity', {
      get: () => made,
      set: (identity: SharedIdentity) => (made = identity).watch((arrived) => all.forEach((each) => each(arrived))),
    });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What every copy of one protocol on a page shares. */
export interface SharedRuntime {
  readonly protocol: number;
  /** Version of the copy that created it. */
  readonly version: string;
  /** The scope of every namespace no `<page-state>` declares. */
  readonly root: SharedScope;
  readonly url: SharedUrlService;
  /** Namespace name → the connected `<page-state>` elements that declare it. */
  readonly scoped: Map<string, Set<object>>;
  /** The storage adapter of a `persist` mode (browser storage keys by the runtime's identity). */
  storage(mode: 'session' | 'local' | 'server' | StorageAdapter, endpoint: string): StorageAdapter;
  /** Whose persisted state the page shows (added within protocol 3), made by the first copy that
   * needs it; {@link watchIdentity} follows it before it exists. */
  identity?: SharedIdentity;
  /** What follows the identity before and after it exists (added within protocol 3): see
   * {@link watchIdentity}, the one way to follow it. */
  identityWatchers?: Set<(arrived: boolean) => void>;
}
