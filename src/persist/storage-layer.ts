import type {PersistMode, StateDefinition} from '../core/schema/define.js';
import {freshDefault, persists, type LayerMaker} from '../core/store/layers.js';
import {resolved} from '../core/store/change-delivery.js';
import type {StorageAdapter, StoredState} from '../core/types.js';
import {debug, debugging} from '../debug/log.js';
import {DEV} from '../dev.js';
import type {JsonValue, StateVar} from '../core/schema/var.js';
import {ErrorCode} from '../core/errors/errors.js';
import {REPORTS, type Reporting} from './adapter-reports.js';
import type {SharedIdentity} from '../runtime/protocol.js';

const message = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * The storage layer of a store: reads `{version, values}` once (migrating older versions and
 * validating each var on its own), then saves the persisted vars after every task that changed
 * them. Storage that throws degrades to memory with one `page-state-error`; changes made
 * elsewhere (another tab) arrive with `source: 'storage'`. When the page's `identity` changes,
 * the namespace re-hydrates: every var not held by the URL goes back to its default, then takes
 * the new identity's stored value (`source: 'storage'`). Undefined when no var persists.
 *
 * @example
 * ```ts
 * const store = new StateStore(Draft, {layers: [urlLayer(...), persistLayer(Draft, 'session', webStorage(sessionStorage))]});
 * ```
 */
export const persistLayer =
  (
    definition: StateDefinition<any>,
    mode: Exclude<PersistMode, false>,
    adapter: StorageAdapter,
    identity?: SharedIdentity,
  ): LayerMaker =>
  (feed) => {
    const {name} = definition;
    const keys = definition.keys.filter((key) => persists(definition, mode, key));
    if (!keys.length) return undefined;
    const persisted = new Set(keys);
    const varOf = (key: string) => definition.vars[key] as StateVar;
    const report = (key: string | null, reason: string, raw: unknown) => feed.report(key, reason, raw);
    (adapter as Partial<Reporting>)[REPORTS]?.(name, (reason, raw) => report(null, reason, raw));
    let active: StorageAdapter | undefined = adapter;
    const degrade = (error: unknown) => {
      if (!active) return;
      active = undefined;
      if (DEV && debugging('storage'))
        debug('storage', `${name}: storage failed (${message(error)}); memory only from now on`, {
          persist: typeof mode === 'string' ? mode : 'adapter',
        });
      report(
        null,
        DEV
          ? `storage failed (${message(error)}); the state is kept in memory only`
          : `storage failed: ${message(error)}`,
        null,
      );
    };

    /** Valid values of a stored record; anything unusable is reported and left to defaults. */
    const decode = (raw: unknown): Record<string, unknown> => {
      if (raw === undefined) return {};
      const record = raw as Partial<StoredState> | null;
      if (
        typeof record !== 'object' ||
        record === null ||
        typeof record.values !== 'object' ||
        record.values === null ||
        !Number.isSafeInteger(record.version)
      ) {
        report(
          null,
          DEV ? 'stored data is unreadable; defaults are used and it is overwritten on the next write' : 'unreadable',
          raw,
        );
        return {};
      }
      // Past its namespace's ttlSeconds: gone, from the storage too.
      if (record.expires! <= Date.now()) {
        void resolved.then(() => active?.remove(name)).catch(() => {});
        return {};
      }
      let values = record.values as Record<string, unknown>;
      const version = record.version!;
      if (version !== definition.version) {
        const newer = version > definition.version;
        if (newer || !definition.migrate) {
          const reason = DEV
            ? `stored version ${version} is ${newer ? 'newer than' : 'older than'} ${definition.version}${newer ? '' : ' and there is no migrate()'}`
            : `stored version ${version}`;
          return (report(null, reason, raw), {});
        }
        try {
          values = definition.migrate!(values, version);
        } catch (error) {
          return (report(null, `migrate() failed: ${message(error)}`, raw), {});
        }
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        if (!Object.hasOwn(values, key)) continue;
        try {
          out[key] = varOf(key).fromJSON(values[key]);
        } catch (error) {
          report(key, (error as Error).message, values[key]);
        }
      }
      return out;
    };

    const load = () => {
      try {
        return active?.get(name);
      } catch (error) {
        degrade(error);
      }
    };
    const loaded = load();
    const isAsync = loaded instanceof Promise;
    /** What storage holds, as far as this layer knows: the URL falls back to it on navigation. */
    let stored: Record<string, unknown> = {};
    const hold = (values: Record<string, unknown>) => ((stored = {...stored, ...values}), values);

    const save = () => {
      if (!scheduled || !active) return;
      scheduled = false;
      const values: Record<string, JsonValue> = {};
      for (const key of keys) {
        stored[key] = feed.peek(key);
        values[key] = varOf(key).toJSON(stored[key]);
      }
      try {
        const {ttlSeconds} = definition;
        const done = active.set(
          name,
          ttlSeconds
            ? {version: definition.version, values, expires: Date.now() + ttlSeconds * 1000}
            : {version: definition.version, values},
        );
        if (done instanceof Promise)
          done.catch((error: unknown) => report(null, `could not save: ${message(error)}`, null));
      } catch (error) {
        degrade(error);
      }
    };
    let scheduled = false;
    /** Stops following the identity (while connected); the identity shown when it stopped. */
    let unwatch: (() => void) | undefined;
    let left: string | null | undefined;
    /** Vars written since the identity changed, while its values load: they keep what was written. */
    let written: Set<string> | undefined;
    /** Applies stored `data` (another tab's, another identity's): each of `vars` takes its stored
     * value, else its default; those in `skip` were written meanwhile and keep their values. */
    const receive = (data: StoredState | undefined, vars: readonly string[], skip?: Set<string>) => {
      const found = decode(data);
      stored = {...found};
      const values: Record<string, unknown> = {};
      for (const key of vars)
        if (!skip?.has(key)) values[key] = key in found ? found[key] : freshDefault(definition, key);
      feed.accept(values, 'storage');
    };
    /** Another identity: every var the URL does not hold shows its default until (and unless) the
     * new identity's value is in. (What the identity leaving was owed was saved for it before.) */
    const rehydrate = (arrived: boolean) => {
      if (!arrived) return save();
      const free = definition.keys.filter(
        (key) => definition.bindings[key]!.param === null || varOf(key).equals(feed.peek(key), varOf(key).defaultValue),
      );
      const data = load();
      receive(data instanceof Promise ? undefined : data, free);
      if (data instanceof Promise) {
        const mine = (written = new Set());
        data.then((late) => written === mine && receive(late, free, mine), unloaded);
      }
    };
    // No session handler at the endpoint: the adapter reports that once for the page, not once per namespace.
    const unloaded = (error: unknown): undefined =>
      void (
        (error as {code?: string} | null)?.code === ErrorCode.noSessionHandler ||
        report(null, `could not load: ${message(error)}`, null)
      );

    return {
      initial: isAsync ? {} : hold(decode(loaded)),
      holds: (key) => stored[key],
      later: isAsync
        ? (loaded as Promise<StoredState | undefined>).then((data) => hold(decode(data)), unloaded)
        : undefined,
      link: {
        // Out of the page (its <page-state> removed), the store stops following the identity, so
        // the page's identity holds no store it left; back, it catches up with a switch it missed.
        suspend() {
          unwatch?.();
          unwatch = undefined;
          left = identity?.tag;
        },
        resume() {
          if (!identity || unwatch) return;
          unwatch = identity.watch(rehydrate);
          if (identity.tag !== left) rehydrate(true);
        },
        async clear() {
          scheduled = false; // a save queued before clear() is dropped
          stored = {};
          try {
            await active?.remove(name);
          } catch (error) {
            report(null, `could not delete: ${message(error)}`, null);
          }
        },
      },
      connect() {
        unwatch = identity?.watch(rehydrate);
        feed.mirror(({key, source}, clearing) => {
          if (source !== 'storage') written?.add(key);
          // A clear deletes instead of saving its defaults; what storage sent is stored already.
          if (clearing || source === 'storage' || scheduled || !persisted.has(key)) return;
          scheduled = true;
          queueMicrotask(save); // one save per task, however many vars changed
        });
        adapter.subscribe?.(name, (data) => receive(data, keys));
      },
    };
  };
