import {DEV} from '../dev.js';
import {debug, debugging} from '../debug/log.js';
import type {ParamTexts, UrlClient, UrlHandle} from '../runtime/protocol.js';
import {setParams, type Param} from '../core/url-codec/query-text.js';
import {indexOf, parse, render} from './parsed-url.js';
import type {HistoryPort} from './history-port.js';
import {PURGED, SHOWN, VANISHED, type EntryPhase} from './entry-phase.js';

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

/** A purged param, with the namespace whose claim purged it (the inspector shows it). */
export type Purged = Param & {mode: 'query' | 'hash'; by: string};
/** Purged params by slot: `mode` + ' ' + name. */
export type PurgedParams = Map<string, Purged>;
export const slot = (mode: string, name: string): string => `${mode} ${name}`;

/** What the URL service does for the namespaces attached to it. */
export interface ServiceCore {
  readonly port: HistoryPort;
  readonly entries: ReadonlySet<Entry>;
  readonly purged: PurgedParams;
  kept(name: string): boolean;
  queue(ops: readonly Op[], push?: boolean): void;
  /** A touch: adopts a traversal nobody reported yet (once per task). */
  look(): void;
  detach(entry: Entry): void;
}

/**
 * A namespace attached to the URL service, and the handle it is given: one object per store,
 * its ops made on first use (`write` runs on every change and must not allocate). Whether the
 * URL shows it as it wants is its phase ({@link EntryPhase}), changed only by its own methods.
 */
export class Entry implements UrlHandle {
  #phase: EntryPhase = SHOWN;
  /** The params a replace (or storage filling a navigation) left out: kept while vanished or purged. */
  #lost?: string[];
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

  /** Whether the URL shows it whole: shown, and none of its corrections (a sync, or a restore of
   * params the URL lacks) among `pending`. */
  showsWhole(pending: readonly Op[]): boolean {
    return (
      this.#phase === SHOWN &&
      !pending.some((op) => op === this.#syncs?.[0] || (op.type === 'restore' && op.entry === this))
    );
  }

  /** The first text of each param of the current URL, in its mode. */
  #present(): ReadonlyMap<string, string> {
    return indexOf(this.core.port.href())[this.client.mode];
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

  /** Vanished → shown: params another writer's replace removed come back (restore-on-touch). */
  touch(): void {
    const {core, client} = this;
    core.look();
    if (this.#phase !== VANISHED || !client.restoreOnTouch || !core.entries.has(this)) return;
    const params = this.#lost!;
    this.wrote();
    if (DEV && debugging('url'))
      debug('url', `restore on touch: ${client.name} puts back ${params.join(', ')}`, {
        removedBy: "another writer's replace",
      });
    core.queue([{type: 'restore', entry: this, params}]);
  }

  sync(): void {
    this.core.queue((this.#syncs ??= [{type: 'write', entry: this}]));
  }

  show(): void {
    if (this.#phase === PURGED) this.sync();
  }

  /** → shown: written, every param as it wants it, or a navigation entered (storage may fill what
   * it lacks: {@link Entry.lose}). */
  wrote(): void {
    this.#phase = SHOWN;
    this.#lost = undefined;
  }

  /** → purged, remembering what vanished before. */
  purge(): void {
    this.#phase = PURGED;
  }

  /** shown → vanished (purged stays purged): `params` left the URL. */
  lose(...params: string[]): void {
    (this.#lost ??= []).push(...params);
    if (this.#phase === SHOWN) this.#phase = VANISHED;
  }

  /** purged → vanished or shown: a replace showed some of its params again. */
  unhide(): void {
    if (this.#phase === PURGED) this.#phase = this.#lost ? VANISHED : SHOWN;
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
