import {DEV} from '../dev.js';
import {debug, debugging} from '../debug/log.js';
import type {UrlChangeKind} from '../core/protocol.js';
import {markOf} from './marks.js';
import {slot, type ServiceCore} from './ops.js';

/**
 * Someone else changed the URL from `before` to `href`, and every attached namespace adopts it.
 * A navigation (push, traverse, reload) is the whole state of its entry: each namespace reads
 * every param, and an absent one is its default in an entry page-state wrote with it whole
 * (its mark), else falls back to storage, then the default, as on a load. A replace is adopted
 * for the params it changed; those it removed are remembered for restore-on-touch.
 */
export function adoptChange(core: ServiceCore, before: string, href: string, kind: UrlChangeKind): void {
  const {entries, purged} = core;
  if (DEV && debugging('url')) debug('url', `adopt another writer's ${kind}: ${href}`, {from: before, namespaces: [...entries].map((e) => e.client.name)});
  if (kind !== 'replace') {
    const whole = kind === 'traverse' ? markOf(core.port.state(), href) : new Set<string>();
    purged.clear();
    for (const entry of [...entries]) {
      entry.hidden = false;
      entry.vanished = undefined;
      entry.client.receive(core.index(href)[entry.client.mode], kind, !whole.has(entry.client.name));
    }
    return;
  }
  const old = core.index(before); // usually the URL just read: parsed already
  const now = core.index(href);
  for (const entry of [...entries]) {
    const {client} = entry;
    const changed = new Map<string, string>();
    for (const name of client.params) {
      const was = old[client.mode].get(name);
      const is = now[client.mode].get(name);
      if (is === undefined) {
        if (was !== undefined) (entry.vanished ??= []).push(name);
      } else if (is !== was) {
        changed.set(name, is);
        purged.delete(slot(client.mode, name));
      }
    }
    if (changed.size) {
      entry.hidden = false;
      client.receive(changed, kind, false);
    }
  }
}
