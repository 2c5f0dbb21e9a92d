import type {PersistMode, StateDefinition} from '../core/schema/define.js';
import {freshDefault, persists, type LayerMaker} from '../core/store/layers.js';
import {resolved} from '../core/store/change-delivery.js';
import {HYDRATED, type Hydrating, type Hydration} from '../core/store/hydration.js';
import type {StorageAdapter, StoredState} from '../core/types.js';
import {debug, debugging} from '../debug/log.js';
import {DEV} from '../dev.js';
import type {JsonValue, StateVar} from '../core/schema/var.js';
import {ErrorCode} from '../core/errors/errors.js';
import {REPORTS, type Reporting} from './adapter-reports.js';
import {decodeRecord, message, type Report} from './stored-record.js';
import {watchIdentity, type SharedRuntime} from '../runtime/protocol.js';

/** What a storage layer owes storage: nothing, one save at the end of this task (however many
 * vars changed), or nothing ever again (storage failed: the state is kept in memory only). */
type Saving = 'idle' | 'scheduled' | 'degraded';

/** How a storage layer follows the page's identity: following it (until `stop`), or away (not
 * connected yet, or its scope left the page) since the identity `left` was shown (none yet). */
type Following = {readonly stop: () => void} | {readonly left?: string | null};

/**
 * The storage layer of a store: reads `{version, values}` once (migrating older versions and
 * validating each var on its own), then saves the persisted vars after every task that changed
 * them. Storage that throws degrades to memory with one `page-state-error`; changes made
 * elsewhere (another tab) arrive with `source: 'storage'`. When the identity of `runtime` changes
 * (once it has one), the namespace re-hydrates: every var not held by the URL goes back to its
 * default, then takes the new identity's stored value (`source: 'storage'`). Undefined when no
 * var persists.
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
    runtime?: SharedRuntime,
  ): LayerMaker =>
  (feed) => {
    const {name} = definition;
    const keys = definition.keys.filter((key) => persists(definition, mode, key));
    if (!keys.length) return undefined;
    const varOf = (key: string) => definition.vars[key] as StateVar;
    const report: Report = feed.report;
    /** Reports what failed, with the error. */
    const failed = (what: string) => (error: unknown) => report(null, `${what}: ${message(error)}`, null);
    (adapter as Partial<Reporting>)[REPORTS]?.(name, report.bind(null, null));
    let saving: Saving = 'idle';
    let following: Following = {};
    /** After an identity switch, while the new identity's values load (async storage). */
    let loading: Hydration = HYDRATED;
    /** What storage holds, as far as this layer knows: the URL falls back to it on navigation. */
    let stored: Record<string, unknown> = {};

    // Saving's transitions: schedule (a change), save or drop (clear), degrade (storage failed).
    const schedule = () => {
      if (saving !== 'idle') return;
      saving = 'scheduled';
      queueMicrotask(save);
    };
    const save = () => {
      if (saving !== 'scheduled') return;
      saving = 'idle';
      const values: Record<string, JsonValue> = {};
      for (const key of keys) {
        stored[key] = feed.values()[key];
        values[key] = varOf(key).toJSON(stored[key]);
      }
      try {
        const {ttlSeconds} = definition;
        const done = adapter.set(
          name,
          ttlSeconds
            ? {version: definition.version, values, expires: Date.now() + ttlSeconds * 1000}
            : {version: definition.version, values},
        );
        if (done instanceof Promise) done.catch(failed('could not save'));
      } catch (error) {
        degrade(error);
      }
    };
    const degrade = (error: unknown) => {
      if (saving === 'degraded') return;
      saving = 'degraded';
      if (DEV && debugging('storage'))
        debug('storage', `${name}: storage failed (${message(error)}); memory only from now on`, {
          persist: typeof mode === 'string' ? mode : 'adapter',
        });
      if (DEV) report(null, `storage failed (${message(error)}); the state is kept in memory only`, null);
      else failed('storage failed')(error);
    };

    const decode = (raw: unknown) =>
      decodeRecord(definition, keys, raw, report, () =>
        resolved.then(() => saving === 'degraded' || adapter.remove(name)).catch(() => {}),
      );
    const load = () => {
      try {
        return saving === 'degraded' ? undefined : adapter.get(name);
      } catch (error) {
        degrade(error);
      }
    };
    const loaded = load();
    const isAsync = loaded instanceof Promise;
    const hold = (values: Record<string, unknown>) => ((stored = {...stored, ...values}), values);

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
        (key) =>
          definition.bindings[key]!.param === null || varOf(key).equals(feed.values()[key], varOf(key).defaultValue),
      );
      const data = load();
      const late = data instanceof Promise;
      receive(late ? undefined : data, free);
      if (!late) return void (loading = HYDRATED);
      // Loading's transitions: a switch starts it; its values, or its failure, end it unless another switch came since.
      const mine: Hydrating = (loading = {written: new Set()});
      data
        .then((values) => loading === mine && receive(values, free, mine.written), unloaded)
        .finally(() => loading === mine && (loading = HYDRATED));
    };
    // No session handler at the endpoint: the adapter reports that once for the page, not once per namespace.
    const unloaded = (error: unknown): undefined =>
      void ((error as {code?: string} | null)?.code === ErrorCode.noSessionHandler || failed('could not load')(error));
    // Following's transitions: connect and resume follow, suspend goes away.
    const follow = () => {
      if (runtime) following = {stop: watchIdentity(runtime, rehydrate)};
    };
    /** The identity shown: `null` while anonymous, and while the runtime has none yet. */
    const shown = () => runtime?.identity?.tag ?? null;

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
          if ('stop' in following) following.stop();
          following = {left: shown()};
        },
        resume() {
          const away = following;
          if (!runtime || 'stop' in away) return;
          follow();
          if (shown() !== away.left) rehydrate(true);
        },
        async clear() {
          if (saving === 'scheduled') saving = 'idle'; // a save queued before clear() is dropped
          stored = {};
          try {
            if (saving !== 'degraded') await adapter.remove(name);
          } catch (error) {
            failed('could not delete')(error);
          }
        },
      },
      connect() {
        follow();
        feed.mirror(({key, source}, clearing) => {
          if (source === 'storage') return; // what storage sent is stored already
          if (loading !== HYDRATED) loading.written.add(key);
          if (!clearing && keys.includes(key)) schedule(); // a clear deletes instead of saving its defaults
        });
        adapter.subscribe?.(name, (data) => receive(data, keys));
      },
    };
  };
