import type {UrlChangeKind} from '../runtime/protocol.js';

/** `kind` undefined: the URL may have changed (a synthetic popstate, a hashchange). */
type Listener = (kind: UrlChangeKind | undefined) => void;

/** Shared by every copy of page-state in a window (whatever their protocol): one observer, one
 * set of listeners, history wrapped at most once. */
interface Observer {
  readonly listeners: Set<Listener>;
}
const OBSERVER = Symbol.for('page-state.url-observer.v1');

/**
 * Calls `listener` on every same-document URL change of `win`, by anyone, the moment it
 * happens: through the Navigation API's `currententrychange` where the browser has it, else by
 * wrapping `history.pushState`/`replaceState` (once per window, on top of any other wrapper,
 * such as single-spa's) plus `popstate` and `hashchange`. Returns the function that stops.
 *
 * @example
 * ```ts
 * const stop = watchUrl(window, (kind) => console.log(kind, location.href));
 * ```
 */
export function watchUrl(win: Window, listener: Listener): () => void {
  const holder = win as unknown as Record<symbol, Observer | undefined>;
  const observer = (holder[OBSERVER] ??= install(win));
  observer.listeners.add(listener);
  return () => observer.listeners.delete(listener);
}

function install(win: Window): Observer {
  const listeners = new Set<Listener>();
  const emit = (kind: UrlChangeKind | undefined) => {
    for (const listener of listeners) {
      try {
        listener(kind);
      } catch (error) {
        // Never into the page's own history call.
        win.reportError(error);
      }
    }
  };
  const navigation = (win as {navigation?: EventTarget}).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', (event) =>
      emit((event as Event & {navigationType?: UrlChangeKind}).navigationType ?? 'replace'),
    );
  } else {
    for (const [method, kind] of [
      ['pushState', 'push'],
      ['replaceState', 'replace'],
    ] as const) {
      const original = win.history[method];
      win.history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        emit(kind);
        return result;
      };
    }
    // A synthetic popstate (single-spa, vaadin) follows a push we saw already: only the
    // browser's own is a traversal.
    win.addEventListener('popstate', (event) => emit(event.isTrusted ? 'traverse' : undefined));
    win.addEventListener('hashchange', () => emit(undefined));
  }
  return {listeners};
}
