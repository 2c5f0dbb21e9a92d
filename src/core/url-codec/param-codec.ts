import type {StateDefinition} from '../types.js';
import type {ParamTexts} from '../types.js';
import type {StateVar} from '../types.js';

/**
 * How one namespace's values become URL param texts and back: the one codec of the browser's
 * URL layer and of `parseUrl`/`serializeUrl` on a server, so both write and read the same texts.
 */
export interface ParamCodec {
  /** The URL params of the namespace's URL-bound vars, in declaration order. */
  readonly params: readonly string[];
  /** Texts of `values` (by var); undefined leaves a param out (its default, with `clearOnDefault`). */
  texts(values: Readonly<Record<string, unknown>>): ParamTexts;
  /** Whether the texts of `values` differ from `present` (param → text). */
  differs(values: Readonly<Record<string, unknown>>, present: ReadonlyMap<string, string>): boolean;
  /**
   * Values of the params present in `texts` (param → its first text). An invalid one is passed
   * to `reject`; an absent or invalid one takes `next(key)` when `next` is given.
   */
  values(
    texts: ReadonlyMap<string, string>,
    reject: (key: string, reason: string, raw: string) => void,
    next?: (key: string) => unknown,
  ): Record<string, unknown>;
}

/** Codecs by definition: a definition is frozen, and every store of it (each page load's, each
 * scope's) uses the same one. */
const codecs = new WeakMap<StateDefinition<any>, ParamCodec | undefined>();

/** The codec of `definition`, or undefined when no var of it is in the URL. */
export function paramCodec(definition: StateDefinition<any>): ParamCodec | undefined {
  if (!codecs.has(definition)) codecs.set(definition, codecOf(definition));
  return codecs.get(definition);
}

function codecOf(definition: StateDefinition<any>): ParamCodec | undefined {
  const {bindings} = definition;
  // Resolved once: a flush reads every bound var, and keyed lookups on a definition of a
  // thousand vars are not free.
  const bound = definition.keys
    .filter((key) => bindings[key]!.param !== null)
    .map((key) => ({key, param: bindings[key]!.param!, v: definition.vars[key] as StateVar}));
  if (!bound.length) return undefined;
  const text = ({v}: (typeof bound)[number], value: unknown) =>
    definition.clearOnDefault && v.equals(value, v.defaultValue)
      ? undefined
      : value === null
        ? v.defaultValue === null
          ? undefined
          : ''
        : v.encode(value);
  return {
    params: bound.map((b) => b.param),
    texts(values) {
      // Object.create(null), not {}: why, beside the serialize row of bench/page-rows.ts.
      const texts: ParamTexts = Object.create(null);
      for (const b of bound) texts[b.param] = text(b, values[b.key]);
      return texts;
    },
    differs: (values, present) => bound.some((b) => present.get(b.param) !== text(b, values[b.key])),
    values(texts, reject, next) {
      const values: Record<string, unknown> = {};
      for (const {key, param, v} of bound) {
        const text = texts.get(param);
        try {
          if (text !== undefined) {
            values[key] = v.decode(text);
            continue;
          }
        } catch (error) {
          reject(key, (error as Error).message, text!);
        }
        if (next) values[key] = next(key);
      }
      return values;
    },
  };
}
