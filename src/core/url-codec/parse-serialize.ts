import type {StateDefinition, StateValues, VarMap} from '../types.js';
import {StateValidationError} from '../errors/errors.js';
import {freshDefault} from '../store/layers.js';
import {paramCodec} from './param-codec.js';
import type {ErrorDetail} from '../types.js';
import type {UrlMode} from '../types.js';
import {firstValues, linkSafe, parseParams, renderParams, setParams, splitUrl} from './query-text.js';
import type {StateVar} from '../types.js';

/** A URL as text, a `URL` (or anything with `search` and `hash`), or `URLSearchParams`. */
export type UrlInput = string | {readonly search: string; readonly hash: string} | {toString(): string};

/**
 * What {@link parseUrl} found: a value for every var (absent or invalid params: the default)
 * and one {@link ErrorDetail} per rejected param, as the browser reports it.
 *
 * @example
 * ```ts
 * const {values, errors}: ParsedUrl<typeof Filters.vars> = parseUrl(Filters, '/search?f_q=lamp');
 * ```
 */
export interface ParsedUrl<V extends VarMap> {
  values: StateValues<V>;
  errors: ErrorDetail[];
}

/** The first value of every param of `url` in `mode`. */
function paramsOf(url: UrlInput, mode: UrlMode | undefined) {
  // URLSearchParams print a bare query ('a=1&b=2').
  const text = typeof url === 'string' ? url : 'search' in url ? url.search + url.hash : `?${url}`;
  return firstValues(splitUrl(text)[mode === 'hash' ? 2 : 1]);
}

/**
 * Reads a namespace's values from a URL with the same codecs, fallbacks and errors as the
 * browser (a server has no storage to fall back to: invalid or absent params give the
 * default). Works in Node, a worker or the browser: it touches no DOM.
 *
 * @example
 * ```ts
 * import {parseUrl} from 'page-state/core';
 * http.createServer((req, res) => {
 *   const {values, errors} = parseUrl(Filters, req.url ?? '/');
 *   res.end(`page ${values.page} of "${values.q}"${errors.length ? ' (some params were ignored)' : ''}`);
 * });
 * ```
 */
export function parseUrl<V extends VarMap>(
  definition: StateDefinition<V>,
  url: UrlInput,
  options: {mode?: UrlMode} = {},
): ParsedUrl<V> {
  const values = {} as Record<string, unknown>;
  for (const key of definition.keys) values[key] = freshDefault(definition, key);
  const errors: ErrorDetail[] = [];
  const codec = paramCodec(definition);
  if (codec) {
    const present = paramsOf(url, options.mode);
    Object.assign(
      values,
      codec.values(present, (key, reason, raw) => errors.push({namespace: definition.name, key, reason, raw})),
    );
  }
  return {values: values as StateValues<V>, errors};
}

/**
 * A link to a namespace's state: `values` (validated; the rest at their defaults) written into
 * `base` as the browser writes them, readable (`,` `:` `/` unescaped), defaults left out, other
 * params of `base` kept in place.
 *
 * @example
 * ```ts
 * serializeUrl(Filters, {q: 'desk lamp', page: 2}, '/search?lang=en'); // '/search?lang=en&f_q=desk+lamp&f_p=2'
 * ```
 */
export function serializeUrl<V extends VarMap>(
  definition: StateDefinition<V>,
  values: Partial<StateValues<V>>,
  base = '',
  options: {mode?: UrlMode} = {},
): string {
  for (const [key, value] of Object.entries(values)) {
    const v = Object.hasOwn(definition.vars, key) ? (definition.vars[key] as StateVar) : undefined;
    const reason = v ? v.check(value) : 'not a declared var';
    if (reason !== undefined) throw new StateValidationError(definition.name, key, value, reason);
  }
  const codec = paramCodec(definition);
  if (!codec) return base;
  const texts = codec.texts(
    Object.fromEntries(
      definition.keys.map((key) => [
        key,
        Object.hasOwn(values, key) ? (values as Record<string, unknown>)[key] : definition.vars[key]!.defaultValue,
      ]),
    ),
  );
  const [path, ...lists] = splitUrl(base);
  const [query, hash] = lists.map(parseParams);
  setParams(options.mode === 'hash' ? hash! : query!, codec.params, texts);
  const [q, h] = [query!, hash!].map(renderParams);
  return path + linkSafe(`${q && `?${q}`}${h && `#${h}`}`);
}
