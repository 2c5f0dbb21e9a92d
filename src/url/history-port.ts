import type {UrlChangeKind} from '../runtime/protocol.js';
import {watchUrl} from './url-observer.js';

export type {UrlChangeKind, UrlMode} from '../runtime/protocol.js';

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
  /** The current entry's `history.state` (other code's, with page-state's mark in it). */
  state(): unknown;
  /** Writes the URL and the entry's state with pushState (push) or replaceState; may throw or
   * do nothing, as browsers do past their rate limits. */
  write(href: string, push: boolean, state: unknown): void;
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
    state: () => win.history.state,
    write: (href, push, state) => win.history[push ? 'pushState' : 'replaceState'](state, '', href),
    listen: (onChange) => watchUrl(win, onChange),
    now: () => win.performance.now(),
    later: (fn, ms) => void win.setTimeout(fn, ms),
  };
}
