import type {StateDefinition, VarMap} from '../core/define.js';
import type {StoreLayer} from '../core/layer.js';
import type {ParamTexts, SharedUrlService, UrlClient, UrlMode} from '../core/protocol.js';
import type {StoreHost} from '../core/ports.js';
import type {StateStore} from '../core/store.js';
import type {StateVar} from '../core/var.js';

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
  // Resolved once: a flush reads every bound var, and keyed lookups on a definition of a
  // thousand vars are not free.
  const bound = definition.keys
    .filter((key) => bindings[key].param !== null)
    .map((key) => ({key, param: bindings[key].param!, v: definition.vars[key] as StateVar}));
  if (!bound.length) return undefined;
  type Bound = (typeof bound)[number];

  /** Text of a value in the URL; undefined leaves the param out. */
  const textOf = ({v}: Bound, value: unknown) => {
    if (definition.clearOnDefault && v.equals(value, v.defaultValue)) return undefined;
    if (value === null) return v.defaultValue === null ? undefined : '';
    return v.encode(value);
  };
  // Made with Object.create(null): V8 keeps it a hash table, where a {} grown key by key on
  // every flush slows to O(n) per write past a few hundred vars.
  const textsOf = (valueOf: (key: string) => unknown) => {
    const texts: ParamTexts = Object.create(null);
    for (const b of bound) texts[b.param] = textOf(b, valueOf(b.key));
    return texts;
  };
  /** Values of the params in `texts`; an absent or invalid one takes `next(key)` when given. */
  const decode = (texts: ParamTexts, next?: (key: string) => unknown) => {
    const values: Record<string, unknown> = {};
    let invalid = false;
    for (const {key, param, v} of bound) {
      const text = texts[param];
      try {
        if (text !== undefined) {
          values[key] = v.decode(text);
          continue;
        }
      } catch (error) {
        invalid = true;
        host.error({namespace: name, key, reason: (error as Error).message, raw: text});
      }
      if (next) values[key] = next(key);
    }
    return {values, invalid};
  };

  let store: StateStore<V> | undefined;
  /** The value of the next source (storage, then the default) for a var absent from the URL. */
  let next: (key: string) => unknown = (key) => definition.vars[key]!.defaultValue;
  const client: UrlClient = {
    name,
    fingerprint: definition.fingerprint,
    params: bound.map((b) => b.param),
    mode,
    selfish: definition.urlSelfish,
    shares: definition.shareUrlWith,
    restoreOnTouch: definition.restoreUrlOnTouch,
    texts: () => textsOf((key) => store!.peek(key)),
    receive(texts, kind) {
      // A navigation is the whole state; a replace only changed what it gives.
      const {values, invalid} = decode(texts, kind === 'replace' ? undefined : next);
      store!.accept(values, 'url');
      // A rejected param is corrected, except in an entry we traversed to: history is never rewritten.
      if (invalid && kind !== 'traverse') handle.sync();
    },
    warn: (reason, href) => host.warn?.({namespace: name, key: null, reason, raw: href}),
  };
  let handle = service.attach(client);
  let attached = true;
  return {
    initial: decode(handle.read()).values,
    link: {
      touch: () => attached && handle.touch(),
      focus: () => attached && handle.focus(),
      show: () => attached && handle.show(),
      href: (merged) => handle.href(textsOf((key) => merged[key])),
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
      }, bound.map((b) => b.key));
    },
  };
}
