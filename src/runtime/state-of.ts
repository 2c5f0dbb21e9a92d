import type {StateDefinition, VarMap} from '../core/schema/define.js';
import {ErrorCode, PageStateError} from '../core/errors/errors.js';
import type {StateStore} from '../core/store/store.js';
import {DEV} from '../dev.js';
import {nearestScope} from '../lit/context.js';
import {pageStateRuntime} from './runtime.js';

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
    throw new PageStateError(
      ErrorCode.unknownNamespace,
      DEV ? `no namespace "${definition}" is declared here yet (wait for page-state-declared)` : definition,
    );
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
  console.warn(
    `page-state: stateOf(${name}) without a node gives the root store, but ${where} declares ${name}: pass a node inside it, stateOf(${name}, node).`,
    element,
  );
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
