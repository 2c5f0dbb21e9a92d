import type {HistoryMode, StateChange, VarMap, VarSchema} from './values.js';
import type {PersistMode} from './ports.js';

/**
 * Options of {@link defineState}; every one but `vars` is optional. `Store` is what the hooks
 * get: `defineState` gives them the namespace's `StateStore`.
 *
 * @example
 * ```ts
 * const opts: StateOptions<{q: StateVar<string>}> = {urlPrefix: 'f_', vars: {q: stateVar.string()}};
 * ```
 */
export interface StateOptions<V extends VarMap, Store = unknown> {
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
  onInit?: (store: Store) => void;
  /** Called for every real change (falsy previous values included). */
  onChange?: (change: StateChange<V>, store: Store) => void;
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
    // Its hooks take the store they were declared for (defineState's); `never` here accepts them all.
    Readonly<Pick<StateOptions<V, never>, 'migrate' | 'onInit' | 'onChange' | 'ttlSeconds'>> {
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
