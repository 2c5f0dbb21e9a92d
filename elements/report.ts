import type {ErrorDetail} from '../src/core/ports.js';

/** Reports bad markup or a rejected input: a `page-state-error` from `element`, and the console. */
export function announceError(element: Element, detail: ErrorDetail): void {
  element.dispatchEvent(new CustomEvent('page-state-error', {detail, bubbles: true, composed: true}));
  console.error(`<${element.localName}> ${detail.namespace}${detail.key ? `.${detail.key}` : ''}: ${detail.reason}`, element);
}

/** Runs `task` once the element's children are parsed (at once unless the page is still loading). */
export function whenParsed(task: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', task, {once: true});
  else task();
}

/** Defines a custom element unless another copy of page-state already did. */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
