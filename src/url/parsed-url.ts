import {firstValues, linkSafe, parseParams, renderParams, splitUrl, type Param} from '../core/url-codec/query-text.js';

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
  // The path is the page's, not ours to escape; a query or hash end is.
  return url.search || url.hash ? linkSafe(url.href) : url.href;
}

/** First value of every param, by mode. */
export type Index = Record<'query' | 'hash', Map<string, string>>;

/** The last URL indexed: 20 namespaces starting on one URL parse it once, not 20 times. */
let last: {href: string; index: Index} | undefined;

/** First value of every param of `href`, by mode (read only: the last URL's is shared). */
export function indexOf(href: string): Index {
  if (last?.href !== href) {
    const [, query, hash] = splitUrl(href);
    last = {href, index: {query: firstValues(query), hash: firstValues(hash)}};
  }
  return last.index;
}
