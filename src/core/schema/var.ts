import {DEV} from '../../dev.js';
import {badValue} from '../errors/errors.js';
import {checkOptions} from '../errors/check-options.js';

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

/** What a var kind (int, date, list...) must provide; `makeVar` adds null and valueMap. */
export interface Kind<T> {
  type: string;
  /** Reason `value` is not a `T`, or undefined. */
  check(value: unknown): string | undefined;
  format(value: T): string;
  /** Throws `TypeError(reason)` on invalid text. */
  parse(text: string): T;
  equals?(a: T, b: T): boolean;
  copy?(value: T): T;
  toJSON?(value: T): JsonValue;
  fromJSON?(json: unknown): T;
  /** Whether `''` is a valid text of the kind (then `''` cannot stand for null). */
  emptyIsValue?: boolean;
}

/** A rejected text or JSON input: a `TypeError` whose message is the reason. */
export const invalid = (reason: string): never => {
  throw new TypeError(reason);
};

const VAR_OPTION_KEYS = ['urlKey', 'valueMap', 'persist', 'history', 'nullable'];

/** Combines a kind with the default and options every var has. */
export function makeVar<T>(kind: Kind<T>, defaultValue: T, options: VarOptions = {}): StateVar<T> {
  // Production says what was wrong; development also which builder.
  const where = DEV ? `stateVar.${kind.type.replace(/<.*/, '')}: ` : '';
  checkOptions(options, VAR_OPTION_KEYS, where);
  const nullable = !!options.nullable;
  const {check: kindCheck, equals = Object.is, copy = (v: T) => v} = kind;
  const check = (value: unknown) =>
    value === null && nullable ? undefined : value === undefined ? 'a value is required' : kindCheck(value);
  const toToken = new Map(Object.entries(options.valueMap ?? {}));
  const fromToken = new Map([...toToken].map(([text, token]) => [token, text]));
  const fromJSON = kind.fromJSON ?? ((json: unknown) => json as T);
  const self: StateVar<T> = {
    type: kind.type,
    defaultValue,
    options,
    nullable,
    check,
    equals: (a, b) => a === b || (a !== null && b !== null && equals(a, b)),
    copy: (value) => (value === null ? value : copy(value)),
    encode: (value) => {
      if (value === null) return '';
      const text = kind.format(value);
      return toToken.get(text) ?? text;
    },
    decode(text) {
      if (text === '' && nullable && !kind.emptyIsValue) return null as T;
      const value = kind.parse(fromToken.size ? (fromToken.get(text) ?? text) : text);
      const reason = check(value);
      return reason === undefined ? self.copy(value) : invalid(reason);
    },
    toJSON: (value) => (value === null ? null : kind.toJSON ? kind.toJSON(value) : (value as JsonValue)),
    fromJSON(json) {
      const value = json === null ? (null as T) : fromJSON(json);
      const reason = check(value);
      return reason === undefined ? self.copy(value) : invalid(reason);
    },
  };
  const reason = check(defaultValue);
  if (reason !== undefined) badValue(`${where}default`, defaultValue, DEV && `not a valid ${kind.type}: ${reason}`);
  for (const [text, token] of toToken) {
    if (!token || fromToken.get(token) !== text)
      badValue(`${where}valueMap`, token, DEV && 'a token is empty or used twice');
    try {
      self.decode(token);
    } catch (e) {
      badValue(`${where}valueMap`, text, DEV && `a key is not a valid ${kind.type}: ${(e as Error).message}`);
    }
  }
  return Object.freeze(self);
}
