import type {Struct} from 'superstruct';
import {DEV} from '../../dev.js';
import {badValue} from '../errors/errors.js';
import {invalid, makeVar, type Frozen, type Kind, type Nullable, type StateVar, type VarOptions} from './var.js';

/**
 * The part of the Standard Schema interface (zod, valibot, arktype...) that page-state uses.
 *
 * @example
 * ```ts
 * const positive: StandardSchema<number> = {'~standard': {version: 1, vendor: 'me',
 *   validate: (v) => (typeof v === 'number' && v > 0 ? {value: v} : {issues: [{message: 'must be > 0'}]})}};
 * ```
 */
export interface StandardSchema<Output = unknown> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: {readonly input: unknown; readonly output: Output} | undefined;
  };
}

/**
 * What a Standard Schema's `validate` returns.
 *
 * @example
 * ```ts
 * const ok: StandardResult<number> = {value: 1};
 * const bad: StandardResult<number> = {issues: [{message: 'must be > 0', path: ['n']}]};
 * ```
 */
export type StandardResult<Output> =
  | {readonly value: Output; readonly issues?: undefined}
  | {readonly issues: ReadonlyArray<{readonly message: string; readonly path?: ReadonlyArray<unknown> | undefined}>};

/**
 * A superstruct `Struct` or any Standard Schema.
 *
 * @example
 * ```ts
 * const filters: Schema<{min: number}> = object({min: number()}); // or a zod/valibot schema
 * ```
 */
export type Schema<T = unknown> = Struct<T, any> | StandardSchema<T>;

/**
 * The value type a {@link Schema} accepts.
 *
 * @example
 * ```ts
 * type Filters = SchemaValue<typeof filtersSchema>; // what stateVar.json(filtersSchema, ...) holds
 * ```
 */
export type SchemaValue<S> = S extends Struct<infer T, any> ? T : S extends StandardSchema<infer O> ? O : never;

/** `schema` when it is a superstruct `Struct` or a Standard Schema; else a `PS_BAD_DEFINITION`
 * error saying what to pass (a forgotten schema would fail later, with a TypeError). */
export function checkSchema<S>(schema: S, where: string): S {
  const s = schema as {'~standard'?: unknown; validate?: unknown} | null | undefined;
  // Production checks only for a forgotten one (the rest fails at the first validation).
  return (DEV ? s?.['~standard'] || s?.validate : s)
    ? schema
    : badValue(
        `${where}schema`,
        schema,
        DEV && 'pass a superstruct Struct or a Standard Schema (zod, valibot, arktype) first, then the default',
      );
}

/** Why `value` fails `schema`, or undefined. */
export function schemaReason(schema: Schema<any>, value: unknown): string | undefined {
  if ('~standard' in schema) {
    const result = schema['~standard'].validate(value);
    if (result instanceof Promise) return 'async schemas are not supported';
    const issue = result.issues?.[0];
    if (!issue) return undefined;
    const path = (issue.path ?? []).map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p));
    return path.length ? `${path.join('.')}: ${issue.message}` : issue.message;
  }
  return schema.validate(value)[0]?.message;
}

function jsonReason(value: unknown, depth = 0): string | undefined {
  if (depth > 64) return 'nested too deeply';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'numbers must be finite';
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value) || proto === Object.prototype || proto === null) {
    for (const item of Object.values(value as object)) {
      const reason = jsonReason(item, depth + 1);
      if (reason) return reason;
    }
    return undefined;
  }
  return `${Object.prototype.toString.call(value)} is not JSON`;
}

/** Deep equality of JSON values (object key order does not matter). */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return false;
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && jsonEquals((a as never)[key], (b as never)[key]))
  );
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * JSON validated by a superstruct `Struct` or any Standard Schema. URL: compact JSON. Read as a
 * deeply frozen, `readonly` value.
 *
 * @example
 * ```ts
 * const filters = stateVar.json(object({min: number()}), {min: 0});
 * ```
 */
export function json<S extends Schema<any>, const O extends VarOptions = {}>(
  schema: S,
  defaultValue: Nullable<Frozen<SchemaValue<S>>, O>,
  options?: O,
): StateVar<Nullable<Frozen<SchemaValue<S>>, O>> {
  checkSchema(schema, DEV ? 'stateVar.json: ' : '');
  const kind: Kind<unknown> = {
    type: 'json',
    check: (value) => jsonReason(value) ?? schemaReason(schema, value),
    equals: jsonEquals,
    copy: (value) => deepFreeze(JSON.parse(JSON.stringify(value))),
    format: (value) => JSON.stringify(value),
    parse(text) {
      try {
        return JSON.parse(text);
      } catch {
        return invalid('not valid JSON');
      }
    },
    emptyIsValue: true,
  };
  return makeVar(kind as Kind<Nullable<Frozen<SchemaValue<S>>, O>>, defaultValue, options);
}
