/** Where params live: the query string or the hash. */
export type UrlMode = 'query' | 'hash';

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
  /** Writes the URL with pushState (push) or replaceState; may throw, as browsers do. */
  write(href: string, push: boolean): void;
  /** Calls back on back/forward and hash navigation; returns the function that stops. */
  listen(onNavigate: () => void): () => void;
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
    listen(onNavigate) {
      win.addEventListener('popstate', onNavigate);
      win.addEventListener('hashchange', onNavigate);
      return () => {
        win.removeEventListener('popstate', onNavigate);
        win.removeEventListener('hashchange', onNavigate);
      };
    },
    now: () => win.performance.now(),
    later: (fn, ms) => void win.setTimeout(fn, ms),
  };
}
