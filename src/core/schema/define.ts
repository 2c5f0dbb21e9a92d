import {DEV} from '../../dev.js';
import {badValue} from '../errors/errors.js';
import {checkOptions} from '../errors/check-options.js';
import type {ChangeSource, StorageAdapter, VarSchema} from '../types.js';
import type {StateStore} from '../store/store.js';
import type {HistoryMode, StateVar, ValueOf} from './var.js';

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
 * `page-state-change` DOM event (there untyped: `StateChange` of any namespace).
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
 * Where a namespace persists: nowhere, browser storage, the server session, or your adapter.
 *
 * @example
 * ```ts
 * const Draft = defineState('Draft', {persist: 'session', vars: {text: stateVar.string()}});
 * ```
 */
export type PersistMode = false | 'session' | 'local' | 'server' | StorageAdapter;

/**
 * Options of {@link defineState}; every one but `vars` is optional.
 *
 * @example
 * ```ts
 * const opts: StateOptions<{q: StateVar<string>}> = {urlPrefix: 'f_', vars: {q: stateVar.string()}};
 * ```
 */
export interface StateOptions<V extends VarMap> {
  /** Prepended to every var's URL key. Default `''`. */
  urlPrefix?: string;
  /** Purge other namespaces' params when this one claims the URL. Default false. */
  urlSelfish?: boolean;
  /** Namespaces (names or definitions) whose params a claim of this one keeps. */
  shareUrlWith?: readonly (string | {readonly name: string})[];
  /** Put a var's param back when it vanished from the URL and the var is touched. Default true. */
  restoreUrlOnTouch?: boolean;
  /** Leave a value equal to its default out of the URL. Default true. */
  clearOnDefault?: boolean;
  /** History mode of URL writes. Default `'replace'`. */
  history?: HistoryMode;
  /** Default false. */
  persist?: PersistMode;
  /** Version of the persisted shape. Default 1. */
  version?: number;
  /** Seconds the namespace's persisted data lives after its last write, in every storage
   * (browser storage drops it on read past it; the server caps it at its session TTL). Default:
   * as long as its storage keeps it. */
  ttlSeconds?: number;
  /** Upgrades persisted values written by an older `version`. */
  migrate?: (old: Record<string, unknown>, fromVersion: number) => Record<string, unknown>;
  vars: V;
  /** Called once, after the first hydration. */
  onInit?: (store: StateStore<V>) => void;
  /** Called for every real change (falsy previous values included). */
  onChange?: (change: StateChange<V>, store: StateStore<V>) => void;
}

/**
 * Where and how one var is mirrored: what `schema()` says of it, with its param under
 * the name other copies of page-state read (the URL protocol).
 */
export type VarBinding = Pick<VarSchema, 'persist' | 'history'> & {param: string | null};

/**
 * A validated, frozen namespace definition; pass it to `stateOf` or a `StateController`.
 *
 * @example
 * ```ts
 * const App: StateDefinition<{n: StateVar<number>}> = defineState('App', {vars: {n: stateVar.int(0)}});
 * App.keys; // ['n']
 * ```
 */
export interface StateDefinition<V extends VarMap = VarMap>
  extends
    Readonly<Required<Omit<StateOptions<V>, 'migrate' | 'onInit' | 'onChange' | 'shareUrlWith' | 'ttlSeconds'>>>,
    Readonly<Pick<StateOptions<V>, 'migrate' | 'onInit' | 'onChange' | 'ttlSeconds'>> {
  readonly name: string;
  readonly shareUrlWith: readonly string[];
  readonly keys: readonly (keyof V & string)[];
  /** @internal */
  readonly bindings: Readonly<Record<keyof V & string, VarBinding>>;
  /** @internal URL param → var key. */
  readonly params: ReadonlyMap<string, keyof V & string>;
  /** @internal Equal for definitions that are interchangeable (two bundled copies of one module). */
  readonly fingerprint: string;
}

/** Namespace and var names: 1-64 letters, digits or _, not starting with a digit. The server
 * session store checks namespace names in its URLs with it too. */
export const NAME = /^[A-Za-z_]\w{0,63}$/;
const PARAM = /^[\w.~-]+$/;
const PARAM_HINT = 'use only letters, digits, _ . ~ -';
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const OPTION_KEYS = [
  'urlPrefix',
  'urlSelfish',
  'shareUrlWith',
  'restoreUrlOnTouch',
  'clearOnDefault',
  'history',
  'persist',
  'version',
  'migrate',
  'vars',
  'onInit',
  'onChange',
  'ttlSeconds',
];
const isHistory = (h: unknown): h is HistoryMode => h === 'replace' || h === 'push';
const isPersist = (p: unknown) =>
  p === false ||
  p === 'session' ||
  p === 'local' ||
  p === 'server' ||
  (typeof p === 'object' && p !== null && ['get', 'set', 'remove'].every((m) => typeof (p as never)[m] === 'function'));

/**
 * Declares a namespace of typed vars. Throws a `PageStateError` (`PS_BAD_DEFINITION`) at once
 * when the definition is malformed.
 *
 * @example
 * ```ts
 * export const AppWorkflow = defineState('AppWorkflow', {
 *   urlPrefix: 'app_',
 *   vars: {taskId: stateVar.string('', {urlKey: 'tid'}), done: stateVar.boolean(false)},
 *   onChange: ({key, value, previous}) => console.log(key, previous, '→', value),
 * });
 * ```
 */
export function defineState<V extends VarMap>(name: string, options: StateOptions<V>): StateDefinition<V> {
  // Production says the fact (`App: urlPrefix "a b" is invalid`); development adds what to do.
  if (typeof name !== 'string' || !NAME.test(name))
    badValue('namespace', name, DEV && 'use 1-64 letters, digits or _, not starting with a digit');
  const {
    urlPrefix = '',
    urlSelfish = false,
    shareUrlWith = [],
    restoreUrlOnTouch = true,
    clearOnDefault = true,
    history = 'replace',
    persist = false,
    version = 1,
    ttlSeconds,
    vars,
    migrate,
    onInit,
    onChange,
    ...unknown
  } = options ?? ({} as StateOptions<V>);
  // What is left is unknown: production needs no list of the known ones, only development's suggestion.
  checkOptions(unknown, DEV ? OPTION_KEYS : [], `${name}: `);
  const invalid = (what: string, value: unknown, hint: string | false) => badValue(`${name}: ${what}`, value, hint);
  if (typeof urlPrefix !== 'string' || (urlPrefix && !PARAM.test(urlPrefix)))
    invalid('urlPrefix', urlPrefix, DEV && PARAM_HINT);
  if (!isHistory(history)) invalid('history', history, DEV && `use 'replace' or 'push'`);
  if (!isPersist(persist))
    invalid('persist', persist, DEV && `use false, 'session', 'local', 'server' or a StorageAdapter`);
  if (!Number.isSafeInteger(version) || version < 1) invalid('version', version, DEV && 'use a positive integer');
  if (ttlSeconds !== undefined && !(Number.isFinite(ttlSeconds) && ttlSeconds > 0))
    invalid('ttlSeconds', ttlSeconds, DEV && 'use a positive number of seconds');
  for (const [hook, f] of Object.entries({migrate, onInit, onChange}))
    if (f !== undefined && typeof f !== 'function') invalid(hook, f, DEV && 'use a function');
  const keys = Object(vars) === vars ? (Object.keys(vars) as (keyof V & string)[]) : [];
  if (!keys.length) invalid('vars', vars, DEV && 'declare at least one: {name: stateVar.*(), ...}');
  const bindings = {} as Record<keyof V & string, VarBinding>;
  const params = new Map<string, keyof V & string>();
  for (const key of keys) {
    const v = vars[key] as StateVar | undefined;
    if (RESERVED.has(key) || !NAME.test(key)) invalid('var', key, DEV && 'the name is reserved or not identifier-safe');
    if (typeof v?.check !== 'function' || typeof v.encode !== 'function')
      invalid(key, v, DEV && 'build the var with stateVar.*()');
    const {urlKey = key, persist: varPersist = persist !== false, history: varHistory = history} = v!.options;
    if (urlKey !== false && (typeof urlKey !== 'string' || !PARAM.test(urlKey)))
      invalid(`${key}: urlKey`, urlKey, DEV && PARAM_HINT);
    if (!isHistory(varHistory)) invalid(`${key}: history`, varHistory, DEV && `use 'replace' or 'push'`);
    const param = urlKey === false ? null : urlPrefix + urlKey;
    if (param !== null) {
      if (params.has(param))
        invalid('param', param, DEV && `vars "${params.get(param)}" and "${key}" both use it: give one another urlKey`);
      params.set(param, key);
    }
    bindings[key] = Object.freeze({param, persist: !!varPersist, history: varHistory});
  }
  const fingerprint = JSON.stringify([
    name,
    version,
    keys.map((k) => [k, vars[k]!.type, bindings[k].param, vars[k]!.encode(vars[k]!.defaultValue)]),
  ]);
  return Object.freeze({
    ...options,
    name,
    urlPrefix,
    urlSelfish,
    restoreUrlOnTouch,
    clearOnDefault,
    history,
    persist,
    version,
    shareUrlWith: Object.freeze(shareUrlWith.map((s) => (typeof s === 'string' ? s : s.name))),
    vars: Object.freeze({...vars}),
    keys: Object.freeze(keys),
    bindings: Object.freeze(bindings),
    params,
    fingerprint,
  });
}
