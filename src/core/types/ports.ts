import type {JsonValue, StateChange, VarMap} from './values.js';

/**
 * Detail of the `page-state-error` DOM event: an input that was rejected (and why).
 *
 * @example
 * ```ts
 * scopeElement.addEventListener('page-state-error', (e) => console.warn(e.detail.namespace, e.detail.key, e.detail.reason));
 * ```
 */
export interface ErrorDetail {
  namespace: string;
  /** The var, or null when the input concerned the whole namespace. */
  key: string | null;
  reason: string;
  /** The rejected input as it arrived (URL text, stored JSON...). */
  raw: unknown;
}

/** How a store reports to its scope, which turns these into DOM events. */
export interface StoreHost {
  /** One call per changed key per task, at its end: `previous` is the value before the task's
   * first change, `value` and `source` the last change's; a key changed back is not reported.
   * Absent: nobody hears (a bare store pays nothing for it). */
  change?(change: StateChange): void;
  error(detail: ErrorDetail): void;
  /** A namespace became available in the scope (declared, or its store created). */
  declared?(namespace: string): void;
  /** A warning that is not a rejected input (e.g. the URL grew too long); same detail shape. */
  warn?(detail: ErrorDetail): void;
  /** Reports an exception thrown by a listener or hook (the store carries on). */
  report?(error: unknown): void;
}

/**
 * Stored form of one namespace.
 *
 * @example
 * ```ts
 * const stored: StoredState = {version: 2, values: {theme: 'dark'}};
 * ```
 */
export interface StoredState {
  version: number;
  values: Record<string, JsonValue>;
  /** When it expires (epoch ms), for a namespace with `ttlSeconds`: read past it, it is gone. */
  expires?: number;
}

/**
 * A persistence backend, sync or async. `subscribe` (optional) reports changes made elsewhere,
 * e.g. in another tab.
 *
 * @example
 * ```ts
 * const memory = new Map<string, StoredState>();
 * const adapter: StorageAdapter = {
 *   get: (ns) => memory.get(ns),
 *   set: (ns, data) => void memory.set(ns, data),
 *   remove: (ns) => void memory.delete(ns),
 * };
 * ```
 */
export interface StorageAdapter {
  get(namespace: string): StoredState | undefined | Promise<StoredState | undefined>;
  set(namespace: string, data: StoredState): void | Promise<void>;
  remove(namespace: string): void | Promise<void>;
  subscribe?(namespace: string, listener: (data: StoredState | undefined) => void): () => void;
}

/**
 * Receives one change; see `StateStore.subscribe`.
 *
 * @example
 * ```ts
 * const log: StateListener = ({key, value, source}) => console.log(key, value, source);
 * store.subscribe(log);
 * ```
 */
export type StateListener<V extends VarMap = VarMap> = (change: StateChange<V>) => void;

/** Where params live: the query string or the hash. */
export type UrlMode = 'query' | 'hash';
/** How the URL of the current document changed (the Navigation API's `navigationType`). */
export type UrlChangeKind = 'push' | 'replace' | 'traverse' | 'reload';
/** Texts of a namespace's params; undefined = absent from the URL. */
export type ParamTexts = Record<string, string | undefined>;

/**
 * Where a namespace persists: nowhere, browser storage, the server session, or your adapter.
 *
 * @example
 * ```ts
 * const Draft = defineState('Draft', {persist: 'session', vars: {text: stateVar.string()}});
 * ```
 */
export type PersistMode = false | 'session' | 'local' | 'server' | StorageAdapter;
