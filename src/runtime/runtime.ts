import {ContextRoot} from '@lit/context';
import type {PersistMode} from '../core/schema/define.js';
import {
  PROTOCOL,
  RUNTIME_KEY,
  RUNTIME_KEY_OF_PROTOCOL,
  type SharedRuntime,
  type SharedScope,
  type UrlMode,
} from './protocol.js';
import {StateScope, type StoreFactory} from './scope.js';
import {DEV} from '../dev.js';
import {StateStore} from '../core/store/store.js';
import {persistLayer} from '../persist/storage-layer.js';
import {storageResolver} from '../persist/storage-adapters.js';
import {urlLayer} from '../url/url-layer.js';
import {browserHistory, type HistoryPort} from '../url/history-port.js';
import {UrlService} from '../url/url-service.js';
import {VERSION} from '../version.js';
import {eventHost} from './dom-events.js';
import {checkShares} from './share-check.js';

/** Where a scope mirrors its namespaces. */
export interface ScopeSettings {
  mode(): UrlMode;
  /** Base URL of the server session store. */
  endpoint(): string;
  /** Where namespaces that do not say persist (`persist: false`) persist in this scope. */
  persist(): PersistMode;
}

let announced = false;

/**
 * The page's runtime, shared by every copy of page-state of this protocol and created by the
 * first one that needs it. A copy meeting a runtime of another protocol says so once and works
 * alone. The root scope dispatches its events on `document`.
 */
export function pageStateRuntime(): SharedRuntime {
  const holder = globalThis as unknown as Record<symbol, SharedRuntime | undefined>;
  const shared = holder[RUNTIME_KEY_OF_PROTOCOL];
  if (shared) {
    if (DEV && shared.version !== VERSION)
      announce(() =>
        console.warn(
          `page-state ${VERSION} shares this page with page-state ${shared.version} (protocol ${PROTOCOL}); align their versions.`,
        ),
      );
    return shared;
  }
  // Development: Node (a test, a server) has no page to keep state for; say what to use there.
  if (DEV && typeof document == 'undefined')
    throw new Error(
      'page-state: no document here, so no page-wide state (stateOf, StateController, the elements): in tests, call createTestRuntime() from page-state/testing before any store is made; on a server, make a StateStore from page-state/core.',
    );
  // Buffers context requests made before their <page-state> upgraded, and replays them.
  new ContextRoot().attach(document.documentElement);
  const runtime = createRuntime({
    history: browserHistory(window),
    storage: storageResolver(window),
    events: document,
  });
  holder[RUNTIME_KEY_OF_PROTOCOL] = runtime;
  const first = (holder[RUNTIME_KEY] ??= runtime) as {version?: string; protocol?: number; url?: {protocol?: number}};
  if (first !== runtime) {
    const theirs = first.protocol ?? first.url?.protocol ?? 1;
    announce(() =>
      console.error(
        DEV
          ? `page-state ${VERSION} (protocol ${PROTOCOL}) cannot share this page with page-state ${first.version} (protocol ${theirs}), so it works alone: load versions of one protocol.`
          : `page-state ${VERSION} (protocol ${PROTOCOL}) works alone beside page-state ${first.version} (protocol ${theirs})`,
      ),
    );
  }
  return runtime;
}

function announce(say: () => void) {
  if (announced) return;
  announced = true;
  say();
}

/** What a runtime takes of its world: the browser's, or one test's (`page-state/testing`). */
export interface RuntimeWorld {
  history: HistoryPort;
  storage: SharedRuntime['storage'];
  /** Where the root scope's events go (`document`). */
  events: EventTarget;
}

/** A runtime over `world`: the URL service, the root scope. Its identity is made when first
 * needed (`identityOf`, in the identity client: a page that never needs it never loads it). */
export function createRuntime({history, storage, events}: RuntimeWorld): SharedRuntime {
  const settings: ScopeSettings = {mode: () => 'query', endpoint: () => '/page-state', persist: () => false};
  const runtime = {
    protocol: PROTOCOL,
    version: VERSION,
    url: new UrlService(history, VERSION),
    storage,
    scoped: new Map(),
  } as Omit<SharedRuntime, 'root'> as SharedRuntime;
  (runtime as {root: SharedScope}).root = new StateScope(
    eventHost(events),
    undefined,
    mirroredStores(runtime, settings),
  );
  return runtime;
}

/** A store factory mirroring namespaces into the URL, then into their storage (the
 * namespace's own `persist`, else its scope's). */
export const mirroredStores =
  (runtime: SharedRuntime, settings: ScopeSettings): StoreFactory =>
  (definition, options) => {
    const persist = definition.persist === false ? settings.persist() : definition.persist;
    if (DEV) checkShares(runtime, definition);
    const layers = [urlLayer(definition, runtime.url, settings.mode())];
    if (persist !== false)
      layers.push(persistLayer(definition, persist, runtime.storage(persist, settings.endpoint()), runtime));
    return new StateStore(definition, {...options, persist, layers});
  };
