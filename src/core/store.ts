import type {StateChange, StateDefinition, StateValues, VarMap} from './define.js';
import {ErrorCode, StateValidationError} from './errors.js';
import type {ChangeSource, StoreHost} from './ports.js';
import type {HistoryMode, JsonValue, StateVar} from './var.js';
import {SHOW} from './protocol.js';
import {liveView} from './view.js';

/**
 * Receives one change; see {@link StateStore.subscribe}.
 *
 * @example
 * ```ts
 * const log: StateListener = ({key, value, source}) => console.log(key, value, source);
 * store.subscribe(log);
 * ```
 */
export type StateListener<V extends VarMap = VarMap> = (change: StateChange<V>) => void;

/**
 * One var as `schema()` describes it.
 *
 * @example
 * ```ts
 * stateOf(App).schema().priority; // {type: 'int', default: 1, urlKey: 'app_pri', persist: false, history: 'replace', nullable: false}
 * ```
 */
export interface VarSchema {
  type: string;
  default: JsonValue;
  /** Full URL param (prefix included), or null when the var is not in the URL. */
  urlKey: string | null;
  persist: boolean;
  history: HistoryMode;
  nullable: boolean;
}

/**
 * What the layer mirroring a store (URL, storage) does for it.
 *
 * @example
 * ```ts
 * const store = new StateStore(App, {link: {focus: () => console.log('claim the URL')}});
 * ```
 */
export interface StoreLink {
  /** A var was read or written (restore-on-touch). */
  touch?(): void;
  focus?(): void;
  /** An element bound to the store connected (a purged namespace comes back into the URL). */
  show?(): void;
  /** Deep link for these values. */
  href?(values: Readonly<Record<string, unknown>>): string;
  /** Deletes persisted data. */
  clear?(): Promise<void>;
  /** Stop mirroring (its scope left the page) / start again, writing the current state back. */
  suspend?(): void;
  resume?(): void;
}

/**
 * What a {@link StateStore} starts from, besides its definition. Stores are usually made by
 * `stateOf`, `<page-state>` and the layers; a bare one suits tests and Node.
 *
 * @example
 * ```ts
 * const store = new StateStore(App, {host: {change: (d) => console.log(d), error: (d) => console.warn(d)}, initial: {page: 2}});
 * ```
 */
export interface StateStoreOptions {
  /** Receives every change and rejected value (DOM events in the browser). Default: silent. */
  host?: StoreHost;
  /** Values the store starts with (validated; an invalid one is reported and falls back). */
  initial?: Partial<Record<string, unknown>>;
  /** What the layer mirroring the store (URL, storage) does for it. */
  link?: StoreLink;
  /** Values from async sources (server storage), applied where nothing was written meanwhile. */
  later?: Promise<Partial<Record<string, unknown>> | undefined>;
}

type Key<V extends VarMap> = keyof V & string;
type Values = Record<string, unknown>;

const silentHost: StoreHost = {change() {}, error() {}};
const BOUND = ['get', 'peek', 'set', 'accept', 'reset', 'clear', 'dump', 'schema', 'subscribe', 'snapshot', 'focus', 'href'] as const;

/**
 * The live state of one namespace in one scope. Get one with `stateOf(definition, node?)` or a
 * `StateController`; writes are validated and notify only on real changes.
 *
 * @example
 * ```ts
 * const app = stateOf(AppWorkflow);
 * app.state.priority = 2;                  // validated assignment
 * app.set({priority: 3, done: true});      // atomic: all valid or nothing
 * const stop = app.subscribe(({key, value, previous, source}) => {}, ['priority']);
 * ```
 */
export class StateStore<V extends VarMap = VarMap> {
  #state?: StateValues<V>;
  /** True once every async source (server storage) has been applied. */
  hydrated = true;
  /** Resolves when every async source (server storage) has been applied. */
  ready: Promise<void> = Promise.resolve();
  readonly #values: Values = Object.create(null);
  readonly #all = new Set<StateListener<V>>();
  readonly #byKey = new Map<string, Set<StateListener<V>>>();
  /** Vars changed since creation: values arriving late (async storage) must not overwrite them. */
  readonly #written = new Set<string>();
  #snapshot?: Readonly<StateValues<V>>;

  private readonly host: StoreHost;
  private readonly link: StoreLink;

  constructor(readonly definition: StateDefinition<V>, {host = silentHost, initial = {}, link = {}, later}: StateStoreOptions = {}) {
    this.host = host;
    this.link = link;
    // Every method works unbound (useSyncExternalStore(store.subscribe, store.snapshot), event
    // handlers): bound once here, so calls cost what a method call costs.
    for (const method of BOUND) (this as any)[method] = (this as any)[method].bind(this);
    // Not through #fresh: sending every var of every store through #valid made set() twice as slow
    // in Chromium's bench page (48-63 ns -> 107-131 ns), as set() goes through #valid too.
    for (const key of definition.keys) this.#values[key] = this.#var(key).copy(this.#var(key).defaultValue);
    this.accept(initial, 'init');
    if (!later) {
      definition.onInit?.(this);
      return;
    }
    this.hydrated = false;
    this.ready = later
      .then((values = {}) => {
        const fresh = Object.entries(values).filter(([key]) => !this.#written.has(key));
        this.accept(Object.fromEntries(fresh), 'storage');
      })
      .catch((error: unknown) => this.host.error({namespace: definition.name, key: null, reason: String(error), raw: null}))
      .finally(() => {
        this.hydrated = true;
        definition.onInit?.(this);
      });
  }

  /** Live object: read and assign vars; assignment validates like `set`. */
  get state(): StateValues<V> {
    // Made on first use: most stores are read through get() or a controller. get and set are
    // bound (constructor), so they serve as the accessors themselves.
    return (this.#state ??= liveView(this.definition.keys, this.get as (key: string) => unknown, this.set as (key: string, value: unknown) => void));
  }

  /** Reads one var. */
  get<K extends Key<V>>(key: K): StateValues<V>[K] {
    this.link.touch?.();
    return this.#values[key] as StateValues<V>[K];
  }

  /** Reads one var without touching the URL (no restore-on-touch). */
  peek<K extends Key<V>>(key: K): StateValues<V>[K] {
    return this.#values[key] as StateValues<V>[K];
  }

  /**
   * Claims the URL: writes this namespace's params and removes every param that is not its own,
   * not of a namespace in its `shareUrlWith`, and not kept by `keep-params`.
   */
  focus(): void {
    this.link.focus?.();
  }

  /** An element bound to this store connected: if a claim purged the namespace from the URL, it comes back. */
  [SHOW](): void {
    this.link.show?.();
  }

  /** The URL of a deep link to this state, with `values` overlaid (validated like `set`). */
  href(values: Partial<StateValues<V>> = {}): string {
    return this.link.href?.({...this.#values, ...Object.fromEntries(this.#validated(Object.entries(values)))}) ?? '';
  }

  /**
   * Writes one var, or several atomically: when any value is invalid, nothing changes and a
   * {@link StateValidationError} names the namespace, var and reason.
   */
  set<K extends Key<V>>(key: K, value: StateValues<V>[K]): void;
  set(values: Partial<StateValues<V>>): void;
  set(keyOrValues: string | object, value?: unknown): void {
    this.link.touch?.();
    if (typeof keyOrValues !== 'string') return this.#commit(this.#validated(Object.entries(keyOrValues)), 'set');
    // One var: the hot path, without the arrays a multi-set needs.
    const change = this.#apply(keyOrValues, this.#valid(keyOrValues, value), 'set');
    if (change) this.#notify(change);
  }

  /** A validated copy of `raw` for `key`; throws a {@link StateValidationError} otherwise. */
  #valid(key: string, raw: unknown): unknown {
    const reason = this.#reason(key, raw);
    if (reason) throw new StateValidationError(this.definition.name, key, raw, reason[1], reason[0]);
    return this.#var(key).copy(raw);
  }

  /** Validated copies of `entries`; throws on the first invalid one. */
  #validated(entries: readonly (readonly [string, unknown])[]): [string, unknown][] {
    return entries.map(([key, raw]) => [key, this.#valid(key, raw)]);
  }

  /**
   * Writes what an outside source (URL, storage) delivered: each valid value is applied, each
   * invalid one is reported as a `page-state-error` and skipped. Returns the rejected keys.
   */
  accept(values: Partial<Record<string, unknown>>, source: ChangeSource): string[] {
    const accepted: [string, unknown][] = [];
    const rejected: string[] = [];
    for (const [key, raw] of Object.entries(values)) {
      const reason = this.#reason(key, raw);
      if (reason) {
        rejected.push(key);
        this.host.error({namespace: this.definition.name, key, reason: reason[1], raw});
      } else accepted.push([key, this.#var(key).copy(raw)]);
    }
    this.#commit(accepted, source);
    return rejected;
  }

  /** Puts one var, or every var, back to a fresh copy of its default. */
  reset(key?: Key<V>): void {
    this.#commit((key === undefined ? this.definition.keys : [key]).map((k) => [k, this.#fresh(k)]), 'reset');
  }

  /** Resets to defaults and deletes persisted data (server session data included). */
  async clear(): Promise<void> {
    this.reset();
    await this.link.clear?.();
  }

  /**
   * A frozen plain object of every var that keeps its identity until the next change: what
   * `useSyncExternalStore`, a Vue `shallowRef` or a memoised selector compare.
   */
  snapshot(): Readonly<StateValues<V>> {
    return (this.#snapshot ??= Object.freeze({...this.#values}) as StateValues<V>);
  }

  /** A plain JSON-safe snapshot of every var (dates as ISO strings). */
  dump(): Record<Key<V>, JsonValue> {
    const out = {} as Record<Key<V>, JsonValue>;
    for (const key of this.definition.keys) out[key] = this.#var(key).toJSON(this.#values[key]);
    return out;
  }

  /** Describes every var: type, default, URL param, persistence, history mode. */
  schema(): Record<Key<V>, VarSchema> {
    const out = {} as Record<Key<V>, VarSchema>;
    for (const key of this.definition.keys) {
      const v = this.#var(key);
      const {param, persist, history} = this.definition.bindings[key];
      out[key] = {type: v.type, default: v.toJSON(v.defaultValue), urlKey: param, persist, history, nullable: v.nullable};
    }
    return out;
  }

  /**
   * Calls `listener` for every real change (of `keys` only, when given). Returns the function
   * that unsubscribes.
   */
  subscribe(listener: StateListener<V>, keys?: readonly Key<V>[]): () => void {
    const entry: StateListener<V> = (change) => listener(change);
    // Only an undeclared key goes on to #fresh, for its error: a URL layer subscribes every var
    // of every store it makes, and #valid stays the path of set() alone.
    keys?.forEach((key) => Object.hasOwn(this.definition.vars, key) || this.#fresh(key));
    // Every key is all keys: one set, not one per key (a URL layer usually binds every var).
    const sets = !keys || new Set(keys).size === this.definition.keys.length ? [this.#all] : keys.map((key) => this.#listenersOf(key));
    for (const set of sets) set.add(entry);
    return () => sets.forEach((set) => set.delete(entry));
  }

  #listenersOf(key: string) {
    let set = this.#byKey.get(key);
    if (!set) this.#byKey.set(key, (set = new Set()));
    return set;
  }

  #var(key: string): StateVar {
    return this.definition.vars[key] as StateVar;
  }

  /** A fresh copy of the default of `key` (valid: defaults are checked when declared); throws a
   * {@link StateValidationError} (`PS_UNKNOWN_KEY`) when undeclared. */
  #fresh(key: string): unknown {
    return this.#valid(key, this.#var(key)?.defaultValue);
  }

  #reason(key: string, value: unknown): [typeof ErrorCode.invalidValue | typeof ErrorCode.unknownKey, string] | undefined {
    if (!Object.hasOwn(this.definition.vars, key)) return [ErrorCode.unknownKey, 'not a declared var'];
    const reason = this.#var(key).check(value);
    return reason === undefined ? undefined : [ErrorCode.invalidValue, reason];
  }

  /** Stores `value` unless equal to the current one; returns the change, if any. */
  #apply(key: string, value: unknown, source: ChangeSource): StateChange<V> | undefined {
    const previous = this.#values[key];
    if (this.#var(key).equals(previous, value)) return undefined;
    this.#values[key] = value;
    if (source !== 'init') this.#written.add(key); // what a store starts with is not a write
    this.#snapshot = undefined;
    return {key, value, previous, source} as StateChange<V>;
  }

  /** Applies every value first, then notifies: listeners always see the whole batch applied. */
  #commit(values: [string, unknown][], source: ChangeSource) {
    const changes: StateChange<V>[] = [];
    for (const [key, value] of values) {
      const change = this.#apply(key, value, source);
      if (change) changes.push(change);
    }
    for (const change of changes) this.#notify(change);
  }

  #notify(change: StateChange<V>) {
    const {onChange} = this.definition;
    if (onChange) this.#call(onChange, undefined, change, this);
    for (const listener of this.#all) this.#call(listener, undefined, change);
    const keyed = this.#byKey.get(change.key);
    if (keyed) for (const listener of keyed) this.#call(listener, undefined, change);
    if (this.host !== silentHost) this.#call(this.host.change, this.host, {namespace: this.definition.name, ...change});
  }

  #call<A, B>(fn: (a: A, b: B) => void, receiver: unknown, a: A, b?: B) {
    try {
      fn.call(receiver, a, b as B);
    } catch (error) {
      // A listener's exception must stop neither the others nor the store, as with DOM events.
      if (this.host.report) this.host.report(error);
      else void Promise.reject(error);
    }
  }
}
