import type {StateDefinition, VarMap} from '../core/define.js';
import type {StoreLayer} from '../core/layer.js';
import type {ParamTexts, SharedUrlService, UrlClient, UrlMode} from '../core/protocol.js';
import type {StoreHost} from '../core/ports.js';
import type {StateStore} from '../core/store.js';
import {paramCodec} from '../core/params.js';

/**
 * The URL layer of a store: its initial values are the valid params of the current history
 * entry (invalid ones are reported and fall back); once connected, the URL is corrected where
 * it differs from the store (invalid params, values restored from storage), every change is
 * written through the page's URL service, and changes made by others are adopted. Undefined
 * when no var of the namespace is in the URL.
 *
 * @example
 * ```ts
 * const store = composeStore(Filters, host, [urlLayer(Filters, host, service, 'query')]);
 * ```
 */
export function urlLayer<V extends VarMap>(
  definition: StateDefinition<V>,
  host: StoreHost,
  service: SharedUrlService,
  mode: UrlMode,
): StoreLayer | undefined {
  const {name, bindings} = definition;
  const codec = paramCodec(definition);
  if (!codec) return undefined;
  const {params} = codec;
  let invalid = false; // a rejected param is corrected at the next flush
  const reject = (key: string, reason: string, raw: string) => {
    invalid = true;
    host.error({namespace: name, key, reason, raw});
  };

  let store: StateStore<V> | undefined;
  /** The value of the next source (storage, then the default) for a var absent from the URL. */
  let next: (key: string) => unknown = (key) => definition.vars[key]!.defaultValue;
  const client: UrlClient = {
    name,
    fingerprint: definition.fingerprint,
    params,
    mode,
    selfish: definition.urlSelfish,
    shares: definition.shareUrlWith,
    restoreOnTouch: definition.restoreUrlOnTouch,
    texts: () => codec.texts((key) => store!.peek(key)),
    receive(texts, kind) {
      invalid = false;
      // A navigation is the whole state; a replace only changed what it gives.
      store!.accept(codec.values(texts, reject, kind === 'replace' ? undefined : next), 'url');
      // A rejected param is corrected, except in an entry we traversed to: history is never rewritten.
      if (invalid && kind !== 'traverse') handle.sync();
    },
    warn: (reason, href) => host.warn?.({namespace: name, key: null, reason, raw: href}),
  };
  let handle = service.attach(client);
  let attached = true;
  return {
    initial: codec.values(handle.read(), reject),
    link: {
      touch: () => attached && handle.touch(),
      focus: () => attached && handle.focus(),
      show: () => attached && handle.show(),
      href: (merged) => handle.href(codec.texts((key) => merged[key])),
      suspend() {
        if (attached) handle.detach();
        attached = false;
      },
      resume() {
        if (attached) return;
        attached = true;
        handle = service.attach(client);
        handle.sync(); // the state it kept while away comes back into the URL
      },
    },
    connect(created, below) {
      store = created;
      next = below;
      if (handle.stale()) handle.sync();
      created.subscribe(({key, source}) => {
        if (attached && source !== 'url') handle.write(bindings[key as keyof V & string].history === 'push');
      }, codec.keys);
    },
  };
}
