import {ContextEvent, createContext} from '@lit/context';
import {ELEMENT_SCOPE, SCOPE_CONTEXT_KEY, speaks, type SharedScope} from '../runtime/protocol.js';
import {pageStateRuntime} from '../runtime/runtime.js';

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
