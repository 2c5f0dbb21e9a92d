import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import {ElementBase} from './element-base.js';

/**
 * An element that hosts Lit reactive controllers (what `@lit/context`'s provider and consumer
 * need) without Lit's update cycle: `<page-state>` renders nothing, so a page that uses it without
 * Lit (the CDN file, a React or Vue app) loads no `ReactiveElement`.
 *
 * @example
 * ```ts
 * class ScopeElement extends ControllerHost {
 *   readonly provider = new ContextProvider(this, {context: scopeContext});
 * }
 * ```
 */
export class ControllerHost extends ElementBase implements ReactiveControllerHost {
  readonly #controllers = new Set<ReactiveController>();

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  /** Nothing to render: controllers that ask for an update change no output. */
  requestUpdate(): void {}

  /** Always complete: it never renders. */
  readonly updateComplete: Promise<boolean> = Promise.resolve(true);

  connectedCallback(): void {
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }
}
