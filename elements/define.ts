// What the entries call (`page-state` for <page-state>, `page-state/elements` for the markup
// elements): a module of its own, so that defining <page-state> brings none of the markup
// elements' base.

/** Defines a custom element unless another copy of page-state already did, or there is no
 * custom elements registry (Node). */
export function define(name: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (registry && !registry.get(name)) registry.define(name, element);
}
