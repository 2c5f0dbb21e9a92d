import type {UrlChangeKind} from '../core/protocol.js';
import {watchUrl} from './observer.js';

export type {UrlChangeKind, UrlMode} from '../core/protocol.js';

/**
 * The narrow port through which the URL service sees the browser; tests pass a fake.
 *
 * @example
 * ```ts
 * const service = new UrlService(browserHistory(window));
 * ```
 */
export interface HistoryPort {
  /** The current absolute URL. */
  href(): string;
  /** Writes the URL with pushState (push) or replaceState; may throw or do nothing, as browsers do past their rate limits. */
  write(href: string, push: boolean): void;
  /** Calls back, as it happens, on every change of the document's URL, by anyone (own writes
   * included), with its kind, or undefined when the URL may have changed (a synthetic
   * popstate, a hashchange); returns the function that stops. */
  listen(onChange: (kind: UrlChangeKind | undefined) => void): () => void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `fn` after `ms` milliseconds. */
  later(fn: () => void, ms: number): void;
}

/** The real browser behind a {@link HistoryPort}. */
export function browserHistory(win: Window): HistoryPort {
  return {
    href: () => win.location.href,
    write: (href, push) => win.history[push ? 'pushState' : 'replaceState'](win.history.state, '', href),
    listen: (onChange) => watchUrl(win, onChange),
    now: () => win.performance.now(),
    later: (fn, ms) => void win.setTimeout(fn, ms),
  };
}
