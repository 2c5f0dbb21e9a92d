import {DEV} from '../dev.js';
import {debug, debugging} from '../debug/log.js';
import {setParams} from '../core/url-codec/query-text.js';
import {measuring} from '../debug/log.js';
import {parse, render, type Parsed} from './parsed-url.js';
import {slot, type Entry, type Op, type ServiceCore} from './entry.js';

/** `href` with `ops` applied in order: a namespace written after a claim comes back, one written
 * before is purged. */
export function applyOps(href: string, ops: readonly Op[], core: ServiceCore): string {
  const parsed = parse(href);
  const measured = DEV && measuring('url', 'flush');
  for (const op of ops) applyOp(parsed, op, core);
  if (measured) measured();
  return render(parsed);
}

/** Applies `op` to `parsed`, in place. */
export function applyOp(parsed: Parsed, op: Op, core: ServiceCore): void {
  if (op.type === 'claim') return purge(parsed, op.entry, core);
  if (op.type === 'keep') return keepBack(parsed, core);
  const {client} = op.entry;
  const params = op.type === 'restore' ? op.params : client.params;
  if (op.type === 'write') op.entry.wrote();
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
    else entry.purge();
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

/** The namespaces whose ops are pending, for the debug log (a function of its own, which the
 * production build, having no log, drops). */
export const pendingNames = (ops: readonly Op[]): string[] => [
  ...new Set(ops.flatMap((op) => (op.type === 'keep' ? 'keep-params' : op.entry.client.name))),
];
