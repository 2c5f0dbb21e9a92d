import type {StateDefinition} from '../core/schema/define.js';
import {ErrorCode} from '../core/errors/errors.js';

/** Params warned about, per page (its URL service), so a param rejected again on the same load
 * (a navigation back to it, another writer) does not repeat its line. */
const warned = new WeakMap<object, Set<string>>();

/**
 * Development only: one console warning per rejected URL param per load, naming the param as
 * written in the URL (prefix + url-key: `f_p`, not `page`), its raw value, its var and why.
 * The `page-state-error` event is fired besides it, in both builds.
 */
export function warnRejected(
  page: object,
  definition: StateDefinition<any>,
  key: string,
  reason: string,
  raw: string,
): void {
  const param = definition.bindings[key]!.param!;
  const seen = warned.get(page) ?? new Set<string>();
  warned.set(page, seen);
  if (seen.has(param)) return;
  seen.add(param);
  const {name, urlPrefix} = definition;
  const urlKey = param.slice(urlPrefix.length);
  console.warn(
    `page-state ${ErrorCode.invalidValue}: the URL param ${param}=${raw} is ignored: ${reason}. It is ${name}.${key}` +
      `${urlPrefix ? ` (urlPrefix "${urlPrefix}" + urlKey "${urlKey}")` : ''}, which keeps its stored or default value.`,
  );
}
