import {ContextConsumer, ContextProvider} from '@lit/context';
import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import {isPersist, type StateDefinition} from '../src/core/schema/define.js';
import {ELEMENT_SCOPE, speaks} from '../src/runtime/protocol.js';
import {StateScope} from '../src/runtime/scope.js';
import {eventHost} from '../src/runtime/dom-events.js';
import {mirroredStores, pageStateRuntime} from '../src/runtime/runtime.js';
import {declaredBy} from '../src/runtime/state-of.js';
import {scopeContext} from '../src/lit/context.js';
import {DEV} from '../src/dev.js';
import {checkAttributes, ElementBase} from './element-base.js';

/**
 * A state scope. Namespaces it declares (through `definitions`) live here, isolated from the
 * rest of the page; every other namespace resolves to the enclosing scopes, up to the root.
 * It provides its scope to descendants (shadow roots included) through `@lit/context`.
 *
 * @attr url-mode - `query` (default) or `hash`: where its namespaces keep their params.
 * @attr keep-params - Comma-separated globs of params no selfish claim ever purges (`utm_*,ref`).
 * @attr endpoint - Base URL of the server session store for `persist: 'server'` (default `/page-state`).
 * @attr persist - `session`, `local` or `server`: where its namespaces persist when they do not say.
 *
 * Removed from the page, it stops mirroring its namespaces into the URL (they keep their state);
 * back in the page, it writes them back.
 * @fires page-state-change - A var of a namespace in this scope changed (bubbles, composed).
 * @fires page-state-error - An input of a namespace in this scope was rejected (bubbles, composed).
 * @fires page-state-warning - Something to know that rejected nothing, e.g. the URL passed 2,000 characters (bubbles, composed).
 * @fires page-state-declared - A namespace became available in this scope; detail `{namespace}` (bubbles, composed).
 * @slot - The content that uses this scope.
 *
 * @example
 * ```html
 * <page-state id="scope"><task-view></task-view></page-state>
 * <script type="module">
 *   import {AppWorkflow} from './task-view.js'; // the definition, and the element that uses it
 *   document.querySelector('#scope').definitions = [AppWorkflow];
 * </script>
 * ```
 * @tag page-state
 */
export class PageStateElement extends ElementBase {
  // A controller host, as much as the controllers of @lit/context through which it provides and
  // finds scopes ask: to be added, and told of its connection. It renders nothing, so an update is
  // done at once (what `fixture()` and `await el.updateComplete` wait for).
  readonly #controllers: ReactiveController[] = [];
  /** Adds a controller: told when this element connects and disconnects. */
  addController(controller: ReactiveController): void {
    this.#controllers.push(controller);
  }
  /** Nothing to render: nothing to update. */
  requestUpdate(): void {}
  /** Resolved: it renders nothing. */
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }

  /** @internal This element's scope. */
  readonly [ELEMENT_SCOPE] = new StateScope(
    eventHost(this),
    pageStateRuntime().root,
    mirroredStores(pageStateRuntime(), {
      mode: () => (this.getAttribute('url-mode') === 'hash' ? 'hash' : 'query'),
      endpoint: () => this.getAttribute('endpoint') ?? '/page-state',
      persist: () => {
        const mode = this.getAttribute('persist');
        return isPersist(mode) && mode;
      },
    }),
  );

  static observedAttributes = ['keep-params'];

  attributeChangedCallback(_name: string, _old: string | null, value: string | null): void {
    if (value) pageStateRuntime().url.keep(value.split(','));
  }
  readonly #provider = new ContextProvider(this as this & ReactiveControllerHost, {
    context: scopeContext,
    initialValue: this[ELEMENT_SCOPE],
  });

  constructor() {
    super();
    new ContextConsumer(this as this & ReactiveControllerHost, {
      context: scopeContext,
      subscribe: true,
      callback: (parent) => {
        // A scope of another protocol (an incompatible copy) is not ours to use: the root is.
        this[ELEMENT_SCOPE].parent = speaks(parent) ? parent : pageStateRuntime().root;
        this.#provider.setValue(this[ELEMENT_SCOPE], true);
      },
    });
    // A value assigned before the element upgraded is an own property hiding the accessor.
    if (Object.hasOwn(this, 'definitions')) {
      const early = (this as {definitions?: StateDefinition<any>[]}).definitions ?? [];
      delete (this as {definitions?: unknown}).definitions;
      this.definitions = early;
    }
  }

  /** The namespaces declared in this scope. Assigning declares more (it never undeclares). */
  get definitions(): StateDefinition<any>[] {
    return this[ELEMENT_SCOPE].declared;
  }

  set definitions(definitions: readonly StateDefinition<any>[]) {
    this[ELEMENT_SCOPE].declare(...definitions);
    if (DEV && this.isConnected)
      declaredBy(
        this,
        definitions.map((d) => d.name),
        true,
      );
    // Consumers re-resolve: a namespace they found in an outer scope may live here now.
    this.#provider.setValue(this[ELEMENT_SCOPE], true);
  }

  #away = false;

  connectedCallback(): void {
    for (const controller of this.#controllers) controller.hostConnected?.();
    if (DEV) declaredBy(this, namesOf(this[ELEMENT_SCOPE]), true);
    if (DEV) checkAttributes(this, ['url-mode', 'keep-params', 'endpoint', 'persist']);
    if (!this.#away) return;
    this.#away = false;
    this[ELEMENT_SCOPE].mirroring(true);
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
    // A move (removed and re-inserted in one task) is not a departure.
    queueMicrotask(() => {
      if (this.isConnected || this.#away) return;
      this.#away = true;
      if (DEV) declaredBy(this, namesOf(this[ELEMENT_SCOPE]), false);
      this[ELEMENT_SCOPE].mirroring(false);
    });
  }
}

/** The names a scope declares (for the development build's record of who declares what). */
const namesOf = (scope: StateScope) => scope.declared.map((d) => d.name);
