import type {StateDefinition} from '../core/schema/define.js';
import {DEV} from '../dev.js';
import {warnRejected} from './rejected-warning.js';
import {freshDefault, type LayerMaker, type StoreFeed, type StoreLayer, type StoreLink} from '../core/store/layers.js';
import {paramCodec, type ParamCodec} from '../core/url-codec/param-codec.js';
import type {ParamTexts, SharedUrlService, UrlChangeKind, UrlClient, UrlHandle, UrlMode} from '../runtime/protocol.js';

/**
 * The URL layer of a store: its initial values are the valid params of the current history
 * entry (invalid ones are reported and fall back); once connected, the URL is corrected where
 * it differs from the store (invalid params, values restored from storage), every change is
 * written through the page's URL service, and changes made by others are adopted. Nothing
 * when no var of the namespace is in the URL.
 *
 * @example
 * ```ts
 * const store = new StateStore(Filters, {layers: [urlLayer(Filters, service, 'query')]});
 * ```
 */
export const urlLayer =
  (definition: StateDefinition<any>, service: SharedUrlService, mode: UrlMode): LayerMaker =>
  (feed) => {
    const codec = paramCodec(definition);
    return codec && new UrlBinding(definition, codec, feed, service, mode);
  };

/**
 * One store's tie to the page's URL service: what the namespace tells the service (the client),
 * the layer its store starts from, and the link the store uses, all in one object, so a
 * store's start allocates one object here rather than a closure per member.
 */
class UrlBinding implements UrlClient, StoreLayer, StoreLink {
  // Declared only: the constructor sets each, so no field definition is emitted for them.
  declare readonly name: string;
  declare readonly fingerprint: string;
  declare readonly params: readonly string[];
  declare readonly selfish: boolean;
  declare readonly shares: readonly string[];
  declare readonly restoreOnTouch: boolean;
  declare readonly initial: Record<string, unknown>;
  /** The link its store uses: itself. */
  declare readonly link: StoreLink;
  /** Its handle; `attached` is false while its scope is out of the page. */
  #handle: UrlHandle;
  #attached = true;
  /** The value of the next source (storage, then the default) for a var absent from the URL. */
  #below?: (key: string) => unknown;
  /** A rejected param is corrected at the next flush. */
  #invalid = false;
  /** Its write is queued (1; 2 with a history push): the flush writes the values it finds then,
   * so the task's later changes queue nothing. Until the flush takes it (`texts`: a resumed
   * binding's sync too), or a navigation drops it (`receive`). */
  #queued = 0;

  constructor(
    readonly definition: StateDefinition<any>,
    readonly codec: ParamCodec,
    readonly feed: StoreFeed,
    readonly service: SharedUrlService,
    readonly mode: UrlMode,
  ) {
    this.name = definition.name;
    this.fingerprint = definition.fingerprint;
    this.params = codec.params;
    this.selfish = definition.urlSelfish;
    this.shares = definition.shareUrlWith;
    this.restoreOnTouch = definition.restoreUrlOnTouch;
    this.link = this;
    this.#handle = service.attach(this);
    this.initial = codec.values(this.#handle.read(), this.reject);
  }

  readonly reject = (key: string, reason: string, raw: string): void => {
    this.#invalid = true;
    if (DEV) warnRejected(this.service, this.definition, key, reason, raw);
    this.feed.report(key, reason, raw);
  };

  connect(below: (key: string) => unknown): void {
    this.#below = below;
    if (this.#handle.stale()) this.#handle.sync();
    const {bindings} = this.definition;
    this.feed.mirror(({key, source}) => {
      const {param, history} = bindings[key]!;
      const queued = history === 'push' ? 2 : 1;
      if (this.#attached && source !== 'url' && param !== null && this.#queued < queued)
        this.#handle.write((this.#queued = queued) > 1);
    });
  }

  touch(): void {
    if (this.#attached) this.#handle.touch();
  }

  focus(): void {
    if (this.#attached) this.#handle.focus();
  }

  show(): void {
    if (this.#attached) this.#handle.show();
  }

  href(values: Readonly<Record<string, unknown>>): string {
    return this.#handle.href(this.codec.texts(values));
  }

  suspend(): void {
    if (this.#attached) this.#handle.detach();
    this.#attached = false;
  }

  resume(): void {
    if (this.#attached) return;
    this.#attached = true;
    this.#handle = this.service.attach(this);
    this.#handle.sync(); // the state it kept while away comes back into the URL
  }

  texts(): ParamTexts {
    this.#queued = 0;
    return this.codec.texts(this.feed.values());
  }

  stale(present: ReadonlyMap<string, string>): boolean {
    return this.codec.differs(this.feed.values(), present);
  }

  receive(present: ReadonlyMap<string, string>, kind: UrlChangeKind, fallback: boolean): void {
    this.#invalid = false;
    this.#queued = 0;
    // A navigation is the whole state; a replace only changed what it gives.
    const next =
      kind === 'replace'
        ? undefined
        : fallback && this.#below
          ? this.#below
          : (key: string) => freshDefault(this.definition, key);
    this.feed.accept(this.codec.values(present, this.reject, next), 'url');
    // A rejected param is corrected, except in an entry we traversed to: history is never rewritten.
    if (this.#invalid && kind !== 'traverse') this.#handle.sync();
  }

  warn(reason: string, href: string): void {
    this.feed.report(null, reason, href, true);
  }

  watched(): boolean {
    return this.feed.watched();
  }
}
