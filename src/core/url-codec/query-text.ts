/** One `key=value` of a query string or hash: the decoded key and the text exactly as found. */
export interface Param {
  key: string;
  /** Decoded value (`''` for a bare `key`; the raw text when it cannot be decoded). */
  value: string;
  /** The original `key=value` text, written back untouched unless the param is ours. */
  raw: string;
}

const decode = (text: string): string | undefined => {
  if (!text.includes('%') && !text.includes('+')) return text; // most params need no decoding at all
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
};

/**
 * Calls `each` with every `key=value` of `?a=1&b` or `#a=1` text (the leading `?`/`#` is
 * optional), in order: the decoded key, the decoded value and the raw text. One pass, no
 * intermediate arrays; one look for the whole text when nothing in it needs decoding.
 */
function eachParam(text: string, each: (key: string, value: string, raw: string) => void): void {
  const read = text.includes('%') || text.includes('+') ? decode : (part: string) => part;
  for (let start = text[0] === '?' || text[0] === '#' ? 1 : 0; start < text.length;) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      let eq = text.indexOf('=', start);
      if (eq > end) eq = -1;
      const raw = text.slice(start, end);
      const value = eq < 0 ? '' : text.slice(eq + 1, end);
      each(read(eq < 0 ? raw : text.slice(start, eq)) ?? raw, read(value) ?? value, raw);
    }
    start = end + 1;
  }
}

/** Parses `?a=1&b` or `#a=1` (the leading `?`/`#` is optional) keeping order and raw text. */
export function parseParams(text: string): Param[] {
  const params: Param[] = [];
  eachParam(text, (key, value, raw) => params.push({key, value, raw}));
  return params;
}

/**
 * Escapes only what must be escaped in a query value: `&`, `=`, `#`, `%`, `+`, spaces and
 * non-ASCII; `,` `:` `/` `@` stay readable and a space becomes `+`.
 */
export function encodeText(text: string): string {
  const wellFormed = (text as {toWellFormed?(): string}).toWellFormed?.() ?? text;
  return encodeURIComponent(wellFormed)
    .replace(/%(2C|3A|2F|40|24|3B)/g, decodeURIComponent)
    .replace(/%20/g, '+');
}

/** A param as we write it. */
export const param = (key: string, value: string): Param => ({
  key,
  value,
  raw: `${encodeText(key)}=${encodeText(value)}`,
});

/** Sets each of `names` to its text in `list`, in place: where it stands (duplicates removed),
 * else appended; undefined removes it. */
export function setParams(
  list: Param[],
  names: readonly string[],
  texts: Readonly<Record<string, string | undefined>>,
): void {
  for (const name of names) {
    const text = texts[name];
    const at = list.findIndex((p) => p.key === name);
    for (let i = list.length - 1; i > at; i--) if (list[i]!.key === name) list.splice(i, 1);
    if (text === undefined) {
      if (at >= 0) list.splice(at, 1);
    } else if (at >= 0) list[at] = param(name, text);
    else list.push(param(name, text));
  }
}

/** The first value of every param of `?a=1&b` or `#a=1` text (decoded key → decoded value, as
 * {@link parseParams} reads them): a page's start reads every namespace's params from this index. */
export function firstValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  eachParam(text, (key, value) => values.has(key) || values.set(key, value));
  return values;
}

/** [path, query, hash] of a URL text, without the `?` and `#`. */
export const splitUrl = (text: string): [string, string, string] =>
  /^([^?#]*)\??([^#]*)#?(.*)$/s.exec(text)!.slice(1) as [string, string, string];

/**
 * `url` with its last character percent-escaped when linkifiers (chat apps, Markdown renderers)
 * would drop it from a pasted link's end: `.` `,` `:` `;` `!` `?` `'` `(` `)`. Only the
 * last character: the rest stays as readable as written, and decoding gives the same value.
 */
export const linkSafe = (url: string): string => url.replace(/[.,:;!?'()]$/, (c) => '%' + c.charCodeAt(0).toString(16));

/** Renders params back to text, without the leading `?`/`#`. */
export const renderParams = (params: readonly Param[]): string => params.map((p) => p.raw).join('&');

/** Builds a test of param names from globs like `utm_*,ref`. */
export function globs(patterns: readonly string[]): (key: string) => boolean {
  const sources = patterns
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*'));
  const test = sources.length ? new RegExp(`^(?:${sources.join('|')})$`) : undefined;
  return (key) => !!test?.test(key);
}
