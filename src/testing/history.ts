import type {UrlChangeKind} from '../runtime/protocol.js';
import type {HistoryPort} from '../url/history-port.js';

/** One URL update a test runtime recorded: what page-state (or the test) wrote, and how. */
export interface UrlUpdate {
  /** The whole new URL. */
  url: URL;
  /** Whether it was a new history entry (`pushState`) rather than a replacement. */
  push: boolean;
}

/**
 * A session history in memory behind the URL service's {@link HistoryPort}: entries, the index
 * of the current one, back and forward, and every write reported. Its timers (the rate
 * limiter's, retries) are counted, so a test can wait until none is left.
 */
export function memoryHistory(url: string, onUpdate: (update: UrlUpdate) => void) {
  const entries: {href: string; state: unknown}[] = [{href: url, state: null}];
  let index = 0;
  const listeners = new Set<(kind: UrlChangeKind | undefined) => void>();
  const timers = new Set<Promise<void>>();
  const emit = (kind: UrlChangeKind) => listeners.forEach((listener) => listener(kind));
  const go = (delta: number) => {
    const next = index + delta;
    if (next < 0 || next >= entries.length)
      throw new RangeError(
        `page-state/testing: there is no entry ${delta < 0 ? 'back' : 'forward'} of ${entries[index]!.href}`,
      );
    index = next;
    emit('traverse');
  };
  const port: HistoryPort = {
    href: () => entries[index]!.href,
    state: () => entries[index]!.state,
    write(href, push, state) {
      const absolute = new URL(href, entries[index]!.href).href;
      // page-state marking an entry (history.state only) is no URL update.
      const changed = push || absolute !== entries[index]!.href;
      if (push) entries.splice(++index, entries.length, {href: absolute, state});
      else entries[index] = {href: absolute, state};
      emit(push ? 'push' : 'replace');
      if (changed) onUpdate({url: new URL(absolute), push});
    },
    listen(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    now: () => performance.now(),
    later(fn, ms) {
      const timer: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => {
        timers.delete(timer);
        fn();
      });
      timers.add(timer);
    },
  };
  return {
    port,
    back: () => go(-1),
    forward: () => go(1),
    /** Every entry's URL, oldest first, and which is current. */
    entries: () => ({urls: entries.map((entry) => entry.href), index}),
    /** Timers not run yet. */
    pending: () => timers.size,
    /** Stops reporting changes to the URL service (the runtime is disposed). */
    close: () => listeners.clear(),
    /** Resolves when every timer set so far has run (those they set in turn included). */
    async timersDone(): Promise<void> {
      while (timers.size) await Promise.all(timers);
    },
  };
}
