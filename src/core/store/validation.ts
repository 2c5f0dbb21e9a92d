import type {StateDefinition, StateVar} from '../types.js';
import {ErrorCode, StateValidationError} from '../errors/errors.js';

type Values = Record<string, unknown>;

/**
 * A validated copy of `raw` for the var `key` of `definition` (lists and json come back frozen);
 * throws a {@link StateValidationError} naming the namespace, the var and the reason otherwise
 * (`PS_UNKNOWN_KEY` for a key that is not a declared var, `__proto__` included).
 */
export function valid(definition: StateDefinition<any>, key: string, raw: unknown): unknown {
  const v = Object.hasOwn(definition.vars, key) ? (definition.vars[key] as StateVar) : undefined;
  const reason = v ? v.check(raw) : 'not a declared var';
  if (reason !== undefined)
    throw new StateValidationError(
      definition.name,
      key,
      raw,
      reason,
      v ? ErrorCode.invalidValue : ErrorCode.unknownKey,
    );
  return v!.copy(raw);
}

/** Validated copies of `values`: all of them, or the {@link StateValidationError} of the first invalid one. */
export function validated(definition: StateDefinition<any>, values: object): Values {
  const out: Values = {};
  for (const [key, raw] of Object.entries(values)) out[key] = valid(definition, key, raw);
  return out;
}

/** Fresh copies of the defaults of `keys` (mutable defaults are never shared); an undeclared key throws. */
export function defaults(definition: StateDefinition<any>, keys: readonly string[]): Values {
  const out: Values = {};
  for (const key of keys) out[key] = valid(definition, key, definition.vars[key]?.defaultValue);
  return out;
}
