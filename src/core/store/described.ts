import type {JsonValue, PersistMode, StateDefinition, VarSchema} from '../types.js';
import {persists} from './layers.js';

/** Every var of `definition` as plain JSON (dates as ISO strings): what `dump()` returns. */
export function dumpOf(definition: StateDefinition<any>, values: Readonly<Record<string, unknown>>) {
  const out: Record<string, JsonValue> = {};
  for (const key of definition.keys) out[key] = definition.vars[key]!.toJSON(values[key]);
  return out;
}

/** Every var of `definition` as `schema()` describes it, persisting as its store does (`mode`). */
export function schemaOf(definition: StateDefinition<any>, mode: PersistMode) {
  const out: Record<string, VarSchema> = {};
  for (const key of definition.keys) {
    const v = definition.vars[key]!;
    const {param, history} = definition.bindings[key]!;
    out[key] = {
      type: v.type,
      default: v.toJSON(v.defaultValue),
      urlKey: param,
      persist: persists(definition, mode, key),
      history,
      nullable: v.nullable,
    };
  }
  return out;
}
