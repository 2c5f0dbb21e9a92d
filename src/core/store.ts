import type {PersistMode, StateChange, StateDefinition, StateValues, VarMap} from './define.js';
import {ErrorCode, StateValidationError} from './errors.js';
import {ACCEPT, combine, MIRROR, MIRRORING, persists, REPORT, VALUES, WATCHED, type LayerMaker, type Mirror, type StoreFeed, type StoreLayer, type StoreLink} from './layer.js';
import type {ChangeSource, StoreHost} from './ports.js';
import type {HistoryMode, JsonValue, StateVar} from './var.js';
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
 * What a bare {@link StateStore} starts from, besides its definition (stores of a page come
 * from `stateOf`, controllers and elements; a bare one suits tests and Node).
 *
 * @example
 * ```ts
 * const store = new StateStore(App, {host: {change: (d) => console.log(d), error: (d) => console.warn(d)}, initial: {page: 2}});
 * ```
 */
export interface StateStoreOptions {
  /** Receives every change and rejected value (DOM events in the browser). Default: silent. */
  host?: StoreHost;
  /** Values the store starts with (validated like `set`: an invalid one throws a `StateValidationError`). */
  initial?: Partial<Record<string, unknown>>;
  /** @internal The layers mirroring the store, in precedence order (the first that holds a value wins). */
  layers?: readonly LayerMaker[];
  /** @internal Where the namespace persists: its own option, or its scope's. */
  persist?: PersistMode;
  /** @internal Records the store in its scope, before anything leaves it. */
  register?(store: StateStore<any>): void;
}

type Key<V extends VarMap> = keyof V & string;
type Values = Record<string, unknown>;

const silentHost: StoreHost = {change() {}, error() {}};
const BOUND = ['get', 'peek', 'set', 'reset', 'clear', 'dump', 'schema', 'subscribe', 'snapshot', 'focus', 'href'] as const;
const resolved = Promise.resolve();
const NO_LINK: StoreLink = {};
/** Stores whose start's events wait for the end of the task: one microtask releases them all. */
let starting: StateStore<any>[] | undefined;

/** An event held back while a store starts: a change to deliver, or a report to make. */
type Held = StateChange<any> | (() => void);

/**
 * The live state of one namespace in one scope. Get one with `stateOf(definition, node?)` or a
 * `StateController`; writes are validated and notify only on real changes.
 *
 * Its life, in order: created and registered in its scope; its sources applied (the URL, then
 * storage, then the defaults); its layers connected; `onInit` (after async sources, for server
 * storage); then every write is mirrored at the end of its task. The changes and errors of the
 * start are delivered at the end of the task that created it, or before its next event.
 *
 * @example
 * ```ts
 * const app = stateOf(AppWorkflow);
 * app.state.priority = 2;                  // validated assignment
 * app.set({priority: 3, done: true});      // atomic: all valid or nothing
 * const stop = app.subscribe(({key, value, previous, source}) => {}, ['priority']);
 * ```
 */
export class StateStore<V extends VarMap = VarMap> implements StoreFeed {
  #state?: StateValues<V>;
  #hydrated = true;
  /** Resolves when every async source (server storage) has been applied. */
  readonly ready: Promise<void> = resolved;
  /** A plain object: var names are identifier-safe and never `__proto__`, `constructor` or
   * `prototype` (defineState refuses them), and V8 keeps it in fast mode (see the bench). */
  readonly #values: Values = {};
  /** Listeners of every var, and of some; made on first subscribe (a store's start makes neither). */
  #all?: Set<StateListener<V>>;
  #byKey?: Map<string, Set<StateListener<V>>>;
  readonly #mirrors: Mirror[] = [];
  /** Vars written since the start, while async sources load: their late values must not overwrite them. */
  #written?: Set<string>;
  #snapshot?: Readonly<StateValues<V>>;
  /** Events held back while the store starts; released after the creating task or before the next event. */
  #held?: Held[];
  #starting = true;
  /** Live `subscribe`s: controller hosts, bindings, hooks (what is on screen). */
  #watchers = 0;
  #link: StoreLink = NO_LINK;
  readonly #host: StoreHost;
  readonly #persist: PersistMode;

  constructor(readonly definition: StateDefinition<V>, {host = silentHost, initial, layers = [], persist = definition.persist, register}: StateStoreOptions = {}) {
    this.#host = host;
    this.#persist = persist;
    // Not through #fresh: sending every var of every store through #valid made set() twice as slow
    // in Chromium's bench page (48-63 ns -> 107-131 ns), as set() goes through #valid too.
    for (const key of definition.keys) this.#values[key] = this.#var(key).copy(this.#var(key).defaultValue);
    register?.(this);
    if (host.declared) this.#emit(() => host.declared!(definition.name));
    // The start, in order: sources applied (a var takes the first value a layer holds), layers
    // connected, onInit (once async sources are in, when there are any).
    const made: StoreLayer[] = initial ? [{initial: this.#validated(initial)}] : [];
    for (const make of layers) {
      const layer = make(this);
      if (layer) made.push(layer);
    }
    const values = made.length === 1 ? made[0]!.initial : Object.assign({}, ...made.map((layer) => layer.initial).reverse());
    if (values) this.#commit(values, 'init');
    this.#link = made.length === 1 ? (made[0]!.link ?? NO_LINK) : combine(made.flatMap((layer) => layer.link ?? []));
    let late = false;
    for (let i = 0; i < made.length; i++) {
      made[i]!.connect?.((key) => this.#below(made, i, key));
      late ||= !!made[i]!.later;
    }
    if (late) this.ready = this.#hydrate(made);
    else this.#init();
    this.#starting = false;
    if (!this.#held) return;
    if (starting) starting.push(this);
    else {
      starting = [this];
      void resolved.then(() => {
        const due = starting!;
        starting = undefined;
        for (const store of due) store.#release();
      });
    }
  }

  /** The value of the source below layer `i` for `key`: the first lower layer's, else a fresh default. */
  #below(layers: StoreLayer[], i: number, key: string): unknown {
    for (const lower of layers.slice(i + 1)) {
      const value = lower.holds?.(key);
      if (value !== undefined) return value;
    }
    return this.#fresh(key);
  }

  #init() {
    if (this.definition.onInit) this.#call(this.definition.onInit, undefined, this);
  }

  /** Applies the async sources where nothing was written meanwhile, then onInit; resolves `ready`. */
  #hydrate(layers: StoreLayer[]): Promise<void> {
    this.#hydrated = false;
    const written = (this.#written = new Set());
    return Promise.all(layers.map((layer) => layer.later))
      .then((late) => {
        // Each var takes the value of the first layer holding one, early or late: from the last
        // layer up, each one's late values override, and its early ones (applied already) win.
        const apply: Values = {};
        for (let i = layers.length; i--; ) {
          Object.assign(apply, late[i]);
          for (const key in layers[i]!.initial) delete apply[key];
        }
        for (const key of written) delete apply[key];
        this.#commit(apply, 'storage');
      })
      .catch((error: unknown) => this[REPORT](null, String(error), null))
      .finally(() => {
        this.#hydrated = true;
        this.#written = undefined;
        this.#init();
      });
  }

  /** @internal */
  [ACCEPT](values: Values, source: ChangeSource): void {
    this.#commit(values, source);
  }

  /** @internal */
  [MIRROR](mirror: Mirror): void {
    this.#mirrors.push(mirror);
  }

  /** @internal */
  [REPORT](key: string | null, reason: string, raw: unknown, warning = false): void {
    const detail = {namespace: this.definition.name, key, reason, raw};
    this.#emit(() => (warning ? this.#host.warn?.(detail) : this.#host.error(detail)));
  }

  /** @internal */
  [VALUES](): Readonly<Values> {
    return this.#values;
  }

  /** @internal */
  [WATCHED](): boolean {
    return this.#watchers > 0;
  }

  /** @internal Stops (`false`) or restarts (`true`) mirroring into the URL and storage, while the
   * store's `<page-state>` is out of the page. Restarting writes the store's state back. */
  [MIRRORING](on: boolean): void {
    this.#link[on ? 'resume' : 'suspend']?.();
  }

  /** True once every async source (server storage) has been applied. */
  get hydrated(): boolean {
    return this.#hydrated;
  }

  /** Live object: read and assign vars; assignment validates like `set`. */
  get state(): StateValues<V> {
    // Made on first use: most stores are read through get() or a controller. get and set are
    // bound (constructor), so they serve as the accessors themselves.
    return (this.#state ??= liveView(this.definition.keys, this.get as (key: string) => unknown, this.set as (key: string, value: unknown) => void));
  }

  /** Reads one var. */
  get<K extends Key<V>>(key: K): StateValues<V>[K] {
    this.#link.touch?.();
    return this.#values[key] as StateValues<V>[K];
  }

  /** Reads one var without touching the URL (no restore-on-touch). */
  peek<K extends Key<V>>(key: K): StateValues<V>[K] {
    return this.#values[key] as StateValues<V>[K];
  }

  /**
   * Claims the URL: writes this namespace's params and removes every param that is not its own,
   * not of a namespace in its `shareUrlWith`, not kept by `keep-params` and not of a namespace on screen.
   */
  focus(): void {
    this.#link.focus?.();
  }

  /** The URL of a deep link to this state, with `values` overlaid (validated like `set`). */
  href(values: Partial<StateValues<V>> = {}): string {
    return this.#link.href?.({...this.#values, ...this.#validated(values)}) ?? '';
  }

  /**
   * Writes one var, or several atomically: when any value is invalid, nothing changes and a
   * {@link StateValidationError} names the namespace, var and reason.
   */
  set<K extends Key<V>>(key: K, value: StateValues<V>[K]): void;
  set(values: Partial<StateValues<V>>): void;
  set(keyOrValues: string | object, value?: unknown): void {
    this.#link.touch?.();
    if (typeof keyOrValues !== 'string') return this.#commit(this.#validated(keyOrValues), 'set');
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

  /** Validated copies of `values`; throws on the first invalid one. */
  #validated(values: object): Values {
    const valid: Values = {};
    for (const [key, raw] of Object.entries(values)) valid[key] = this.#valid(key, raw);
    return valid;
  }


  /** Puts one var, or every var, back to a fresh copy of its default. */
  reset(key?: Key<V>): void {
    this.#commit(this.#defaults(key === undefined ? this.definition.keys : [key]), 'reset');
  }

  #defaults(keys: readonly string[]): Values {
    const values: Values = {};
    for (const key of keys) values[key] = this.#fresh(key);
    return values;
  }

  /**
   * Resets to defaults and deletes persisted data (server session data included), after any
   * of this namespace's writes already on their way; pending writes are dropped.
   */
  async clear(): Promise<void> {
    this.#commit(this.#defaults(this.definition.keys), 'reset', true);
    await this.#link.clear?.();
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

  /** Describes every var: type, default, URL param, persistence (in this scope), history mode. */
  schema(): Record<Key<V>, VarSchema> {
    const out = {} as Record<Key<V>, VarSchema>;
    for (const key of this.definition.keys) {
      const v = this.#var(key);
      const {param, history} = this.definition.bindings[key];
      out[key] = {type: v.type, default: v.toJSON(v.defaultValue), urlKey: param, persist: persists(this.definition, this.#persist, key), history, nullable: v.nullable};
    }
    return out;
  }

  /**
   * Calls `listener` for every real change (of `keys` only, when given). Returns the function
   * that unsubscribes. While subscribed, the namespace is on screen: a selfish claim keeps its
   * params, and if one purged them, they come back.
   */
  subscribe(listener: StateListener<V>, keys?: readonly Key<V>[]): () => void {
    const entry: StateListener<V> = (change) => listener(change);
    // Only an undeclared key goes on to #fresh, for its error: #valid stays the path of set() alone.
    keys?.forEach((key) => Object.hasOwn(this.definition.vars, key) || this.#fresh(key));
    // Every key is all keys: one set, not one per key.
    const sets = !keys || new Set(keys).size === this.definition.keys.length ? [(this.#all ??= new Set())] : keys.map((key) => this.#listenersOf(key));
    for (const set of sets) set.add(entry);
    if (!this.#watchers++) this.#link.show?.();
    let live = true;
    return () => {
      if (!live) return;
      live = false;
      this.#watchers--;
      sets.forEach((set) => set.delete(entry));
    };
  }

  #listenersOf(key: string) {
    const byKey = (this.#byKey ??= new Map());
    let set = byKey.get(key);
    if (!set) byKey.set(key, (set = new Set()));
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
    if (source !== 'init') this.#written?.add(key);
    this.#snapshot = undefined;
    return {key, value, previous, source} as StateChange<V>;
  }

  /** Applies every value first, then notifies: listeners always see the whole batch applied. */
  #commit(values: Values, source: ChangeSource, clearing = false) {
    const changes: StateChange<V>[] = [];
    for (const key in values) {
      const change = this.#apply(key, values[key], source);
      if (change) changes.push(change);
    }
    for (const change of changes) this.#notify(change, clearing);
  }

  #notify(change: StateChange<V>, clearing = false) {
    for (const mirror of this.#mirrors) mirror(change, clearing);
    this.#emit(change);
  }

  #deliver(change: StateChange<V>) {
    const {onChange} = this.definition;
    if (onChange) this.#call(onChange, undefined, change, this);
    if (this.#all) for (const listener of this.#all) this.#call(listener, undefined, change);
    const keyed = this.#byKey?.get(change.key);
    if (keyed) for (const listener of keyed) this.#call(listener, undefined, change);
    if (this.#host !== silentHost) {
      const {key, value, previous, source} = change;
      this.#call(this.#host.change, this.#host, {namespace: this.definition.name, key, value, previous, source});
    }
  }

  /** Delivers `event` now, or holds it back while the store starts (a framework may be mid-commit). */
  #emit(event: Held) {
    if (this.#starting) return void (this.#held ??= []).push(event);
    if (this.#held) this.#release();
    if (typeof event === 'function') event();
    else this.#deliver(event as StateChange<V>);
  }

  #release() {
    const held = this.#held;
    this.#held = undefined;
    held?.forEach((event) => this.#emit(event));
  }

  #call<A, B>(fn: (a: A, b: B) => void, receiver: unknown, a: A, b?: B) {
    try {
      fn.call(receiver, a, b as B);
    } catch (error) {
      // A listener's exception must stop neither the others nor the store, as with DOM events.
      if (this.#host.report) this.#host.report(error);
      else void Promise.reject(error);
    }
  }
}

// Every method works unbound (useSyncExternalStore(store.subscribe, store.snapshot), event
// handlers): bound on first use, per store, and kept as its own property, so later calls cost a
// method call and a store's start binds nothing it is not asked for.
for (const name of BOUND) {
  const method = StateStore.prototype[name] as (...args: unknown[]) => unknown;
  Object.defineProperty(StateStore.prototype, name, {
    configurable: true,
    get(this: StateStore) {
      const bound = method.bind(this);
      Object.defineProperty(this, name, {value: bound, configurable: true, writable: true});
      return bound;
    },
  });
}
