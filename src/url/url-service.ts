import {DEV} from '../dev.js';
import {debug, debugging} from '../debug/log.js';
import {PROTOCOL, type SharedUrlService, type UrlChangeKind} from '../runtime/protocol.js';
import {RateLimiter} from './rate-limiter.js';
import {adoptChange} from './adopt-change.js';
import {marked, markOf, sameNames, shownWhole} from './history-marks.js';
import type {Entry, Op} from './entry.js';
import {applyOps, pendingNames} from './apply-op.js';
import {AttachedNamespaces} from './attached-namespaces.js';
import type {HistoryPort} from './history-port.js';
import {HELD, IDLE, QUEUED, WRITING, type Phase} from './url-phase.js';

export const URL_WARN_LENGTH = 2000;

/**
 * The one writer of history in a window. It coalesces every change of a task into one
 * `replaceState`/`pushState`, rate-limits writes and retries those the browser refused or silently
 * dropped, purges for claims (keeping what is own, shared, kept or on screen), marks the entries it
 * writes, and adopts every URL change made by anyone else the moment it happens: a navigation
 * (push, traverse, reload) whole, a replace for the params it changed, whose removed params come
 * back on the next touch.
 *
 * @example
 * ```ts
 * const service = new UrlService(browserHistory(window));
 * const handle = service.attach(client);
 * handle.write(false); // flushed once, at the end of the task
 * ```
 */
export class UrlService extends AttachedNamespaces implements SharedUrlService {
  readonly protocol = PROTOCOL;
  readonly #limiter = new RateLimiter(this.port.now());
  #phase: Phase = IDLE;
  #ops: Op[] = [];
  #push = false;
  #retryMs = 250;
  /** The URL as last written or adopted. */
  #seen = this.port.href();
  /** A traversal adopted on a touch, before its event arrived (a router read state first). */
  #early?: string;
  /** A touch looked at the URL in this task (once per task: reads stay O(1)). */
  #looked = false;
  /** Whether the flush may mark the current entry when its mark does not name what it shows:
   * the landing entry, one another writer pushed or replaced, one page-state wrote. Not an entry
   * arrived at by traversal: history is never rewritten by a navigation. */
  #markable = true;
  #warned = false;

  constructor(port: HistoryPort, version?: string) {
    super(port, version);
    port.listen(this.#changed);
  }

  /** @internal */
  override detach(entry: Entry): void {
    super.detach(entry);
    this.#ops = this.#ops.filter((op) => op.type === 'keep' || op.entry !== entry);
  }

  /** @internal idle → queued; in any other phase the ops join the pending ones. */
  queue(ops: readonly Op[], push = false): void {
    // A namespace's ops again in a row (500 focus() calls) end with the same object (made once): not added.
    if (this.#ops.at(-1) !== ops.at(-1)) this.#ops.push(...ops);
    this.#push ||= push;
    this.#wake();
  }

  /** idle → queued: a flush at the end of this task. */
  #wake() {
    if (this.#phase !== IDLE) return;
    this.#phase = QUEUED;
    queueMicrotask(this.#flush);
  }

  /** Whether the current entry's mark should name other namespaces than it does. */
  #unmarked(state: unknown, href: string): boolean {
    return (
      this.#markable &&
      marked(state, href, []) !== state &&
      !sameNames(markOf(state, href), shownWhole(this.entries, []))
    );
  }

  /** queued or held → writing → idle; or → held, when the limiter, the browser or a dropped write says wait. */
  readonly #flush = () => {
    const current = this.port.href();
    const state = this.port.state();
    if (!this.#ops.length && !this.#unmarked(state, current)) return void (this.#phase = IDLE);
    const wait = this.#limiter.wait(this.port.now());
    if (wait > 0) {
      if (DEV && debugging('url'))
        debug('url', `rate limit: the write waits ${Math.ceil(wait)} ms`, {pending: pendingNames(this.#ops)});
      return this.#hold(wait);
    }
    // What the entry being left shows whole, before this flush's ops change the namespaces.
    const leaving = this.#push ? shownWhole(this.entries, this.#ops) : undefined;
    // A flush of no ops (a landing, another writer's push) marks the entry, its URL as it came.
    const href = this.#ops.length ? applyOps(current, this.#ops, this) : current;
    const push = this.#push;
    const moved = href !== current;
    // A URL showing what it should may lack its mark (the landing entry, another writer's push).
    if (moved || this.#unmarked(state, current)) {
      this.#phase = WRITING;
      try {
        // Back to the entry left must show what it showed: it is marked first, if it is not yet.
        if (leaving && !sameNames(markOf(state, current), leaving))
          this.port.write(current, false, marked(state, current, leaving));
        this.port.write(href, moved && push, marked(state, href, shownWhole(this.entries, [])));
      } catch (error) {
        // Browsers throw past their rate limits: keep the ops and try again later.
        return this.#backOff(DEV ? `the browser refused the write (${String(error)})` : '');
      }
      // Newer browsers drop a rate-limited write without a word: check that it took.
      if (moved && this.port.href() === current)
        return this.#backOff(DEV ? 'the browser dropped the write (the URL did not change)' : '');
      if (DEV && debugging('url')) {
        const shown = shownWhole(this.entries, []).join(', ');
        const what = moved ? `${push ? 'push' : 'replace'} ${href}` : `mark ${href}: it shows ${shown} whole`;
        debug('url', what, {namespaces: pendingNames(this.#ops), from: current});
      }
      this.#limiter.spend();
      this.#markable = true;
      if (moved && push) this.purged.clear(); // a new entry, entered with what we wrote
    }
    const writer = this.#ops.find((op): op is Exclude<Op, {type: 'keep'}> => op.type !== 'keep');
    this.#phase = IDLE;
    this.#retryMs = 250;
    this.#early = undefined;
    this.#ops = [];
    this.#push = false;
    this.#seen = this.port.href();
    if (href.length > URL_WARN_LENGTH !== this.#warned) {
      this.#warned = !this.#warned;
      if (this.#warned && writer)
        writer.entry.client.warn(
          DEV ? `the URL is ${href.length} characters long (over ${URL_WARN_LENGTH})` : `${href.length} characters`,
          href,
        );
    }
  };

  #backOff(why: string) {
    this.#retryMs = Math.min(this.#retryMs * 2, 10_000);
    if (DEV && debugging('url'))
      debug('url', `${why}: retrying in ${this.#retryMs} ms`, {pending: pendingNames(this.#ops)});
    this.#hold(this.#retryMs);
  }

  /** → held: the ops wait `ms`, then flush. */
  #hold(ms: number) {
    this.#phase = HELD;
    this.port.later(this.#flush, Math.ceil(ms));
  }

  /** @internal A touch, once per task: a traversal whose popstate reaches a router's listener
   * before ours is adopted now, so that router's renders read the entry's values. */
  look(): void {
    if (this.#looked) return;
    this.#looked = true;
    queueMicrotask(() => (this.#looked = false));
    const href = this.port.href();
    if (href !== this.#seen && this.#phase !== WRITING) {
      this.#adopt(href, 'traverse');
      this.#early = href;
    }
  }

  readonly #changed = (kind: UrlChangeKind | undefined) => {
    if (this.#phase === WRITING) return; // our own write: the flush records it
    const href = this.port.href();
    const early = this.#early === href && kind === 'traverse';
    this.#early = undefined;
    // A push or traversal is adopted even to an identical URL: a new entry is a navigation. A
    // mere hint (a synthetic popstate after a push we saw) costs nothing unless the URL changed.
    if (early || (kind === undefined && href === this.#seen)) return;
    this.#adopt(href, kind ?? 'push');
  };

  /** Someone else changed the URL to `href`: every namespace adopts it (see {@link adoptChange}). */
  #adopt(href: string, kind: UrlChangeKind) {
    const before = this.#seen;
    this.#seen = href;
    if (kind !== 'replace') {
      // A navigation: pending writes belonged to the entry left (its corrections come after).
      this.#ops = [];
      this.#push = false;
    }
    this.#markable = kind !== 'traverse';
    adoptChange(this, before, href, kind);
    this.#wake();
  }
}
