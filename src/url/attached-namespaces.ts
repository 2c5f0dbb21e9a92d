import type {UrlClient, UrlHandle} from '../runtime/protocol.js';
import {globs} from '../core/url-codec/query-text.js';
import {Entry, type Op, type PurgedParams, type ServiceCore} from './entry.js';
import {ParamOwners} from './param-owners.js';
import type {HistoryPort} from './history-port.js';

/**
 * The namespaces attached to a URL service: their entries, which one owns each param, what
 * claims purged from the current entry and which params no claim may purge. What the service
 * writes (`queue`) and sees (`look`) is the service's.
 */
export abstract class AttachedNamespaces implements ServiceCore {
  /** @internal */
  readonly entries = new Set<Entry>();
  readonly #owners = new ParamOwners<Entry>();
  /** @internal Params purged from the current entry since it was entered: what late namespaces still read. */
  readonly purged: PurgedParams = new Map();
  #keep: string[] = [];
  /** @internal Whether no claim may purge the param `name`. */
  kept = globs([]);

  constructor(
    /** @internal */
    readonly port: HistoryPort,
    /** Library version of the copy that created it. */
    readonly version = '',
  ) {}

  abstract queue(ops: readonly Op[], push?: boolean): void;
  abstract look(): void;

  keep(patterns: readonly string[]): void {
    this.#keep.push(...patterns);
    this.kept = globs(this.#keep);
    // Kept late (a scope or copy that loaded after a claim): what was purged comes back.
    if ([...this.purged.values()].some((p) => this.kept(p.key))) this.queue([{type: 'keep'}]);
  }

  attach(client: UrlClient): UrlHandle {
    const entry = new Entry(client, this);
    this.#owners.claim(entry);
    this.entries.add(entry);
    // A selfish one claims the URL; any other is one more namespace the entry's mark names.
    this.queue(client.selfish ? [entry.claim] : []);
    return entry;
  }

  /** @internal */
  detach(entry: Entry): void {
    this.entries.delete(entry);
    this.#owners.release(entry, this.entries);
  }
}
