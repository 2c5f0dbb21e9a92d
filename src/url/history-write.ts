import {DEV} from '../dev.js';
import {marked, markOf} from './history-marks.js';
import type {Entry, Op} from './entry.js';
import type {HistoryPort} from './history-port.js';

/**
 * Writes `href` over `current` (a push when asked and the URL moves), marked with the namespaces
 * it shows whole (`shown`), over the entry's `state`; on a push, the entry left is marked first with what it showed
 * (`leaving`), so that back to it shows that. Returns why the browser did not take it, if it did not.
 */
export function writeHistory(
  port: HistoryPort,
  state: unknown,
  current: string,
  href: string,
  push: boolean,
  leaving: readonly string[] | undefined,
  shown: readonly string[],
): string | undefined {
  const moved = href !== current;
  try {
    if (leaving && !sameNames(markOf(state, current), leaving))
      port.write(current, false, marked(state, current, leaving));
    port.write(href, moved && push, marked(state, href, shown));
  } catch (error) {
    // Browsers throw past their rate limits.
    return DEV ? `the browser refused the write (${String(error)})` : '';
  }
  // Newer browsers drop a rate-limited write without a word.
  if (moved && port.href() === current) return DEV ? 'the browser dropped the write (the URL did not change)' : '';
}

/** Names of the attached namespaces the URL shows whole, `pending` applied ({@link Entry.showsWhole}). */
export const shownWhole = (entries: Iterable<Entry>, pending: readonly Op[]): string[] =>
  [...entries].filter((e) => e.showsWhole(pending)).map((e) => e.client.name);

export const sameNames = (a: ReadonlySet<string>, b: readonly string[]): boolean =>
  a.size === b.length && b.every((name) => a.has(name));
