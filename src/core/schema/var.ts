import {DEV} from '../../dev.js';
import {badValue} from '../errors/errors.js';
import {checkOptions} from '../errors/check-options.js';
import type {JsonValue, StateVar, VarOptions} from '../types.js';

export type {Frozen, HistoryMode, JsonValue, StateVar, ValueOf, VarOptions} from '../types.js';

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

/** The reason a value is not of a kind's type, when `ok` says it is not. */
export const checkType = (type: string, ok: boolean): string | undefined => (ok ? undefined : `expected ${type}`);

/**
 * `T`, or `T | null` when the options say `nullable: true`.
 *
 * @example
 * ```ts
 * type MaybeTitle = Nullable<string, {nullable: true}>; // string | null
 * ```
 */
export type Nullable<T, O> = O extends {nullable: true} ? T | null : T;

/** A builder of a scalar kind: the default first (else the kind's own), the options last. */
export type Scalar<T> = <const O extends VarOptions = {}>(
  defaultValue?: Nullable<T, O>,
  options?: O,
) => StateVar<Nullable<T, O>>;

/** The builder of a scalar kind whose default is `fallback` (call it `@__PURE__`: unused, it goes). */
export const scalar =
  <T>(kind: Kind<T>, fallback: T): Scalar<T> =>
  (defaultValue = fallback as never, options) =>
    makeVar(kind, defaultValue, options);

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
      // Development: a text that is no token, nor the kind's, says the tokens too ("urgent": one of low, mid, high).
      if (DEV && fromToken.size && !fromToken.has(text))
        try {
          kind.parse(text);
        } catch (e) {
          invalid(`${(e as Error).message}, nor one of ${[...fromToken.keys()].join(', ')}`);
        }
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
