import type {HistoryPort} from '../../src/url/port.js';

/** A scriptable browser for the URL service: records writes, runs timers on demand. */
export class FakeHistory implements HistoryPort {
  writes: {href: string; push: boolean; at: number}[] = [];
  reads = 0;
  time = 0;
  /** How many of the next writes throw, as a browser past its rate limit does. */
  failures = 0;
  stack: string[];
  at = 0;
  #timers: {at: number; fn: () => void}[] = [];
  #listeners = new Set<() => void>();

  constructor(public url = 'https://app.test/page') {
    this.stack = [url];
  }

  href() {
    this.reads++;
    return this.url;
  }

  write(href: string, push: boolean) {
    if (this.failures > 0) {
      this.failures--;
      throw new DOMException('Attempt to use history.replaceState() more than 100 times per 10 seconds', 'SecurityError');
    }
    this.writes.push({href, push, at: this.time});
    this.url = href;
    if (push) this.stack.splice(++this.at, Infinity, href);
    else this.stack[this.at] = href;
  }

  listen(fn: () => void) {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
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

  /** Back (-1) or forward (+1), firing the navigation listeners as popstate does. */
  go(delta: number) {
    this.at += delta;
    this.url = this.stack[this.at]!;
    this.#listeners.forEach((fn) => fn());
  }

  /** Someone else (a router, a hand edit) replaced the URL without telling anyone. */
  foreignReplace(href: string) {
    this.url = href;
    this.stack[this.at] = href;
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
