import type {ErrorDetail} from '../src/core/ports.js';

/**
 * Reports bad markup or a rejected input: a `page-state-error` from `element`, and the console;
 * with `warning`, something that rejected nothing, as a `page-state-warning`.
 */
export function announceError(element: Element, detail: ErrorDetail, warning = false): void {
  element.dispatchEvent(new CustomEvent(warning ? 'page-state-warning' : 'page-state-error', {detail, bubbles: true, composed: true}));
  console[warning ? 'warn' : 'error'](`<${element.localName}> ${detail.namespace}${detail.key ? `.${detail.key}` : ''}: ${detail.reason}`, element);
}

/** Runs `task` in the first task after the page has loaded (every deferred script has run). */
export function afterLoad(task: () => void): void {
  if (document.readyState === 'complete') setTimeout(task);
  else window.addEventListener('load', () => setTimeout(task), {once: true});
}

/** Runs `task` once the element's children are parsed (at once unless the page is still loading). */
export function whenParsed(task: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', task, {once: true});
  else task();
}

/**
 * The base of page-state's elements: `HTMLElement` where there is a DOM, and a plain class where
 * there is none (a server rendering a module that imports `page-state`), as Lit does, so that
 * importing the main entry in Node defines the classes without touching a DOM.
 */
export const ElementBase: typeof HTMLElement = globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement);

/** Defines a custom element unless another copy of page-state already did, or there is no
 * custom elements registry (Node). */
export function define(name: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (registry && !registry.get(name)) registry.define(name, element);
}
