import type {StateDefinition, VarMap} from '../core/define.js';
import type {StoreHost} from '../core/ports.js';
import {StateStore} from '../core/store.js';
import type {StateVar} from '../core/var.js';
import type {UrlMode} from './port.js';
import type {ParamTexts, UrlClient, UrlService} from './service.js';

/**
 * Creates the store of `definition` mirrored into the URL: its initial values come from valid
 * params (invalid ones fall back, are reported and corrected in the URL), and every change is
 * written back through the page's {@link UrlService}.
 *
 * @example
 * ```ts
 * const store = urlStore(Filters, eventHost(document), service, 'query');
 * ```
 */
export function urlStore<V extends VarMap>(
  definition: StateDefinition<V>,
  host: StoreHost,
  service: UrlService,
  mode: UrlMode,
): StateStore<V> {
  const {name, bindings} = definition;
  const keys = definition.keys.filter((key) => bindings[key].param !== null);
  if (!keys.length) return new StateStore(definition, host);
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
    let invalid = false;
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
  const handle = service.attach(client);
  const {values, invalid} = decode(handle.read(), false);
  store = new StateStore(definition, host, values, {
    touch: handle.touch,
    focus: handle.focus,
    href: (merged) => handle.href(textsOf(merged)),
  });
  store.subscribe(({key, source}) => {
    if (source !== 'url' && bindings[key].param !== null) handle.write(bindings[key].history === 'push');
  });
  // A rejected param is corrected in the URL at once (one replaceState at the flush).
  if (invalid) handle.write(false);
  return store;
}
