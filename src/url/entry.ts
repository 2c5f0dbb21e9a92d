import {DEV} from '../dev.js';
import {debug, debugging} from '../debug/log.js';
import type {ParamTexts, UrlClient, UrlHandle} from '../runtime/protocol.js';
import {setParams, type Param} from '../core/url-codec/query-text.js';
import {parse, render, type Index, type Parsed} from './parsed-url.js';
import type {HistoryPort} from './history-port.js';

/** What a flush does to the URL, applied in the order queued. */
export type Op =
  /** The namespace's params as it wants them now; it is shown again. */
  | {readonly type: 'write'; readonly entry: Entry}
  /** Purge every param not its own, not shared with it, not kept and not of a namespace on screen. */
  | {readonly type: 'claim'; readonly entry: Entry}
  /** Put back params another writer's replace removed. */
  | {readonly type: 'restore'; readonly entry: Entry; readonly params: readonly string[]}
  /** Params purged before they were kept (a late `keep-params`) come back. */
  | {readonly type: 'keep'};

/** A param a claim removed from the current history entry, and where it was. */
/** A purged param, with the namespace whose claim purged it (the inspector shows it). */
export type Purged = Param & {mode: 'query' | 'hash'; by: string};
/** Purged params by slot: `mode` + ' ' + name. */
export type PurgedParams = Map<string, Purged>;
export const slot = (mode: string, name: string): string => `${mode} ${name}`;

/** What the URL service does for the namespaces attached to it. */
export interface ServiceCore {
  readonly port: HistoryPort;
  readonly entries: Iterable<Entry>;
  readonly purged: PurgedParams;
  kept(name: string): boolean;
  /** First value of every param of `href`, by mode (parsed once per distinct URL). */
  index(href: string): Index;
  queue(ops: readonly Op[], push?: boolean): void;
  touch(entry: Entry): void;
  detach(entry: Entry): void;
}

/**
 * A namespace attached to the URL service, and the handle it is given: one object per store,
 * its ops made on first use (`write` runs on every change and must not allocate).
 */
export class Entry implements UrlHandle {
  /** A claim purged its params from the current entry: they return when it is written, focused or watched. */
  hidden = false;
  /** Params another writer's replace removed: restore-on-touch puts them back. */
  vanished?: string[];
  // Its ops, made on first use (most stores never claim or correct), then kept: `write` runs on
  // every change and must not allocate.
  #write?: Op;
  #writes?: Op[];
  #focuses?: Op[];
  /** Its corrections: a write that claims nothing, told apart from its changes' writes. */
  #syncs?: Op[];

  constructor(
    readonly client: UrlClient,
    readonly core: ServiceCore,
  ) {}

  get claim(): Op {
    return {type: 'claim', entry: this};
  }

  /** What a change writes; writing a selfish namespace claims the URL again. */
  get writes(): readonly Op[] {
    return (this.#writes ??= this.client.selfish ? [...this.#focus()] : [this.#first()]);
  }

  #first(): Op {
    return (this.#write ??= {type: 'write', entry: this});
  }

  #focus(): Op[] {
    return (this.#focuses ??= [this.#first(), this.claim]);
  }

  /** Whether `op` is one of its corrections. */
  corrects(op: Op): boolean {
    return op === this.#syncs?.[0] || (op.type === 'restore' && op.entry === this);
  }

  /** The first text of each param of the current URL, in its mode. */
  #present(): ReadonlyMap<string, string> {
    return this.core.index(this.core.port.href())[this.client.mode];
  }

  read(): ReadonlyMap<string, string> {
    const {client, core} = this;
    const present = this.#present();
    if (!core.purged.size) return present;
    // Params a claim purged since the entry was entered: what it showed when it was entered.
    const texts = new Map(present);
    for (const name of client.params) {
      const purged = core.purged.get(slot(client.mode, name));
      if (purged && !texts.has(name)) texts.set(name, purged.value);
    }
    return texts;
  }

  stale(): boolean {
    return this.client.stale(this.#present());
  }

  write(push: boolean): void {
    this.core.queue(this.writes, push);
  }

  focus(): void {
    this.core.queue(this.#focus());
  }

  touch(): void {
    this.core.touch(this);
  }

  sync(): void {
    this.core.queue((this.#syncs ??= [{type: 'write', entry: this}]));
  }

  show(): void {
    if (this.hidden) this.core.queue((this.#syncs ??= [{type: 'write', entry: this}]));
  }

  href(texts: ParamTexts): string {
    const parsed = parse(this.core.port.href());
    setParams(parsed[this.client.mode], this.client.params, texts);
    return render(parsed);
  }

  detach(): void {
    this.core.detach(this);
  }
}

/** Applies `op` to `parsed`, in place. */
export function applyOp(parsed: Parsed, op: Op, core: ServiceCore): void {
  if (op.type === 'claim') return purge(parsed, op.entry, core);
  if (op.type === 'keep') return keepBack(parsed, core);
  const {client} = op.entry;
  const params = op.type === 'restore' ? op.params : client.params;
  if (op.type === 'write') {
    op.entry.hidden = false;
    op.entry.vanished = undefined; // every param is written back
  }
  setParams(parsed[client.mode], params, client.texts());
  for (const name of params) core.purged.delete(slot(client.mode, name));
}

/** Removes every param not own to `claimer`, not shared with it, not kept, not on screen. */
function purge(parsed: Parsed, claimer: Entry, {entries, purged, kept}: ServiceCore) {
  const allowed = new Set<string>();
  for (const entry of entries) {
    const {client} = entry;
    if (entry === claimer || claimer.client.shares.includes(client.name) || client.watched())
      client.params.forEach((p) => allowed.add(p));
    else entry.hidden = true;
  }
  let gone: string[] | undefined; // for the debug log
  for (const mode of ['query', 'hash'] as const) {
    parsed[mode] = parsed[mode].filter((p) => {
      // A bare hash token is an anchor (#section-2), not a param.
      if (allowed.has(p.key) || kept(p.key) || (mode === 'hash' && !p.raw.includes('='))) return true;
      purged.set(slot(mode, p.key), {...p, mode, by: claimer.client.name});
      if (DEV) (gone ??= []).push(p.key);
      return false;
    });
  }
  if (DEV && gone && debugging('url'))
    debug(
      'url',
      `purge: the selfish claim of ${claimer.client.name} removes ${gone.join(', ')}`,
      whatKept(claimer, entries, parsed, kept),
    );
}

/** Why each param a claim left in the URL stayed (for the debug log). */
function whatKept(claimer: Entry, entries: Iterable<Entry>, parsed: Parsed, kept: (name: string) => boolean) {
  const why: Record<string, string> = {};
  for (const {key} of [...parsed.query, ...parsed.hash]) {
    const owner = [...entries].find((e) => e.client.params.includes(key))?.client;
    why[key] = !owner
      ? kept(key)
        ? 'kept (keep-params)'
        : 'an anchor'
      : owner === claimer.client
        ? 'own'
        : claimer.client.shares.includes(owner.name)
          ? `shared with ${owner.name} (shareUrlWith)`
          : `${owner.name} is on screen`;
  }
  return {claim: claimer.client.name, kept: why};
}

/** Puts back the purged params that are kept now. */
function keepBack(parsed: Parsed, {purged, kept}: ServiceCore) {
  for (const [key, p] of purged) {
    if (!kept(p.key) || parsed[p.mode].some((q) => q.key === p.key)) continue;
    parsed[p.mode].push(p);
    purged.delete(key);
  }
}
