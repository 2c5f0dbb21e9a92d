import {DEV} from '../dev.js';
import {debug, debugging} from '../debug/log.js';
import type {UrlChangeKind} from '../runtime/protocol.js';
import {markOf} from './history-marks.js';
import {indexOf} from './parsed-url.js';
import {slot, type ServiceCore} from './entry.js';

/**
 * Someone else changed the URL from `before` to `href`, and every attached namespace adopts it.
 * A navigation (push, traverse, reload) is the whole state of its entry: each namespace reads
 * every param, and an absent one is its default in an entry page-state wrote with it whole
 * (its mark), else falls back to storage, then the default, as on a load. A replace is adopted
 * for the params it changed; those it removed are remembered for restore-on-touch.
 */
export function adoptChange(core: ServiceCore, before: string, href: string, kind: UrlChangeKind): void {
  const {entries, purged} = core;
  if (DEV && debugging('url'))
    debug('url', `adopt another writer's ${kind}: ${href}`, {
      from: before,
      namespaces: [...entries].map((e) => e.client.name),
    });
  if (kind !== 'replace') {
    const whole = kind === 'traverse' ? markOf(core.port.state(), href) : new Set<string>();
    purged.clear();
    for (const entry of [...entries]) {
      const {client} = entry;
      const present = indexOf(href)[client.mode];
      const fallback = !whole.has(client.name);
      entry.wrote();
      client.receive(present, kind, fallback);
      // Storage gave what the URL lacks (as on a load): it goes into the URL on the next touch,
      // so a shared link or a new tab shows it too. A view still on screen after the router has
      // rendered the entry (a link to the same route) may read nothing more: it is a touch.
      const texts = client.texts();
      const missing = client.params.filter((name) => fallback && !present.has(name) && texts[name] !== undefined);
      if (missing.length) {
        entry.lose(...missing);
        if (client.watched()) core.port.later(() => client.watched() && entry.touch(), 0);
      }
    }
    return;
  }
  const old = indexOf(before); // usually the URL just read: parsed already
  const now = indexOf(href);
  for (const entry of [...entries]) {
    const {client} = entry;
    const changed = new Map<string, string>();
    for (const name of client.params) {
      const was = old[client.mode].get(name);
      const is = now[client.mode].get(name);
      if (is === undefined) {
        if (was !== undefined) entry.lose(name);
      } else if (is !== was) {
        changed.set(name, is);
        purged.delete(slot(client.mode, name));
      }
    }
    if (changed.size) {
      entry.unhide();
      client.receive(changed, kind, false);
    }
  }
}
