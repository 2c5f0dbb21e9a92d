import {PROTOCOL, type ParamTexts, type SharedUrlService, type UrlChangeKind, type UrlClient, type UrlHandle} from '../core/protocol.js';
import {indexOf, parse, render, type Index, type Parsed} from './address.js';
import {RateLimiter} from './limiter.js';
import {ParamOwners} from './owners.js';
import {globs, setParams, type Param} from '../core/query.js';
import type {HistoryPort} from './port.js';

export type {ParamTexts, UrlClient, UrlHandle} from '../core/protocol.js';

export const URL_WARN_LENGTH = 2000;

interface Entry {
  client: UrlClient;
  /** A claim purged its params; they return when it is written, focused or shown. */
  hidden: boolean;
  /** Params another writer's replace removed: restore-on-touch puts them back. */
  vanished?: string[];
  write: Op[];
  focus: Op[];
  sync: Op[];
}
type Op =
  | readonly [kind: 'write' | 'claim', entry: Entry]
  | readonly [kind: 'restore', entry: Entry, params: readonly string[]]
  | readonly [kind: 'keep'];

/** A param a claim removed from the current history entry: `mode` + ' ' + name → the param. */
const slot = (mode: string, name: string) => `${mode} ${name}`;

/**
 * The one writer of history in a window. It coalesces every change of a task into one
 * `replaceState`/`pushState`, rate-limits writes and retries those the browser refused or
 * silently dropped, purges for selfish namespaces, and adopts every URL change made by anyone
 * else the moment it happens: a navigation (push, traverse, reload) is adopted whole, a replace
 * for the params it changed, and params it removed come back on the next touch.
 *
 * @example
 * ```ts
 * const service = new UrlService(browserHistory(window));
 * const handle = service.attach(client);
 * handle.write(false); // flushed once, at the end of the task
 * ```
 */
export class UrlService implements SharedUrlService {
  readonly protocol = PROTOCOL;
  readonly #entries = new Set<Entry>();
  readonly #owners = new ParamOwners<Entry>();
  /** Params purged from the current entry since it was entered: what late namespaces still read. */
  readonly #purged = new Map<string, Param & {mode: 'query' | 'hash'}>();
  #ops: Op[] = [];
  #push = false;
  #scheduled = false;
  #waiting = false;
  /** Inside our own history call: the change it reports is ours. */
  #writing = false;
  readonly #limiter: RateLimiter;
  #retryMs = 250;
  #keep: string[] = [];
  #kept = globs([]);
  /** The URL as last written or adopted. */
  #seen: string;
  #checked = false;
  /** A traversal adopted before its event arrived (a router read state first). */
  #early?: string;
  #warned = false;
  #indexed?: {href: string; index: Index};

  constructor(
    private readonly port: HistoryPort,
    /** Library version of the copy that created it. */
    readonly version = '',
  ) {
    this.#seen = port.href();
    this.#limiter = new RateLimiter(port.now());
    port.listen(this.#changed);
  }

  keep(patterns: readonly string[]): void {
    this.#keep.push(...patterns);
    this.#kept = globs(this.#keep);
    // Kept late (a scope or copy that loaded after a claim): what was purged comes back.
    if ([...this.#purged.values()].some((p) => this.#kept(p.key))) this.#queue([['keep']]);
  }

  attach(client: UrlClient): UrlHandle {
    const entry = {client, hidden: false} as Entry;
    this.#owners.claim(entry);
    this.#entries.add(entry);
    // Built once: write() runs on every change, so it must not allocate.
    const claim: Op[] = client.selfish ? [['claim', entry]] : [];
    entry.write = [['write', entry], ...claim]; // writing a selfish namespace claims the URL again
    entry.focus = [['write', entry], ['claim', entry]];
    entry.sync = [['write', entry]];
    this.#queue(claim);
    return {
      read: () => {
        const texts = this.#texts(client, this.port.href());
        for (const name of client.params) texts[name] ??= this.#purged.get(slot(client.mode, name))?.value;
        return texts;
      },
      stale: () => {
        const present = this.#index(this.port.href())[client.mode];
        const wanted = client.texts();
        return client.params.some((p) => present.get(p) !== wanted[p]);
      },
      write: (push) => this.#queue(entry.write, push),
      focus: () => this.#queue(entry.focus),
      touch: () => this.#touch(entry),
      sync: () => this.#queue(entry.sync),
      show: () => entry.hidden && this.#queue(entry.sync),
      href: (texts) => {
        const parsed = parse(this.port.href());
        setParams(parsed[client.mode], client.params, texts);
        return render(parsed);
      },
      detach: () => this.#detach(entry),
    };
  }

  #detach(entry: Entry) {
    this.#entries.delete(entry);
    this.#owners.release(entry, this.#entries);
    this.#ops = this.#ops.filter((op) => op[1] !== entry);
  }

  #texts(client: UrlClient, href: string): ParamTexts {
    const index = this.#index(href)[client.mode];
    const texts: ParamTexts = Object.create(null);
    for (const name of client.params) texts[name] = index.get(name);
    return texts;
  }

  /** First value of every param of `href`, parsed once per distinct URL (20 namespaces starting
   * on one URL parse it once, not 20 times). */
  #index(href: string): Index {
    if (this.#indexed?.href !== href) this.#indexed = {href, index: indexOf(href)};
    return this.#indexed.index;
  }

  #queue(ops: readonly Op[], push = false) {
    if (!ops.length) return;
    // 500 sets in a row queue their ops once: repeating the tail would change nothing.
    const start = this.#ops.length - ops.length;
    let repeated = start >= 0;
    for (let i = 0; repeated && i < ops.length; i++) repeated = this.#ops[start + i] === ops[i];
    if (!repeated) this.#ops.push(...ops);
    this.#push ||= push;
    if (!this.#scheduled && !this.#waiting) {
      this.#scheduled = true;
      queueMicrotask(this.#flush);
    }
  }

  #touch(entry: Entry) {
    if (!this.#checked) {
      // At most one look at the URL per task: reads stay O(1) however many vars are read.
      this.#checked = true;
      queueMicrotask(() => (this.#checked = false));
      // A change nobody reported yet: a traversal whose popstate reaches a router's listener
      // before ours. Adopt it now, so that router's renders read the entry's values.
      const href = this.port.href();
      if (href !== this.#seen && !this.#writing) {
        this.#adopt(href, 'traverse');
        this.#early = href;
      }
    }
    const {vanished} = entry;
    if (!vanished || entry.hidden || !entry.client.restoreOnTouch) return;
    entry.vanished = undefined;
    this.#queue([['restore', entry, vanished]]);
  }

  readonly #changed = (kind: UrlChangeKind | undefined) => {
    if (this.#writing) return; // our own write: the flush records it
    const href = this.port.href();
    const early = this.#early === href && kind === 'traverse';
    this.#early = undefined;
    // A push or traversal is adopted even to an identical URL: a new entry is a navigation. A
    // mere hint (a synthetic popstate after a push we saw) costs nothing unless the URL changed.
    if (early || (kind === undefined && href === this.#seen)) return;
    this.#adopt(href, kind ?? 'push');
  };

  /** Someone else changed the URL to `href`. */
  #adopt(href: string, kind: UrlChangeKind) {
    const before = this.#seen;
    this.#seen = href;
    if (kind !== 'replace') {
      // A navigation: the new entry is the state. Pending writes belonged to the entry left.
      this.#purged.clear();
      this.#ops = [];
      this.#push = false;
      for (const entry of [...this.#entries]) {
        entry.hidden = false;
        entry.vanished = undefined;
        entry.client.receive(this.#texts(entry.client, href), kind);
      }
      return;
    }
    const old = this.#index(before); // usually the URL just read: parsed already
    const now = this.#index(href);
    for (const entry of [...this.#entries]) {
      const {client} = entry;
      const changed: ParamTexts = Object.create(null);
      let any = false;
      for (const name of client.params) {
        const was = old[client.mode].get(name);
        const is = now[client.mode].get(name);
        if (is === undefined) {
          if (was !== undefined) (entry.vanished ??= []).push(name);
        } else if (is !== was) {
          changed[name] = is;
          any = true;
          this.#purged.delete(slot(client.mode, name));
        }
      }
      if (any) {
        entry.hidden = false;
        client.receive(changed, kind);
      }
    }
  }

  /** Removes every param not own to `claimer`, not shared with it and not kept. */
  #purge(parsed: Parsed, claimer: Entry) {
    const allowed = new Set<string>();
    for (const entry of this.#entries) {
      const {client} = entry;
      if (entry === claimer || claimer.client.shares.includes(client.name)) client.params.forEach((p) => allowed.add(p));
      else entry.hidden = true;
    }
    for (const mode of ['query', 'hash'] as const) {
      parsed[mode] = parsed[mode].filter((p) => {
        // A bare hash token is an anchor (#section-2), not a param.
        if (allowed.has(p.key) || this.#kept(p.key) || (mode === 'hash' && !p.raw.includes('='))) return true;
        this.#purged.set(slot(mode, p.key), {...p, mode});
        return false;
      });
    }
  }

  #apply(parsed: Parsed, op: Op) {
    if (op[0] === 'claim') return this.#purge(parsed, op[1]);
    if (op[0] === 'keep') {
      for (const [key, p] of this.#purged) {
        if (!this.#kept(p.key) || parsed[p.mode].some((q) => q.key === p.key)) continue;
        parsed[p.mode].push(p);
        this.#purged.delete(key);
      }
      return;
    }
    const [kind, entry] = op;
    const {client} = entry;
    const params = kind === 'restore' ? op[2] : client.params;
    if (kind === 'write') {
      entry.hidden = false;
      entry.vanished = undefined; // every param is written back
    }
    setParams(parsed[client.mode], params, client.texts());
    for (const name of params) this.#purged.delete(slot(client.mode, name));
  }

  readonly #flush = () => {
    this.#scheduled = false;
    if (!this.#ops.length || this.#waiting) return;
    const wait = this.#limiter.wait(this.port.now());
    if (wait > 0) return this.#retry(wait);
    // Ops apply in order: a namespace written after a claim comes back, one written before is purged.
    const current = this.port.href();
    const parsed = parse(current);
    for (const op of this.#ops) this.#apply(parsed, op);
    const href = render(parsed);
    const push = this.#push;
    if (href !== current) {
      this.#writing = true;
      try {
        this.port.write(href, push);
      } catch {
        // Browsers throw past their rate limits: keep the ops and try again later.
        return this.#backOff();
      } finally {
        this.#writing = false;
      }
      // Newer browsers drop a rate-limited write without a word: check that it took.
      if (this.port.href() === current) return this.#backOff();
      this.#limiter.spend();
      if (push) this.#purged.clear(); // a new entry, entered with what we wrote
    }
    const writer = this.#ops.find((op) => op.length > 1)?.[1];
    this.#retryMs = 250;
    this.#early = undefined;
    this.#ops = [];
    this.#push = false;
    this.#seen = this.port.href();
    if (href.length > URL_WARN_LENGTH !== this.#warned) {
      this.#warned = !this.#warned;
      if (this.#warned) writer?.client.warn(`the URL is ${href.length} characters long (over ${URL_WARN_LENGTH})`, href);
    }
  };

  #backOff() {
    this.#retryMs = Math.min(this.#retryMs * 2, 10_000);
    this.#retry(this.#retryMs);
  }

  #retry(ms: number) {
    this.#waiting = true;
    this.port.later(() => {
      this.#waiting = false;
      this.#flush();
    }, Math.ceil(ms));
  }
}
