import {DEV} from '../../dev.js';
import {badValue} from '../errors/errors.js';
import {checkOptions} from '../errors/check-options.js';
import type {StateStore} from '../store/store.js';
import type {HistoryMode, PersistMode, StateDefinition, StateOptions, StateVar, VarBinding, VarMap} from '../types.js';

export type {
  PersistMode,
  StateChange,
  StateDefinition,
  StateOptions,
  StateValues,
  VarBinding,
  VarMap,
} from '../types.js';

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
/** Whether `p` is a `persist` option: false, a mode or a `StorageAdapter`. */
export const isPersist = (p: unknown): p is PersistMode =>
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
export function defineState<V extends VarMap>(
  name: string,
  options: StateOptions<V, StateStore<V>>,
): StateDefinition<V> {
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
  } = options ?? ({} as StateOptions<V, StateStore<V>>);
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
  if (!keys.length)
    invalid(
      'vars',
      vars,
      DEV && 'declare at least one: {name: stateVar.*(), ...} (in markup, a <state-var name="...">)',
    );
  const bindings = {} as Record<keyof V & string, VarBinding>;
  const params = new Map<string, keyof V & string>();
  for (const key of keys) {
    const v = vars[key] as StateVar | undefined;
    if (RESERVED.has(key) || !NAME.test(key)) invalid('var', key, DEV && 'the name is reserved or not identifier-safe');
    if (typeof v?.check !== 'function' || typeof v.encode !== 'function')
      invalid(key, v, DEV && 'build the var with stateVar.*()');
    const {urlKey = key, persist: varPersist = persist !== false, history: varHistory = history} = v!.options;
    if (urlKey !== false && (typeof urlKey !== 'string' || !PARAM.test(urlKey)))
      invalid(
        `${key}: urlKey`,
        urlKey,
        DEV && (urlKey === '' ? 'use false to keep the var out of the URL' : PARAM_HINT),
      );
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
