import {ContextConsumer} from '@lit/context';
import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import type {StateDefinition, StateValues, VarMap} from '../core/define.js';
import {SHOW, speaks} from '../core/protocol.js';
import type {StateStore} from '../core/store.js';
import {sharedView} from '../core/view.js';
import {pageStateRuntime, scopeContext, stateOf} from './runtime.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Binds a Lit element to a namespace. It finds the store in the nearest `<page-state>` that
 * declares the namespace (else the root scope), records which vars the host read while it
 * rendered, and requests an update only when one of those changes.
 *
 * @example
 * ```ts
 * class TaskView extends LitElement {
 *   private app = new StateController(this, AppWorkflow);
 *   render() {
 *     return html`<button @click=${() => this.app.state.priority++}>${this.app.state.priority}</button>`;
 *   }
 * }
 * ```
 */
export class StateController<V extends VarMap> implements ReactiveController {
  /** The namespace's values; reads during an update are tracked, assignments are validated. */
  readonly state: StateValues<V>;
  #store?: StateStore<V>;
  #reading?: Set<string>;
  #tracked = new Set<string>();
  #unsubscribe?: () => void;

  constructor(
    private readonly host: Host,
    readonly definition: StateDefinition<V>,
  ) {
    pageStateRuntime(); // its ContextRoot must listen before our first context request
    // Subscribing makes a <page-state> that upgrades later (or a nested one) hand us its scope.
    new ContextConsumer(host, {
      context: scopeContext,
      subscribe: true,
      callback: (scope) => speaks(scope) && this.#use(scope.resolve(definition)),
    });
    host.addController(this);
    this.state = sharedView(
      definition.keys,
      (key) => {
        this.#reading?.add(key);
        return this.store.get(key);
      },
      (key, value) => this.store.set(key, value as never),
    );
  }

  /** The store the host is bound to. */
  get store(): StateStore<V> {
    return this.#store ?? stateOf(this.definition, this.host);
  }

  hostConnected(): void {
    // The context consumer (registered first) has answered by now if a provider exists.
    this.#use(this.#store ?? stateOf(this.definition, this.host));
    // What is on screen is in the URL: a namespace a claim purged comes back.
    this.#store![SHOW]?.();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  hostUpdate(): void {
    this.#reading = new Set();
  }

  hostUpdated(): void {
    const read = this.#reading!;
    this.#reading = undefined;
    if (read.size !== this.#tracked.size || [...read].some((key) => !this.#tracked.has(key))) {
      this.#tracked = read;
      this.#listen();
    }
  }

  #use(store: StateStore<V>) {
    if (store === this.#store && this.#unsubscribe) return;
    const switched = this.#store !== undefined && store !== this.#store;
    this.#store = store;
    this.#listen();
    if (switched) this.host.requestUpdate();
  }

  #listen() {
    this.#unsubscribe?.();
    this.#unsubscribe =
      this.#store && this.host.isConnected
        ? this.#store.subscribe(this.#onChange, [...this.#tracked] as (keyof V & string)[])
        : undefined;
  }

  readonly #onChange = () => this.host.requestUpdate();
}
