import {DEV} from '../../dev.js';
import {checkSchema, customKind, jsonKind, type CustomSpec, type Schema, type SchemaValue} from './json-kind.js';
import {listKind} from './list-kind.js';
import {booleanKind, dateKind, datetimeKind, enumKind, floatKind, intKind, stringKind} from './scalar-kinds.js';
import {badValue} from '../errors/errors.js';
import {makeVar, type Frozen, type Kind, type StateVar, type ValueOf, type VarOptions} from './var.js';

/**
 * `T`, or `T | null` when the options say `nullable: true`.
 *
 * @example
 * ```ts
 * type MaybeTitle = Nullable<string, {nullable: true}>; // string | null
 * ```
 */
export type Nullable<T, O> = O extends {nullable: true} ? T | null : T;

type Scalar<T> = <const O extends VarOptions = {}>(
  defaultValue?: Nullable<T, O>,
  options?: O,
) => StateVar<Nullable<T, O>>;

const scalar =
  <T>(kind: Kind<T>, fallback: T): Scalar<T> =>
  (defaultValue = fallback as never, options) =>
    makeVar(kind, defaultValue, options);

const day =
  (kind: Kind<Date>) =>
  (defaultValue: Date | null = null, options?: Omit<VarOptions, 'nullable'>): StateVar<Date | null> =>
    makeVar<Date | null>(kind as Kind<Date | null>, defaultValue, {...options, nullable: true});

/**
 * Builders of typed vars for `defineState({vars})`. Each takes the default value first and the
 * {@link VarOptions} last.
 *
 * @example
 * ```ts
 * const vars = {
 *   taskId: stateVar.string('', {urlKey: 'tid'}),
 *   priority: stateVar.int(1, {valueMap: {1: 'low', 2: 'mid', 3: 'high'}}),
 *   due: stateVar.date(null),
 *   status: stateVar.enum(['pending', 'active'] as const, 'pending'),
 *   tags: stateVar.list(stateVar.string(), []),
 * };
 * ```
 */
export const stateVar = {
  /** Text; default `''`. */
  string: scalar(stringKind, ''),
  /** A safe integer; default `0`. URL: `42`. */
  int: scalar(intKind, 0),
  /** A finite number; default `0`. URL: `0.5`. */
  float: scalar(floatKind, 0),
  /** Default `false`. URL: `true` / `false`. */
  boolean: scalar(booleanKind, false),
  /** A calendar day (`Date` at UTC midnight) or null; default null. URL: `2026-11-22`. */
  date: day(dateKind),
  /** An instant or null; default null. URL: ISO-8601 UTC. */
  datetime: day(datetimeKind),
  /** One of `values` (strings); default the first. */
  enum<const T extends string, const O extends VarOptions = {}>(
    values: readonly T[],
    defaultValue: Nullable<NoInfer<T>, O> = values[0] as T,
    options?: O,
  ): StateVar<Nullable<T, O>> {
    if (!values.length) badValue('enum', values, DEV && 'give at least one value');
    return makeVar(enumKind(values) as Kind<Nullable<T, O>>, defaultValue, options);
  },
  /** A list of one scalar var's values; default `[]`. URL: `a,b,c`. Read as a frozen, `readonly` array. */
  list<I extends StateVar<any>>(
    item: I,
    defaultValue: readonly NonNullable<ValueOf<I>>[] = [],
    options?: Omit<VarOptions, 'nullable'>,
  ): StateVar<readonly NonNullable<ValueOf<I>>[]> {
    return makeVar(listKind(item) as Kind<readonly NonNullable<ValueOf<I>>[]>, defaultValue, options);
  },
  /** JSON validated by a superstruct `Struct` or any Standard Schema. URL: compact JSON. Read as a deeply frozen, `readonly` value. */
  json<S extends Schema<any>, const O extends VarOptions = {}>(
    schema: S,
    defaultValue: Nullable<Frozen<SchemaValue<S>>, O>,
    options?: O,
  ): StateVar<Nullable<Frozen<SchemaValue<S>>, O>> {
    return makeVar(
      jsonKind(checkSchema(schema, DEV ? 'stateVar.json: ' : '')) as Kind<Nullable<Frozen<SchemaValue<S>>, O>>,
      defaultValue,
      options,
    );
  },
  /** Any other type, given its schema and text codec. */
  custom<T, const O extends VarOptions = {}>(
    spec: CustomSpec<T>,
    defaultValue: Nullable<T, O>,
    options?: O,
  ): StateVar<Nullable<T, O>> {
    checkSchema(spec?.struct, DEV ? 'stateVar.custom: ' : '');
    return makeVar(customKind(spec) as Kind<Nullable<T, O>>, defaultValue, options);
  },
};
