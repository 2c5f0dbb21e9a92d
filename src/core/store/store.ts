import type {JsonValue, PersistMode, StateChange, StateDefinition, StateValues, StateVar, VarMap} from '../types.js';
import {freshDefault, type StoreFeed, type StoreLink} from './layers.js';
import type {StateStoreOptions} from './store-options.js';
import {HYDRATED, type Hydrating, type Hydration} from './hydration.js';
import {Outbox, resolved} from './change-delivery.js';
import type {ChangeSource, StateListener, StoreHost, VarSchema} from '../types.js';
import {startLayers} from './start-layers.js';
import {liveView} from './live-view.js';
import {defaults, valid, validated} from './validation.js';
import {dumpOf, schemaOf} from './described.js';
import {bindOnRead} from './bound-methods.js';

export type {StateStoreOptions} from './store-options.js';

type Key<V extends VarMap> = keyof V & string;
type Values = Record<string, unknown>;

const silentHost: StoreHost = {error() {}};
const BOUND = ['get', 'peek', 'set', 'reset', 'clear', 'dump', 'schema', 'subscribe', 'snapshot', 'focus', 'href'];

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
  /** A plain object (why: the bench's set() rows): defineState refuses `__proto__`, `constructor`, `prototype`. */
  readonly #values: Values = {};
  #snapshot?: Readonly<StateValues<V>>;
  /** Who hears its changes, and when. */
  readonly #outbox: Outbox<StateChange<V>>;
  #link: StoreLink;
  readonly #persist: PersistMode;

  constructor(
    readonly definition: StateDefinition<V>,
    options: StateStoreOptions = {},
  ) {
    const {host = silentHost, initial, layers = [], persist = definition.persist, register} = options;
    this.#persist = persist;
    const outbox = (this.#outbox = new Outbox(definition, host, this));
    // Not through valid(), set()'s path: see the bench's set() rows.
    for (const key of definition.keys) this.#values[key] = freshDefault(definition, key);
    register?.(this, (on) => this.#link[on ? 'resume' : 'suspend']?.());
    if (host.declared) outbox.emit(() => host.declared!(definition.name));
    const feed: StoreFeed = {
      definition,
      values: () => this.#values,
      accept: (values, source) => this.#commit(values, source),
      mirror: (mirror) => outbox.mirror(mirror),
      report: outbox.report,
      watched: () => outbox.watchers > 0,
    };
    const {link, late} = startLayers(feed, layers, initial && validated(definition, initial));
    this.#link = link;
    if (late) this.ready = this.#hydrate(late);
    else outbox.init();
    outbox.started();
  }

  /** Applies the async sources where nothing was written meanwhile, then onInit; resolves `ready`. */
  #hydrate(late: Promise<Values>): Promise<void> {
    const hydration: Hydrating = (this.#hydration = {written: new Set()});
    return late
      .then((values) => {
        for (const key of hydration.written) delete values[key];
        this.#commit(values, 'storage');
      })
      .catch((error: unknown) => this.#outbox.report(null, String(error), null))
      .finally(() => {
        this.#hydration = HYDRATED;
        this.#outbox.init();
      });
  }

  /** True once every async source (server storage) has been applied. */
  get hydrated(): boolean {
    return this.#hydration === HYDRATED;
  }

  /** Live object: read and assign vars; assignment validates like `set`. */
  get state(): StateValues<V> {
    // Made on first use: most stores are read through get() or a controller.
    return (this.#state ??= liveView(this.definition.keys, this.get, this.set));
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

  /** Claims the URL: writes this namespace's params and removes every param not its own, not of a
   * namespace in its `shareUrlWith`, not kept by `keep-params` and not of a namespace on screen. */
  focus(): void {
    this.#link.focus?.();
  }

  /** The URL of a deep link to this state, with `values` overlaid (validated like `set`). */
  href(values: Partial<StateValues<V>> = {}): string {
    return this.#link.href?.({...this.#values, ...validated(this.definition, values)}) ?? '';
  }

  /** Writes one var, or several atomically: when any value is invalid, nothing changes and a
   * {@link StateValidationError} names the namespace, var and reason. */
  set<K extends Key<V>>(key: K, value: StateValues<V>[K]): void;
  set(values: Partial<StateValues<V>>): void;
  set(keyOrValues: string | object, value?: unknown): void {
    this.#link.touch?.();
    if (typeof keyOrValues !== 'string') return this.#commit(validated(this.definition, keyOrValues), 'set');
    // One var, without the arrays a multi-set needs (the bench's set() rows).
    const change = this.#apply(keyOrValues, valid(this.definition, keyOrValues, value), 'set');
    if (change) this.#outbox.send(change);
  }

  /** Puts one var, or every var, back to a fresh copy of its default. */
  reset(key?: Key<V>): void {
    this.#commit(defaults(this.definition, key === undefined ? this.definition.keys : [key]), 'reset');
  }

  /** Resets to defaults and deletes persisted data (server session data included), after any of
   * this namespace's writes already on their way; pending writes are dropped. */
  async clear(): Promise<void> {
    this.#commit(defaults(this.definition, this.definition.keys), 'reset', true);
    await this.#link.clear?.();
  }

  /** A frozen plain object of every var that keeps its identity until the next change: what
   * `useSyncExternalStore`, a Vue `shallowRef` or a memoised selector compare. */
  snapshot(): Readonly<StateValues<V>> {
    return (this.#snapshot ??= Object.freeze({...this.#values}) as StateValues<V>);
  }

  /** A plain JSON-safe snapshot of every var (dates as ISO strings). */
  dump(): Record<Key<V>, JsonValue> {
    return dumpOf(this.definition, this.#values);
  }

  /** Describes every var: type, default, URL param, persistence (in this scope), history mode. */
  schema(): Record<Key<V>, VarSchema> {
    return schemaOf(this.definition, this.#persist);
  }

  /**
   * Calls `listener` at once for every real change (of `keys` only, when given): one call per
   * change, where the `page-state-change` DOM event is one per changed key per task. Returns the
   * function that unsubscribes. While subscribed, the namespace is on screen: a selfish claim
   * keeps its params, and if one purged them, they come back.
   */
  subscribe(listener: StateListener<V>, keys?: readonly Key<V>[]): () => void {
    const remove = this.#outbox.add(listener, keys);
    if (this.#outbox.watchers === 1) this.#link.show?.();
    return remove;
  }

  /** Stores `value` unless equal to the current one; returns the change, if any. */
  #apply(key: string, value: unknown, source: ChangeSource): StateChange<V> | undefined {
    const previous = this.#values[key];
    if ((this.definition.vars[key] as StateVar).equals(previous, value)) return undefined;
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
    for (const change of changes) this.#outbox.send(change, clearing);
  }
}

// Every method works unbound (useSyncExternalStore(store.subscribe, store.snapshot), event handlers).
bindOnRead(StateStore.prototype, BOUND);
