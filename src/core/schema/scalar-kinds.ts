import {DEV} from '../../dev.js';
import {badValue} from '../errors/errors.js';
import {checkType, invalid, makeVar, scalar, type Kind, type Nullable, type StateVar, type VarOptions} from './var.js';

// Each builder is its own statement, marked pure: a bundler keeps only the kinds an app declares.

/**
 * Text; default `''`.
 *
 * @example
 * ```ts
 * const taskId = stateVar.string('', {urlKey: 'tid'});
 * ```
 */
export const string = /* @__PURE__ */ scalar<string>(
  {
    type: 'string',
    check: (value) => checkType('a string', typeof value === 'string'),
    format: (value) => value,
    parse: (text) => text,
    emptyIsValue: true,
  },
  '',
);

/**
 * A safe integer; default `0`. URL: `42`.
 *
 * @example
 * ```ts
 * const priority = stateVar.int(1, {valueMap: {1: 'low', 2: 'mid', 3: 'high'}});
 * ```
 */
export const int = /* @__PURE__ */ scalar<number>(
  {
    type: 'int',
    check: (value) => checkType('an integer', Number.isSafeInteger(value)),
    format: String,
    // A canonical integer (what page-state writes) parses without the pattern; `007` and `-0` still do with it.
    parse: (text) =>
      (Number.isSafeInteger(+text) && String(+text) === text) || /^-?\d{1,16}$/.test(text)
        ? +text
        : invalid(`"${text}" is not an integer`),
  },
  0,
);

/**
 * A finite number; default `0`. URL: `0.5`.
 *
 * @example
 * ```ts
 * const ratio = stateVar.float(0.5);
 * ```
 */
export const float = /* @__PURE__ */ scalar<number>(
  {
    type: 'float',
    check: (value) => checkType('a finite number', Number.isFinite(value)),
    equals: (a, b) => a === b,
    format: String,
    parse: (text) =>
      /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) && Number.isFinite(+text)
        ? +text
        : invalid(`"${text}" is not a number`),
  },
  0,
);

/**
 * Default `false`. URL: `true` / `false`.
 *
 * @example
 * ```ts
 * const done = stateVar.boolean(false);
 * ```
 */
export const boolean = /* @__PURE__ */ scalar<boolean>(
  {
    type: 'boolean',
    check: (value) => checkType('a boolean', typeof value === 'boolean'),
    format: String,
    parse: (text) =>
      text === 'true' || text === '1'
        ? true
        : text === 'false' || text === '0'
          ? false
          : invalid(`"${text}" is not true or false`),
  },
  false,
);

/**
 * One of `values` (strings); default the first. It is `stateVar.enum`.
 *
 * @example
 * ```ts
 * const status = stateVar.enum(['pending', 'active'] as const, 'pending');
 * ```
 */
export function enumVar<const T extends string, const O extends VarOptions = {}>(
  values: readonly T[],
  defaultValue: Nullable<NoInfer<T>, O> = values[0] as T,
  options?: O,
): StateVar<Nullable<T, O>> {
  if (!values.length) badValue('enum', values, DEV && 'give at least one value');
  const kind: Kind<T> = {
    type: 'enum',
    check: (value) => (values.includes(value as T) ? undefined : `expected one of ${values.join(', ')}`),
    format: (value) => value,
    parse: (text) =>
      values.includes(text as T) ? (text as T) : invalid(`"${text}" is not one of ${values.join(', ')}`),
    emptyIsValue: values.includes('' as T),
  };
  return makeVar(kind as Kind<Nullable<T, O>>, defaultValue, options);
}
