import {DEV} from '../../dev.js';
import {badDefinition} from '../errors/errors.js';
import {didYouMean} from '../errors/nearest-name.js';
import type {StandardSchema} from './json-kind.js';
import {stateVar} from './state-var.js';
import type {HistoryMode, StateVar, VarOptions} from './var.js';

/**
 * Attributes of a `<state-var>`, as text (null when absent).
 *
 * @example
 * ```ts
 * varFromMarkup({type: 'int', default: '1', 'url-key': 'p', persist: null, history: null, values: null, of: null});
 * ```
 */
export interface VarAttributes {
  type: string | null;
  default: string | null;
  'url-key': string | null;
  persist: string | null;
  history: string | null;
  values: string | null;
  of: string | null;
}

/** Accepts any JSON (json vars declared in markup carry no schema). */
const anyJson: StandardSchema<unknown> = {
  '~standard': {version: 1, vendor: 'page-state', validate: (value) => ({value})},
};

type Builder = (defaultValue: any, options: VarOptions, attrs: VarAttributes) => StateVar<any>;
// The scalar builders are stateVar's own (an undefined default takes theirs); a list's items are one of them.
const scalars: Record<string, Builder> = {
  string: stateVar.string,
  int: stateVar.int,
  float: stateVar.float,
  boolean: stateVar.boolean,
  date: stateVar.date,
  datetime: stateVar.datetime,
};
const builders: Record<string, Builder> = {
  ...scalars,
  enum: (d, o, attrs) =>
    stateVar.enum(
      (attrs.values ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
      d,
      o,
    ),
  list(d = [], o, attrs) {
    const of = attrs.of ?? 'string';
    if (!Object.hasOwn(scalars, of)) badDefinition(DEV ? `list items cannot be of type "${of}"` : of);
    return stateVar.list(scalars[of]!(undefined, {}, attrs), d, o);
  },
  json: (d = null, o) => stateVar.json(anyJson, d, {...o, nullable: true}),
};

/**
 * Builds a var from markup attributes; `default` is read with the var's own text codec (the
 * same text as in the URL). Throws a `PageStateError` naming what is wrong.
 *
 * @example
 * ```ts
 * varFromMarkup({type: 'list', of: 'int', default: '1,2', 'url-key': 'ids', persist: null, history: null, values: null});
 * ```
 */
export function varFromMarkup(attrs: VarAttributes): StateVar<any> {
  const type = attrs.type ?? 'string';
  const build = builders[type];
  if (!build || !Object.hasOwn(builders, type)) {
    return badDefinition(
      DEV
        ? `unknown type "${type}"${didYouMean(type, Object.keys(builders))} (use ${Object.keys(builders).join(', ')})`
        : type,
    );
  }
  const options: VarOptions = {};
  // Empty or "false" (as persist="false" says false): kept out of the URL.
  const urlKey = attrs['url-key'];
  if (urlKey !== null) options.urlKey = (urlKey !== 'false' && urlKey) || false;
  if (attrs.persist !== null) options.persist = attrs.persist !== 'false';
  if (attrs.history !== null) options.history = attrs.history as HistoryMode;
  const plain = build(undefined, options, attrs);
  if (attrs.default === null) return plain;
  let value: unknown;
  try {
    value = plain.decode(attrs.default);
  } catch (error) {
    badDefinition(
      DEV ? `default "${attrs.default}" is not a valid ${plain.type}: ${(error as Error).message}` : attrs.default,
    );
  }
  return build(value, options, attrs);
}
