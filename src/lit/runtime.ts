import {ContextEvent, ContextRoot, createContext} from '@lit/context';
import type {PersistMode, StateDefinition, VarMap} from '../core/define.js';
import {StateScope, type StoreFactory} from '../core/scope.js';
import type {StateStore} from '../core/store.js';
import {composeStore} from '../core/layer.js';
import {persistLayer} from '../persist/layer.js';
import {storageResolver} from '../persist/resolve.js';
import {urlLayer} from '../url/binding.js';
import {browserHistory, type UrlMode} from '../url/port.js';
import {URL_PROTOCOL, UrlService} from '../url/service.js';
import {VERSION} from '../version.js';
import {eventHost} from './events.js';

/**
 * The context through which `<page-state>` provides its scope. Its key is a `Symbol.for`, so
 * separately bundled copies of page-state find each other's providers.
 *
 * @example
 * ```ts
 * // A Lit element can consume the scope directly:
 * new ContextConsumer(this, {context: scopeContext, callback: (scope) => scope.resolve(App)});
 * ```
 */
export const scopeContext = createContext<StateScope>(Symbol.for('page-state.scope'));

/** Property under which a `<page-state>` element exposes its scope (shared across copies). */
export const SCOPE: unique symbol = Symbol.for('page-state.element-scope') as never;

/**
 * What every copy of page-state on a page shares, found under a well-known `Symbol.for` key.
 *
 * @example
 * ```ts
 * const {root, url, version}: PageStateRuntime = pageStateRuntime();
 * ```
 */
export interface PageStateRuntime {
  /** Version of the copy that created the runtime. */
  readonly version: string;
  /** The scope of every namespace no `<page-state>` declares. */
  readonly root: StateScope;
  /** The one writer of history in this window. */
  readonly url: UrlService;
  /** Finds the storage adapter of a `persist` option. */
  readonly storage: ReturnType<typeof storageResolver>;
}

/** Where a scope mirrors its namespaces. */
export interface ScopeSettings {
  mode(): UrlMode;
  /** Base URL of the server session store. */
  endpoint(): string;
  /** Where namespaces that do not say persist (`persist: false`) persist in this scope. */
  persist(): PersistMode;
}

const RUNTIME = Symbol.for('page-state.runtime');

/**
 * The page's shared runtime, created by the first copy of page-state that needs it. The root
 * scope dispatches its events on `document`.
 *
 * @example
 * ```ts
 * pageStateRuntime().root.declared;
 * ```
 */
export function pageStateRuntime(): PageStateRuntime {
  const holder = globalThis as {[RUNTIME]?: PageStateRuntime};
  let runtime = holder[RUNTIME];
  if (!runtime) {
    // Buffers context requests made before their <page-state> upgraded, and replays them.
    new ContextRoot().attach(document.documentElement);
    const url = new UrlService(browserHistory(window), VERSION);
    const storage = storageResolver(window);
    const settings: ScopeSettings = {mode: () => 'query', endpoint: () => '/page-state', persist: () => false};
    runtime = holder[RUNTIME] = {version: VERSION, url, storage, root: new StateScope(eventHost(document), undefined, mirroredStores(url, storage, settings))};
  } else if (runtime.version !== VERSION && !warned) {
    // Another copy (a micro-frontend's bundle) got here first: share its runtime, and say so.
    warned = true;
    const protocol = runtime.url?.protocol === URL_PROTOCOL ? 'the same URL protocol' : `URL protocol ${runtime.url?.protocol} (this copy speaks ${URL_PROTOCOL})`;
    console.warn(`page-state ${VERSION} shares this page with page-state ${runtime.version} (${protocol}): one URL service and root scope serve both; align their versions.`);
  }
  return runtime;
}
let warned = false;

/** A store factory mirroring namespaces into the URL, then into their storage. */
export const mirroredStores =
  (url: UrlService, storage: PageStateRuntime['storage'], settings: ScopeSettings): StoreFactory =>
  (definition, host) => {
    const persist = definition.persist === false ? settings.persist() : definition.persist;
    return composeStore(definition, host, [
      urlLayer(definition, host, url, settings.mode()),
      persist === false ? undefined : persistLayer(definition, host, storage(persist, settings.endpoint())),
    ]);
  };

/**
 * The scope of the nearest `<page-state>` around `node` (itself included), else the root.
 *
 * @example
 * ```ts
 * nearestScope(someElement).find('Filters')?.focus();
 * ```
 */
export function nearestScope(node?: Element): StateScope {
  let scope = (node as {[SCOPE]?: StateScope} | undefined)?.[SCOPE];
  node?.dispatchEvent(new ContextEvent(scopeContext, node, (value) => (scope ??= value)));
  return scope ?? pageStateRuntime().root;
}

/**
 * The store of a namespace: in the nearest `<page-state>` above `node` that declares it, else in
 * the page's root scope (which exists without any element).
 *
 * @example
 * ```ts
 * const app = stateOf(AppWorkflow);          // root scope
 * const scoped = stateOf(AppWorkflow, el);   // nearest declaring <page-state> above el
 * app.state.priority = 2;
 * ```
 */
export function stateOf<V extends VarMap>(definition: StateDefinition<V>, node?: Element): StateStore<V> {
  return nearestScope(node).resolve(definition);
}
