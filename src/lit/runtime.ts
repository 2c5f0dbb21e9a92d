import {ContextEvent, ContextRoot, createContext} from '@lit/context';
import type {StateDefinition, VarMap} from '../core/define.js';
import {StateScope} from '../core/scope.js';
import type {StateStore} from '../core/store.js';
import {VERSION} from '../version.js';
import {eventHost} from './events.js';

/**
 * The context through which `<page-state>` provides its scope. Its key is a `Symbol.for`, so
 * separately bundled copies of page-state find each other's providers.
 */
export const scopeContext = createContext<StateScope>(Symbol.for('page-state.scope'));

/** Property under which a `<page-state>` element exposes its scope (shared across copies). */
export const SCOPE: unique symbol = Symbol.for('page-state.element-scope') as never;

/** What every copy of page-state on a page shares, found under a well-known `Symbol.for` key. */
export interface PageStateRuntime {
  /** Version of the copy that created the runtime. */
  readonly version: string;
  /** The scope of every namespace no `<page-state>` declares. */
  readonly root: StateScope;
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
  if (!holder[RUNTIME]) {
    // Buffers context requests made before their <page-state> upgraded, and replays them.
    new ContextRoot().attach(document.documentElement);
    holder[RUNTIME] = {version: VERSION, root: new StateScope(eventHost(document))};
  }
  return holder[RUNTIME];
}

/** The scope of the nearest `<page-state>` around `node` (itself included), else the root. */
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
