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
  const keys = definition.keys.filter((key) => bindings[key].param !== null);
  if (!keys.length) return undefined;
  const varOf = (key: string) => definition.vars[key] as StateVar;

  /** Text of a value in the URL; undefined leaves the param out. */
  const textOf = (key: string, value: unknown) => {
    const v = varOf(key);
    if (definition.clearOnDefault && v.equals(value, v.defaultValue)) return undefined;
    if (value === null) return v.defaultValue === null ? undefined : '';
    return v.encode(value);
  };
  const textsOf = (values: Readonly<Record<string, unknown>>) => {
    const texts: ParamTexts = {};
    for (const key of keys) texts[bindings[key].param!] = textOf(key, values[key]);
    return texts;
  };
  /** Values of the params present in `texts` (absent ones: the default when `absentIsDefault`). */
  const decode = (texts: ParamTexts, absentIsDefault: boolean) => {
    const values: Record<string, unknown> = {};
    let invalid = false; // a rejected param is rewritten at once (one replaceState at the flush)
    for (const key of keys) {
      const text = texts[bindings[key].param!];
      if (text === undefined) {
        if (absentIsDefault) values[key] = varOf(key).defaultValue;
        continue;
      }
      try {
        values[key] = varOf(key).decode(text);
      } catch (error) {
        invalid = true;
        host.error({namespace: name, key, reason: (error as Error).message, raw: text});
        if (absentIsDefault) values[key] = varOf(key).defaultValue;
      }
    }
    return {values, invalid};
  };

  let store: StateStore<V> | undefined;
  const client: UrlClient = {
    name,
    fingerprint: definition.fingerprint,
    params: keys.map((key) => bindings[key].param!),
    mode,
    selfish: definition.urlSelfish,
    shares: definition.shareUrlWith,
    restoreOnTouch: definition.restoreUrlOnTouch,
    texts: () => {
      const values: Record<string, unknown> = {};
      for (const key of keys) values[key] = store!.peek(key);
      return textsOf(values);
    },
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
      href: (merged) => handle.href(textsOf(merged)),
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
      }, keys);
    },
  };
}
