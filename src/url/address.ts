import {param, parseParams, renderParams, type Param} from './query.js';
import type {UrlMode} from './port.js';

/** A URL taken apart: its query and hash params, editable in place. */
export interface Parsed {
  url: URL;
  query: Param[];
  hash: Param[];
}

export function parse(href: string): Parsed {
  const url = new URL(href);
  return {url, query: parseParams(url.search), hash: parseParams(url.hash)};
}

export function render({url, query, hash}: Parsed): string {
  url.search = renderParams(query);
  url.hash = renderParams(hash);
  return url.href;
}

/** Sets each of `params` to its text (undefined removes it), in place, in the list of `mode`. */
export function writeTexts(
  parsed: Parsed,
  mode: UrlMode,
  params: readonly string[],
  texts: Readonly<Record<string, string | undefined>>,
): void {
  for (const name of params) setParam(parsed[mode], name, texts[name]);
}

/** Sets a param where it stands (duplicates removed), or appends it; undefined removes it. */
function setParam(list: Param[], name: string, text: string | undefined) {
  const at = list.findIndex((p) => p.key === name);
  for (let i = list.length - 1; i > at; i--) if (list[i]!.key === name) list.splice(i, 1);
  if (text === undefined) {
    if (at >= 0) list.splice(at, 1);
  } else if (at >= 0) list[at] = param(name, text);
  else list.push(param(name, text));
}

/** First value of every param, by mode. */
export type Index = Record<'query' | 'hash', Map<string, string>>;

/** First value of every param of `href`, by mode. */
export function indexOf(href: string): Index {
  const {query, hash} = parse(href);
  // Reversed, so the first of duplicate params is the one that stays in the map.
  const first = (list: Param[]) => new Map(list.map((p): [string, string] => [p.key, p.value]).reverse());
  return {query: first(query), hash: first(hash)};
}
