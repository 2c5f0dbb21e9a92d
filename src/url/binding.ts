import type {StateDefinition, VarMap} from '../core/define.js';
import type {StoreLayer} from '../core/layer.js';
import type {StoreHost} from '../core/ports.js';
import type {StateStore} from '../core/store.js';
import type {StateVar} from '../core/var.js';
import type {UrlMode} from './port.js';
import type {ParamTexts, UrlClient, UrlService} from './service.js';

/**
 * The URL layer of a store: its initial values are the valid params (invalid ones are reported
 * and fall back); once connected, the URL is corrected where it differs from the store (invalid
 * params, values restored from storage) and every change is written through the page's
 * {@link UrlService}. Undefined when no var of the namespace is in the URL.
 *
 * @example
 * ```ts
 * const store = composeStore(Filters, host, [urlLayer(Filters, host, service, 'query')]);
 * ```
 */
export function urlLayer<V extends VarMap>(
  definition: StateDefinition<V>,
  host: StoreHost,
  service: UrlService,
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
  /** Values of the params present in `texts` (absent ones: the default when `absentIsDefault`). */
  const decode = (texts: ParamTexts, absentIsDefault: boolean) => {
    const values: Record<string, unknown> = {};
    let invalid = false; // a rejected param is rewritten at once (one replaceState at the flush)
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
      if (absentIsDefault) values[key] = v.defaultValue;
    }
    return {values, invalid};
  };

  let store: StateStore<V> | undefined;
  const client: UrlClient = {
    name,
    fingerprint: definition.fingerprint,
    params: bound.map((b) => b.param),
    mode,
    selfish: definition.urlSelfish,
    shares: definition.shareUrlWith,
    restoreOnTouch: definition.restoreUrlOnTouch,
    texts: () => textsOf((key) => store!.peek(key)),
    receive(texts) {
      const {values, invalid} = decode(texts, true);
      store!.accept(values, 'url');
      if (invalid) handle.write(false);
    },
    warn: (reason, href) => host.warn?.({namespace: name, key: null, reason, raw: href}),
  };
  let handle = service.attach(client);
  let attached = true;
  const present = handle.read();
  return {
    initial: decode(present, false).values,
    link: {
      touch: () => attached && handle.touch(),
      focus: () => attached && handle.focus(),
      href: (merged) => handle.href(textsOf((key) => merged[key])),
      suspend() {
        if (attached) handle.detach();
        attached = false;
      },
      resume() {
        if (attached) return;
        attached = true;
        handle = service.attach(client);
        handle.write(false); // the state it kept while away comes back into the URL
      },
    },
    connect(created) {
      store = created;
      const wanted = client.texts();
      if (client.params.some((p) => wanted[p] !== present[p])) handle.write(false);
      created.subscribe(({key, source}) => {
        if (attached && source !== 'url') handle.write(bindings[key as keyof V & string].history === 'push');
      }, bound.map((b) => b.key));
    },
  };
}
