import {DEV} from '../../dev.js';
import {checkSchema, schemaReason, type Schema} from './json-kind.js';
import {invalid, makeVar, type Kind, type Nullable, type StateVar, type VarOptions} from './var.js';

/**
 * What `stateVar.custom` needs: a schema for validation and a text codec.
 *
 * @example
 * ```ts
 * const point: CustomSpec<{x: number; y: number}> = {
 *   struct: object({x: number(), y: number()}),
 *   parse: (text) => { const [x, y] = text.split(':').map(Number); return {x, y}; },
 *   serialize: ({x, y}) => `${x}:${y}`,
 * };
 * ```
 */
export interface CustomSpec<T> {
  struct: Schema<T>;
  parse(text: string): T;
  serialize(value: T): string;
  /** Defaults to comparing the serialized texts. */
  equals?(a: T, b: T): boolean;
  /** Type name shown by `schema()`; defaults to `custom`. */
  type?: string;
}

/**
 * Any other type, given its schema and text codec.
 *
 * @example
 * ```ts
 * const point = stateVar.custom({struct: object({x: number(), y: number()}), parse, serialize}, {x: 0, y: 0});
 * ```
 */
export function custom<T, const O extends VarOptions = {}>(
  spec: CustomSpec<T>,
  defaultValue: Nullable<T, O>,
  options?: O,
): StateVar<Nullable<T, O>> {
  checkSchema(spec?.struct, DEV ? 'stateVar.custom: ' : '');
  const parse = (text: string) => {
    try {
      return spec.parse(text);
    } catch (e) {
      return invalid(e instanceof Error ? e.message : String(e));
    }
  };
  const serialize = (value: T) => spec.serialize(value);
  const kind: Kind<T> = {
    type: spec.type ?? 'custom',
    check: (value) => schemaReason(spec.struct, value),
    equals: spec.equals ?? ((a, b) => serialize(a) === serialize(b)),
    format: serialize,
    parse,
    toJSON: serialize,
    fromJSON: (json) => (typeof json === 'string' ? parse(json) : invalid('expected the serialized text')),
    emptyIsValue: true,
  };
  return makeVar(kind as Kind<Nullable<T, O>>, defaultValue, options);
}
