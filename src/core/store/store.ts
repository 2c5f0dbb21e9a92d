import type {JsonValue, PersistMode, StateChange, StateDefinition, StateValues, StateVar, VarMap} from '../types.js';
import {debug, debugging} from '../../debug/log.js';
import {DEV} from '../../dev.js';
import {describe, ErrorCode, StateValidationError} from '../errors/errors.js';
import {
  freshDefault,
  persists,
  type LayerMaker,
  type Mirror,
  type Mirroring,
  type StoreFeed,
  type StoreLink,
} from './layers.js';
import {HYDRATED, type Hydrating, type Hydration} from './hydration.js';
import {Outbox, resolved} from './change-delivery.js';
import type {ChangeSource, StateListener, StoreHost, VarSchema} from '../types.js';
import {startLayers} from './start-layers.js';
import {liveView} from './live-view.js';

type Key<V extends VarMap> = keyof V & string;
type Values = Record<string, unknown>;

const silentHost: StoreHost = {change() {}, error() {}};
const BOUND = [
  'get',
  'peek',
  'set',
  'reset',
  'clear',
  'dump',
  'schema',
  'subscribe',
  'snapshot',
  'focus',
  'href',
] as const;

/**
 * What a bare {@link StateStore} starts from, besides its definition (stores of a page come
 * from `stateOf`, controllers and elements; a bare one, mirrored nowhere, suits Node and workers).
 *
 * @example
 * ```ts
 * const store = new StateStore(App, {initial: {page: 2}});
 * store.subscribe(({key, value}) => console.log(key, value));
 * ```
 */
export interface StateStoreOptions {
  /** @internal Receives every change and rejected value (its scope's DOM events). Default: silent. */
  host?: StoreHost;
  /** Values the store starts with (validated like `set`: an invalid one throws a `StateValidationError`). */
  initial?: Partial<Record<string, unknown>>;
  /** @internal The layers mirroring the store, in precedence order (the first that holds a value wins). */
  layers?: readonly LayerMaker[];
  /** @internal Where the namespace persists: its own option, or its scope's. */
  persist?: PersistMode;
  /** @internal Records the store in its scope, before anything leaves it, with its switch for mirroring. */
  register?(store: StateStore<any>, mirroring: Mirroring): void;
}

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
export class StateStore<V extends VarMap = VarMap> {
  #state?: StateValues<V>;
  #hydration: Hydration = HYDRATED;
  /** Resolves when every async source (server storage) has been applied. */
  readonly ready: Promise<void> = resolved;
  /** A plain object: var names are identifier-safe and never `__proto__`, `constructor` or
   * `prototype` (defineState refuses them), and V8 keeps it in fast mode (see the bench). */
  readonly #values: Values = {};
  readonly #mirrors: Mirror[] = [];
  #snapshot?: Readonly<StateValues<V>>;
  /** Its listeners, and the events its start holds back. */
  readonly #outbox: Outbox<StateChange<V>>;
  #link: StoreLink;
  readonly #host: StoreHost;
  readonly #persist: PersistMode;

  constructor(
    readonly definition: StateDefinition<V>,
    options: StateStoreOptions = {},
  ) {
    const {host = silentHost, initial, layers = [], persist = definition.persist, register} = options;
    this.#host = host;
    this.#persist = persist;
    // Every method works unbound (useSyncExternalStore(store.subscribe, store.snapshot), event handlers).
    const self = this as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of BOUND) self[name] = self[name]!.bind(this);
    this.#outbox = new Outbox((change) => this.#deliver(change), host);
    // Not through #fresh: #valid is set()'s path, and feeding it every var of every store at start
    // slows set() itself (the bench's set() rows).
    for (const key of definition.keys) this.#values[key] = freshDefault(definition, key);
    register?.(this, (on) => this.#link[on ? 'resume' : 'suspend']?.());
    if (host.declared) this.#outbox.emit(() => host.declared!(definition.name));
    const feed: StoreFeed = {
      definition,
      peek: this.peek,
      values: () => this.#values,
      accept: (values, source) => this.#commit(values, source),
      mirror: (mirror) => void this.#mirrors.push(mirror),
      report: this.#report.bind(this),
      watched: () => this.#outbox.watchers > 0,
    };
    const {link, late} = startLayers(feed, layers, initial && this.#validated(initial));
    this.#link = link;
    if (late) this.ready = this.#hydrate(late);
    else this.#init();
    this.#outbox.started();
  }

  /** Step 3 of its life: onInit, once. */
  #init() {
    // defineState typed its hooks with the store of its vars: this one.
    if (this.definition.onInit) this.#outbox.call(this.definition.onInit as (store: this) => void, undefined, this);
  }

  /** Applies the async sources where nothing was written meanwhile, then onInit; resolves `ready`. */
  #hydrate(late: Promise<Values>): Promise<void> {
    const hydration: Hydrating = (this.#hydration = {written: new Set()});
    return late
      .then((values) => {
        for (const key of hydration.written) delete values[key];
        this.#commit(values, 'storage');
      })
      .catch((error: unknown) => this.#report(null, String(error), null))
      .finally(() => {
        this.#hydration = HYDRATED;
        this.#init();
      });
  }

  #report(key: string | null, reason: string, raw: unknown, warning = false): void {
    const detail = {namespace: this.definition.name, key, reason, raw};
    this.#outbox.emit(() => (warning ? this.#host.warn?.(detail) : this.#host.error(detail)));
  }

  /** True once every async source (server storage) has been applied. */
  get hydrated(): boolean {
    return this.#hydration === HYDRATED;
  }

  /** Live object: read and assign vars; assignment validates like `set`. */
  get state(): StateValues<V> {
    // Made on first use: most stores are read through get() or a controller. get and set are
    // bound (constructor), so they serve as the accessors themselves.
    return (this.#state ??= liveView(
      this.definition.keys,
      this.get as (key: string) => unknown,
      this.set as (key: string, value: unknown) => void,
    ));
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
      out[key] = {
        type: v.type,
        default: v.toJSON(v.defaultValue),
        urlKey: param,
        persist: persists(this.definition, this.#persist, key),
        history,
        nullable: v.nullable,
      };
    }
    return out;
  }

  /**
   * Calls `listener` for every real change (of `keys` only, when given). Returns the function
   * that unsubscribes. While subscribed, the namespace is on screen: a selfish claim keeps its
   * params, and if one purged them, they come back.
   */
  subscribe(listener: StateListener<V>, keys?: readonly Key<V>[]): () => void {
    // Only an undeclared key goes on to #fresh, for its error: #valid stays the path of set() alone.
    keys?.forEach((key) => Object.hasOwn(this.definition.vars, key) || this.#fresh(key));
    // Every key is all keys: one set, not one per key.
    const remove = this.#outbox.add(
      listener,
      !keys || new Set(keys).size === this.definition.keys.length ? undefined : keys,
    );
    if (this.#outbox.watchers === 1) this.#link.show?.();
    return remove;
  }

  #var(key: string): StateVar {
    return this.definition.vars[key] as StateVar;
  }

  /** A fresh copy of the default of `key` (valid: defaults are checked when declared); throws a
   * {@link StateValidationError} (`PS_UNKNOWN_KEY`) when undeclared. */
  #fresh(key: string): unknown {
    return this.#valid(key, this.#var(key)?.defaultValue);
  }

  #reason(
    key: string,
    value: unknown,
  ): [typeof ErrorCode.invalidValue | typeof ErrorCode.unknownKey, string] | undefined {
    if (!Object.hasOwn(this.definition.vars, key)) return [ErrorCode.unknownKey, 'not a declared var'];
    const reason = this.#var(key).check(value);
    return reason === undefined ? undefined : [ErrorCode.invalidValue, reason];
  }

  /** Stores `value` unless equal to the current one; returns the change, if any. */
  #apply(key: string, value: unknown, source: ChangeSource): StateChange<V> | undefined {
    const previous = this.#values[key];
    if (this.#var(key).equals(previous, value)) return undefined;
    this.#values[key] = value;
    if (source !== 'init' && this.#hydration !== HYDRATED) this.#hydration.written.add(key);
    this.#snapshot = undefined;
    return {namespace: this.definition.name, key, value, previous, source} as StateChange<V>;
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
    this.#outbox.emit(change);
  }

  /** A change, to the store's hooks and listeners, then its host (DOM events). */
  #deliver(change: StateChange<V>) {
    if (DEV && debugging('store'))
      debug('store', `${change.namespace}.${change.key} = ${describe(change.value)} (${change.source})`, {
        previous: change.previous,
      });
    const {onChange} = this.definition;
    if (onChange) this.#outbox.call(onChange as (change: StateChange<V>, store: this) => void, undefined, change, this);
    this.#outbox.notify(change);
    if (this.#host !== silentHost) this.#outbox.call(this.#host.change, this.#host, change);
  }
}
