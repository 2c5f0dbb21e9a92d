// Types of values every part shares: vars, namespaces' values and changes. A leaf: it imports
// nothing of page-state.

/**
 * How a URL write is recorded in the session history.
 *
 * @example
 * ```ts
 * stateVar.int(0, {history: 'push' satisfies HistoryMode}); // each change adds a history entry
 * ```
 */
export type HistoryMode = 'replace' | 'push';

/**
 * A JSON-safe value, as produced by `dump()` and stored by persistence.
 *
 * @example
 * ```ts
 * const snapshot: Record<string, JsonValue> = stateOf(App).dump();
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | {[key: string]: JsonValue};

/**
 * What reading a value gives: lists and json are frozen, so their types are `readonly` all the
 * way down (a `Date` stays a `Date`).
 *
 * @example
 * ```ts
 * type Tags = Frozen<string[]>; // readonly string[]: tags.push('x') does not compile
 * ```
 */
export type Frozen<T> = T extends Date | ((...args: any[]) => unknown)
  ? T
  : T extends readonly (infer U)[]
    ? readonly Frozen<U>[]
    : T extends object
      ? {readonly [K in keyof T]: Frozen<T[K]>}
      : T;

/**
 * Options every var accepts.
 *
 * @example
 * ```ts
 * stateVar.int(1, {urlKey: 'pri', valueMap: {1: 'low', 2: 'mid', 3: 'high'}, history: 'push'});
 * ```
 */
export interface VarOptions {
  /** Name of the URL param (before the namespace prefix); `false` keeps the var out of the URL. */
  urlKey?: string | false;
  /** Friendly URL tokens: internal value (as text) → token. */
  valueMap?: Readonly<Record<string, string>>;
  /** Whether the var is persisted; defaults to true when its namespace persists. */
  persist?: boolean;
  /** History mode for writes of this var; defaults to the namespace's. */
  history?: HistoryMode;
  /** Allow `null` as a value. */
  nullable?: boolean;
}

/**
 * One declared var: its default, validation, equality and text codec.
 * Build vars with `stateVar.*`; they are immutable and can be shared between definitions.
 *
 * @example
 * ```ts
 * const pri = stateVar.int(1);
 * pri.decode(pri.encode(3)); // 3
 * pri.check('x');            // 'expected an integer'
 * ```
 */
export interface StateVar<T = unknown> {
  /** Type name, e.g. `int`, `list<string>`, `enum`. */
  readonly type: string;
  readonly defaultValue: T;
  readonly options: Readonly<VarOptions>;
  readonly nullable: boolean;
  /** Why `value` is not acceptable, or `undefined` when it is. */
  check(value: unknown): string | undefined;
  /** Value equality: lists, dates and json compare by value. */
  equals(a: T, b: T): boolean;
  /** A fresh, normalized copy (lists and json come back frozen). */
  copy(value: T): T;
  /** Text form used in URLs (valueMap applied). */
  encode(value: T): string;
  /** Inverse of {@link encode}; throws a `TypeError` with the reason when `text` is invalid. */
  decode(text: string): T;
  /** JSON-safe form for `dump()` and storage. */
  toJSON(value: T): JsonValue;
  /** Inverse of {@link toJSON}; throws a `TypeError` with the reason when invalid. */
  fromJSON(json: unknown): T;
}

/**
 * The value type of a var.
 *
 * @example
 * ```ts
 * type Tags = ValueOf<typeof App.vars.tags>; // string[]
 * ```
 */
export type ValueOf<V> = V extends StateVar<infer T> ? T : never;

/**
 * Where a change came from.
 *
 * @example
 * ```ts
 * store.subscribe(({source}) => { if (source === 'url') console.log('back/forward'); });
 * ```
 */
export type ChangeSource = 'set' | 'reset' | 'url' | 'storage' | 'init';

/**
 * The vars of a namespace, by name.
 *
 * @example
 * ```ts
 * const vars = {q: stateVar.string(), page: stateVar.int(1)} satisfies VarMap;
 * ```
 */
export type VarMap = Record<string, StateVar<any>>;

/**
 * The values of a namespace, typed from its vars.
 *
 * @example
 * ```ts
 * type AppValues = StateValues<typeof App.vars>; // {priority: number; tags: string[]; ...}
 * ```
 */
export type StateValues<V extends VarMap> = {[K in keyof V]: ValueOf<V[K]>};

/**
 * One change of one var, as given to listeners and `onChange`, and as the detail of the
 * `page-state-change` DOM event (there untyped: `StateChange` of any namespace; one per changed
 * key per task, `previous` from before the task's first change).
 *
 * @example
 * ```ts
 * store.subscribe((change: StateChange<typeof App.vars>) => {
 *   if (change.key === 'priority') console.log(change.previous, '→', change.value);
 * });
 * scopeElement.addEventListener('page-state-change', (e) => console.log(e.detail.namespace, e.detail.key, e.detail.source));
 * ```
 */
export type StateChange<V extends VarMap = VarMap> = {
  [K in keyof V & string]: {
    namespace: string;
    key: K;
    value: ValueOf<V[K]>;
    previous: ValueOf<V[K]>;
    source: ChangeSource;
  };
}[keyof V & string];

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
