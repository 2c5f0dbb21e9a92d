import {ContextEvent, ContextRoot, createContext} from '@lit/context';
import type {PersistMode, StateDefinition, VarMap} from '../core/define.js';
import {
  ELEMENT_SCOPE, PROTOCOL, RUNTIME_KEY, RUNTIME_KEY_OF_PROTOCOL, SCOPE_CONTEXT_KEY, speaks,
  type SharedIdentity, type SharedRuntime, type SharedScope, type UrlMode,
} from '../core/protocol.js';
import {StateScope, type StoreFactory} from '../core/scope.js';
import {ErrorCode, PageStateError} from '../core/errors.js';
import {DEV} from '../dev.js';
import {StateStore} from '../core/store.js';
import {identityHub} from '../persist/identity.js';
import {persistLayer} from '../persist/layer.js';
import {storageResolver} from '../persist/resolve.js';
import {urlLayer} from '../url/binding.js';
import {browserHistory, type HistoryPort} from '../url/port.js';
import {UrlService} from '../url/service.js';
import {VERSION} from '../version.js';
import {eventHost} from './events.js';
import {checkShares} from './shares.js';

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
export const scopeContext = createContext<SharedScope>(SCOPE_CONTEXT_KEY);

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
    if (DEV && shared.version !== VERSION) announce(() => console.warn(`page-state ${VERSION} shares this page with page-state ${shared.version} (protocol ${PROTOCOL}); align their versions.`));
    return shared;
  }
  // Buffers context requests made before their <page-state> upgraded, and replays them.
  new ContextRoot().attach(document.documentElement);
  const runtime = createRuntime({history: browserHistory(window), storage: storageResolver(window), storages: () => [localStorage, sessionStorage], events: document});
  holder[RUNTIME_KEY_OF_PROTOCOL] = runtime;
  const first = holder[RUNTIME_KEY] as {version?: string; protocol?: number; url?: {protocol?: number}} | undefined;
  if (!first) holder[RUNTIME_KEY] = runtime;
  else {
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
  /** `localStorage` and `sessionStorage`, where the identity's partitions are. */
  storages: () => [local: Storage, session: Storage];
  /** Where the root scope's events go (`document`). */
  events: EventTarget;
}

/** A runtime over `world`: the URL service, the root scope, the identity. */
export function createRuntime({history, storage, storages, events}: RuntimeWorld): SharedRuntime {
  const settings: ScopeSettings = {mode: () => 'query', endpoint: () => '/page-state', persist: () => false};
  const runtime = {protocol: PROTOCOL, version: VERSION, url: new UrlService(history, VERSION), storage, scoped: new Map()} as Omit<SharedRuntime, 'root'> as SharedRuntime;
  runtime.identity = hub(storages, events);
  (runtime as {root: SharedScope}).root = new StateScope(eventHost(events), undefined, mirroredStores(runtime, settings));
  return runtime;
}

/** The page's identity; a runtime an earlier copy made gets one from the first copy that needs it. */
export const identityOf = (runtime: SharedRuntime): SharedIdentity => (runtime.identity ??= hub(() => [localStorage, sessionStorage], document));

/** An identity whose partitions are in `storages`, announced on `events`. */
const hub = (storages: RuntimeWorld['storages'], events: EventTarget) =>
  identityHub(storages, (detail) => events.dispatchEvent(new CustomEvent('page-state-identity', {detail})));

/** A store factory mirroring namespaces into the URL, then into their storage (the
 * namespace's own `persist`, else its scope's). */
export const mirroredStores =
  (runtime: SharedRuntime, settings: ScopeSettings): StoreFactory =>
  (definition, options) => {
    const persist = definition.persist === false ? settings.persist() : definition.persist;
    if (DEV) checkShares(runtime, definition);
    const layers = [urlLayer(definition, runtime.url, settings.mode())];
    if (persist !== false) layers.push(persistLayer(definition, persist, runtime.storage(persist, settings.endpoint()), identityOf(runtime)));
    return new StateStore(definition, {...options, persist, layers});
  };

/**
 * The scope of the nearest `<page-state>` around `node` (itself included) that speaks this
 * copy's protocol, else the root.
 */
export function nearestScope(node?: Element): SharedScope {
  const own = (node as {[ELEMENT_SCOPE]?: SharedScope} | undefined)?.[ELEMENT_SCOPE];
  let scope = speaks(own) ? own : undefined;
  node?.dispatchEvent(new ContextEvent(scopeContext, node, (value) => (scope ??= speaks(value) ? value : undefined)));
  return scope ?? pageStateRuntime().root;
}

/**
 * The store of a namespace: in the nearest `<page-state>` above `node` that declares it, else in
 * the page's root scope (which exists without any element). By name, it finds a namespace
 * declared already, in markup (`<state-namespace>`) or by a definition, and throws a
 * `PageStateError` (`PS_UNKNOWN_NAMESPACE`) if there is none yet (markup declares itself once the
 * document is parsed: wait for `page-state-declared`).
 *
 * @example
 * ```ts
 * const app = stateOf(AppWorkflow);          // root scope
 * const scoped = stateOf(AppWorkflow, el);   // nearest declaring <page-state> above el
 * app.state.priority = 2;
 * const filters = stateOf('Filters', el);    // <state-namespace name="Filters"> around el
 * filters.set('q', 'shoes');
 * ```
 */
export function stateOf<V extends VarMap>(definition: StateDefinition<V>, node?: Element): StateStore<V>;
export function stateOf(name: string, node?: Element): StateStore;
export function stateOf(definition: StateDefinition<any> | string, node?: Element): StateStore<any> {
  if (typeof definition == 'string') {
    const store = nearestScope(node).find(definition);
    if (store) return store;
    throw new PageStateError(ErrorCode.unknownNamespace, DEV ? `no namespace "${definition}" is declared here yet (wait for page-state-declared)` : definition);
  }
  if (DEV && !node) {
    asked.set(definition.name, definition);
    const [holder] = pageStateRuntime().scoped.get(definition.name) ?? [];
    if (holder) warnRoot(definition, holder as Element);
  }
  return nearestScope(node).resolve(definition);
}
/** Definitions whose root store `stateOf` gave without a node, by name, and those warned of. */
const asked = /* @__PURE__ */ new Map<string, StateDefinition<any>>();
const warned = /* @__PURE__ */ new WeakSet<object>();

/** Says once per definition that a node-less `stateOf` gave the root store where `element` declares it. */
function warnRoot(definition: StateDefinition<any>, element: Element) {
  if (warned.has(definition)) return;
  warned.add(definition);
  const where = `<page-state${element.id ? ` id="${element.id}"` : ''}>`;
  const {name} = definition;
  console.warn(`page-state: stateOf(${name}) without a node gives the root store, but ${where} declares ${name}: pass a node inside it, stateOf(${name}, node).`, element);
}

/** Records that `element`, connected (`on`) or not, declares the namespaces called `names`; a
 * node-less `stateOf` of one of them, made before it connected (Vue's setup), is warned of now.
 * Only the development build warns, so only it keeps the record. */
export function declaredBy(element: object, names: readonly string[], on: boolean): void {
  if (DEV) {
    const {scoped} = pageStateRuntime();
    for (const name of names) {
      const holders = scoped.get(name) ?? new Set();
      if (on) {
        scoped.set(name, holders.add(element));
        const definition = asked.get(name);
        if (definition) warnRoot(definition, element as Element);
      } else if (holders.delete(element) && !holders.size) scoped.delete(name);
    }
  }
}

/**
 * Says who is signed in (`null`: nobody), for pages that sign in without a reload; with a
 * `persist: 'server'` namespace, the server's answers say it too (`page-state-identity`). On a
 * change every persisted namespace of the page re-hydrates for the new identity (vars the URL
 * holds keep their values; the rest go back to their defaults, then take the new identity's
 * stored values), browser storage switches to the identity's own keys, and `document` gets one
 * `page-state-identity` event. Signing out, or switching, deletes the previous identity's
 * `local` and `session` keys in this browser unless `keepOnSignOut` (the server keeps its state
 * for the next sign-in). `identity` is the app's own opaque, stable tag: never a password, and
 * better not an e-mail address, since it names storage keys.
 *
 * @example
 * ```ts
 * const user = await signIn(form);
 * setIdentity(user.id);                          // Ada's drafts, not the anonymous ones
 * setIdentity(null);                             // signed out: Ada's drafts leave this browser
 * setIdentity(null, {keepOnSignOut: true});      // ...or stay, for her next sign-in here
 * ```
 */
export function setIdentity(identity: string | null, options: {keepOnSignOut?: boolean} = {}): void {
  identityOf(pageStateRuntime()).set(identity, options.keepOnSignOut);
}

/**
 * Params that no selfish claim or `focus()` ever purges, as globs (`utm_*`): the JS form of
 * `<page-state keep-params>`, for a router's own params say. Params a claim already purged from
 * the current history entry come back, so the order in which modules start does not matter.
 *
 * @example
 * ```ts
 * keepParams(['section', 'utm_*']);
 * ```
 */
export function keepParams(patterns: readonly string[]): void {
  pageStateRuntime().url.keep(patterns);
}
