import {ErrorCode, PageStateError} from '../core/errors.js';
import {parse, render, writeTexts, type Parsed} from './address.js';
import {RateLimiter} from './limiter.js';
import {globs, type Param} from './query.js';
import type {HistoryPort, UrlMode} from './port.js';

/** Texts of a namespace's params; undefined = absent from the URL. */
export type ParamTexts = Record<string, string | undefined>;

/** What a namespace tells the URL service about itself. Plain data and callbacks only, so
 * separately bundled copies of page-state (of other versions too) can share one service. */
export interface UrlClient {
  readonly name: string;
  readonly fingerprint: string;
  readonly params: readonly string[];
  readonly mode: UrlMode;
  readonly selfish: boolean;
  /** Names of the namespaces whose params a claim of this one keeps. */
  readonly shares: readonly string[];
  readonly restoreOnTouch: boolean;
  /** The texts the namespace wants in the URL now. */
  texts(): ParamTexts;
  /** The URL changed by navigation (back/forward): adopt these texts. */
  receive(texts: ParamTexts): void;
  /** The URL grew past {@link URL_WARN_LENGTH} characters. */
  warn(reason: string, href: string): void;
}

/** What a namespace can ask of the URL service. */
export interface UrlHandle {
  /** Its params as the URL has them now. */
  read(): ParamTexts;
  /** Its state changed: write its params at the next flush. */
  write(push: boolean): void;
  /** Claim the URL: write own params and purge everything not own, shared or kept. */
  focus(): void;
  /** A var was read or written: put back params that vanished for any other reason. */
  touch(): void;
  /** The URL with these texts for its params. */
  href(texts: ParamTexts): string;
  detach(): void;
}

export const URL_WARN_LENGTH = 2000;
/** Version of the handshake between copies of page-state sharing one service. */
export const URL_PROTOCOL = 1;

interface Entry {
  client: UrlClient;
  hidden: boolean;
  verified: number;
  /** The ops of a restore-on-touch. */
  restore: Op[];
}
type Op = [kind: 'write' | 'claim', entry: Entry];
/**
 * The one writer of history in a window: coalesces every change of a task into one
 * `replaceState`/`pushState`, rate-limits writes, purges for selfish namespaces, restores
 * params on touch, and re-reads the URL on back/forward.
 *
 * @example
 * ```ts
 * const service = new UrlService(browserHistory(window));
 * const handle = service.attach(client);
 * handle.write(false); // flushed once, at the end of the task
 * ```
 */
export class UrlService {
  readonly protocol = URL_PROTOCOL;
  readonly #entries = new Set<Entry>();
  /** Param → the first client that claimed it (clients sharing a definition share params). */
  readonly #owners = new Map<string, Entry>();
  #ops: Op[] = [];
  #push = false;
  #scheduled = false;
  #waiting = false;
  readonly #limiter: RateLimiter;
  #retryMs = 250;
  #keep: string[] = [];
  #kept = globs([]);
  #epoch = 0;
  #seen: string;
  #checked = false;
  #warned = false;
  #indexed?: {href: string; query: Map<string, string>; hash: Map<string, string>};

  constructor(
    private readonly port: HistoryPort,
    /** Library version of the copy that created it. */
    readonly version = '',
  ) {
    this.#seen = port.href();
    this.#limiter = new RateLimiter(port.now());
    port.listen(this.#navigated);
  }

  /** Never purge params matching these globs (e.g. `utm_*`). */
  keep(patterns: readonly string[]): void {
    this.#keep.push(...patterns);
    this.#kept = globs(this.#keep);
  }

  attach(client: UrlClient): UrlHandle {
    for (const param of client.params) {
      const other = this.#owners.get(param)?.client;
      if (other && (other.name !== client.name || other.fingerprint !== client.fingerprint)) {
        throw new PageStateError(
          ErrorCode.conflict,
          `URL param "${param}" is claimed by "${other.name}" and by a different definition of "${client.name}": give one a distinct urlPrefix or urlKey`,
        );
      }
    }
    const entry: Entry = {client, hidden: false, verified: this.#epoch, restore: []};
    this.#entries.add(entry);
    for (const param of client.params) if (!this.#owners.has(param)) this.#owners.set(param, entry);
    // Built once: write() runs on every change, so it must not allocate.
    const claim: Op[] = client.selfish ? [['claim', entry]] : [];
    const write: Op[] = [['write', entry], ...claim]; // writing a selfish namespace claims the URL again
    const focus: Op[] = [['write', entry], ['claim', entry]];
    entry.restore = [['write', entry]];
    this.#queue(claim);
    return {
      read: () => this.#read(client, this.port.href()),
      write: (push) => this.#queue(write, push),
      focus: () => this.#queue(focus),
      touch: () => this.#touch(entry),
      href: (texts) => {
        const parsed = parse(this.port.href());
        writeTexts(parsed, client.mode, client.params, texts);
        return render(parsed);
      },
      detach: () => {
        this.#entries.delete(entry);
        // A param it owned passes to another client still sharing it (the same definition in
        // another scope), so a different definition keeps being refused.
        for (const [param, owner] of this.#owners) {
          if (owner !== entry) continue;
          const heir = [...this.#entries].find((other) => other.client.params.includes(param));
          if (heir) this.#owners.set(param, heir);
          else this.#owners.delete(param);
        }
        this.#ops = this.#ops.filter(([, e]) => e !== entry);
      },
    };
  }

  #read(client: UrlClient, href: string): ParamTexts {
    const index = this.#index(href)[client.mode];
    const texts: ParamTexts = Object.create(null);
    for (const name of client.params) texts[name] = index.get(name);
    return texts;
  }

  /** First value of every param of `href`, parsed once per distinct URL (20 namespaces starting
   * on one URL parse it once, not 20 times). */
  #index(href: string) {
    if (this.#indexed?.href !== href) {
      const {query, hash} = parse(href);
      // Reversed, so the first of duplicate params is the one that stays in the map.
      const first = (list: Param[]) => new Map(list.map((p): [string, string] => [p.key, p.value]).reverse());
      this.#indexed = {href, query: first(query), hash: first(hash)};
    }
    return this.#indexed;
  }

  #queue(ops: Op[], push = false) {
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
    if (!entry.client.restoreOnTouch || entry.hidden) return;
    if (!this.#checked) {
      // At most one look at the URL per task: reads stay O(1) however many vars are read.
      this.#checked = true;
      queueMicrotask(() => (this.#checked = false));
      const href = this.port.href();
      if (href !== this.#seen) {
        this.#seen = href;
        this.#epoch++;
      }
    }
    if (entry.verified === this.#epoch) return;
    entry.verified = this.#epoch;
    const present = this.#read(entry.client, this.#seen);
    const wanted = entry.client.texts();
    // A restore writes without claiming: whoever changed the URL keeps what it wrote.
    if (entry.client.params.some((p) => present[p] !== wanted[p])) this.#queue(entry.restore);
  }

  readonly #navigated = () => {
    const href = this.port.href();
    if (href === this.#seen) return;
    this.#seen = href;
    this.#epoch++;
    this.#ops = [];
    for (const entry of this.#entries) {
      const texts = this.#read(entry.client, href);
      if (entry.hidden && Object.values(texts).every((t) => t === undefined)) continue;
      entry.hidden = false;
      entry.verified = this.#epoch;
      entry.client.receive(texts);
    }
  };

  /** Removes every param not own to `claimer`, not shared with it and not kept. */
  #purge(parsed: Parsed, claimer: Entry) {
    const allowed = new Set<string>();
    for (const entry of this.#entries) {
      const {client} = entry;
      if (entry === claimer || claimer.client.shares.includes(client.name)) client.params.forEach((p) => allowed.add(p));
      else entry.hidden = true;
    }
    const keep = (p: Param) => allowed.has(p.key) || this.#kept(p.key);
    parsed.query = parsed.query.filter(keep);
    // A bare hash token is an anchor (#section-2), not a param.
    parsed.hash = parsed.hash.filter((p) => keep(p) || !p.raw.includes('='));
  }

  readonly #flush = () => {
    this.#scheduled = false;
    if (!this.#ops.length || this.#waiting) return;
    const wait = this.#limiter.wait(this.port.now());
    if (wait > 0) return this.#retry(wait);
    // Ops apply in order: a namespace written after a claim comes back, one written before is purged.
    const current = this.port.href();
    const parsed = parse(current);
    for (const [kind, entry] of this.#ops) {
      if (kind === 'claim') this.#purge(parsed, entry);
      else {
        entry.hidden = false;
        writeTexts(parsed, entry.client.mode, entry.client.params, entry.client.texts());
      }
    }
    const href = render(parsed);
    const writer = this.#ops[0]![1].client;
    if (href !== current) {
      try {
        this.port.write(href, this.#push);
      } catch {
        // Browsers throw past their rate limits: keep the ops and try again later.
        this.#retryMs = Math.min(this.#retryMs * 2, 10_000);
        return this.#retry(this.#retryMs);
      }
      this.#limiter.spend();
    }
    this.#retryMs = 250;
    this.#ops = [];
    this.#push = false;
    this.#seen = this.port.href();
    if (href.length > URL_WARN_LENGTH !== this.#warned) {
      this.#warned = !this.#warned;
      if (this.#warned) writer.warn(`the URL is ${href.length} characters long (over ${URL_WARN_LENGTH})`, href);
    }
  };

  #retry(ms: number) {
    this.#waiting = true;
    this.port.later(() => {
      this.#waiting = false;
      this.#flush();
    }, Math.ceil(ms));
  }
}
