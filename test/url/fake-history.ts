import type {HistoryPort, UrlChangeKind} from '../../src/url/history-port.js';

/**
 * A scriptable browser for the URL service: a history stack, writes by page-state and by
 * others, timers run on demand. Like the Navigation API, it reports every URL change to its
 * listeners synchronously, own writes included.
 */
export class FakeHistory implements HistoryPort {
  writes: {href: string; push: boolean; at: number}[] = [];
  reads = 0;
  time = 0;
  /** How many of the next writes throw, as a browser past its rate limit does. */
  failures = 0;
  /** How many of the next writes are dropped without a word, as newer browsers do. */
  drops = 0;
  stack: string[];
  /** `history.state` of each entry of the stack. */
  states: unknown[] = [null];
  at = 0;
  #timers: {at: number; fn: () => void}[] = [];
  #listeners = new Set<(kind: UrlChangeKind) => void>();

  constructor(public url = 'https://app.test/page') {
    this.stack = [url];
  }

  href() {
    this.reads++;
    return this.url;
  }

  state() {
    return this.states[this.at];
  }

  write(href: string, push: boolean, state: unknown = null) {
    if (this.failures > 0) {
      this.failures--;
      throw new DOMException(
        'Attempt to use history.replaceState() more than 100 times per 10 seconds',
        'SecurityError',
      );
    }
    if (this.drops > 0) {
      this.drops--;
      return;
    }
    this.writes.push({href, push, at: this.time});
    this.#enter(href, push, state);
    this.#emit(push ? 'push' : 'replace');
  }

  listen(fn: (kind: UrlChangeKind) => void) {
    this.#listeners.add(fn);
    return () => void this.#listeners.delete(fn);
  }

  now() {
    return this.time;
  }

  later(fn: () => void, ms: number) {
    this.#timers.push({at: this.time + ms, fn});
  }

  /** Moves the clock, running due timers in order. */
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      this.#timers.sort((a, b) => a.at - b.at);
      const next = this.#timers[0];
      if (!next || next.at > end) break;
      this.#timers.shift();
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }

  /**
   * Back (-1) or forward (+1). `first` runs before the listeners are told, as a router's
   * popstate listener registered before page-state's does.
   */
  go(delta: number, first?: () => void) {
    this.at += delta;
    this.url = this.stack[this.at]!;
    first?.();
    this.#emit('traverse');
  }

  /** Another writer (a router, htmx) pushes a new entry, with `state` (by default, the
   * current one, as routers that carry `history.state` along do). */
  foreignPush(href: string, state: unknown = this.state()) {
    this.#enter(href, true, state);
    this.#emit('push');
  }

  /** Another writer replaces the URL (keeping `history.state`, unless it gives one); `unseen`:
   * behind every observer's back (a hand edit, a reference to history.replaceState taken
   * before it was wrapped). */
  foreignReplace(href: string, unseen = false, state: unknown = this.state()) {
    this.#enter(href, false, state);
    if (!unseen) this.#emit('replace');
  }

  #enter(href: string, push: boolean, state: unknown) {
    this.url = href;
    if (push) {
      this.stack.splice(++this.at, Infinity, href);
      this.states.splice(this.at, Infinity, state);
    } else {
      this.stack[this.at] = href;
      this.states[this.at] = state;
    }
  }

  #emit(kind: UrlChangeKind) {
    this.#listeners.forEach((fn) => fn(kind));
  }

  /** The most writes that fell within any `ms`-long window. */
  busiest(ms: number) {
    return Math.max(0, ...this.writes.map((w) => this.writes.filter((x) => x.at >= w.at && x.at < w.at + ms).length));
  }

  get search() {
    return new URL(this.url).search;
  }
}

/** Lets the microtask flush run. */
export const flushed = () => new Promise<void>((resolve) => setImmediate(resolve));
