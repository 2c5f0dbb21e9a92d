import {ContextConsumer} from '@lit/context';
import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import type {StateDefinition, StateValues, VarMap} from '../core/schema/define.js';
import {speaks} from '../runtime/protocol.js';
import type {StateStore} from '../core/store/store.js';
import {sharedView} from '../core/store/live-view.js';
import {pageStateRuntime} from '../runtime/runtime.js';
import {scopeContext} from '../lit/context.js';
import {stateOf} from '../runtime/state-of.js';
import {IDLE, OPEN, type ReadWindow} from './read-window.js';

type Host = ReactiveControllerHost & HTMLElement & {readonly isUpdatePending?: boolean};

/**
 * Binds a Lit element to a namespace. It finds the store in the nearest `<page-state>` that
 * declares the namespace (else the root scope), records which vars the host read during its
 * last update cycle (`willUpdate`, `render` and `updated` alike), and requests an update only
 * when one of those changes. While its host is connected, the namespace is on screen: a
 * selfish claim keeps its params, and a purged one comes back into the URL.
 *
 * @example
 * ```ts
 * class TaskView extends LitElement {
 *   private app = new StateController(this, AppWorkflow);
 *   override render() {
 *     return html`<button @click=${() => this.app.state.priority++}>${this.app.state.priority}</button>`;
 *   }
 * }
 * ```
 */
export class StateController<V extends VarMap> implements ReactiveController {
  /** The namespace's values; reads during an update are tracked, assignments are validated. */
  readonly state: StateValues<V>;
  #store?: StateStore<V>;
  #window: ReadWindow = IDLE;
  /** Vars read in the host's current update cycle. */
  #reading = new Set<string>();
  /** Vars read in its last complete cycle: what it listens to. */
  #tracked = new Set<string>();
  #unsubscribe?: () => void;

  readonly #host: Host;

  constructor(
    host: Host,
    readonly definition: StateDefinition<V>,
  ) {
    this.#host = host;
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
        if (this.#window === OPEN || host.isUpdatePending) this.#reading.add(key);
        return this.store.get(key);
      },
      (key, value) => this.store.set(key, value as never),
    );
  }

  /** The store the host is bound to. */
  get store(): StateStore<V> {
    return this.#store ?? stateOf(this.definition, this.#host);
  }

  hostConnected(): void {
    // The context consumer (registered first) has answered by now if a provider exists.
    this.#use(this.#store ?? stateOf(this.definition, this.#host));
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  hostUpdate(): void {
    this.#window = OPEN; // an update before the last window closed keeps it open
  }

  hostUpdated(): void {
    // updated() runs right after this: the cycle's reads are complete a microtask later.
    queueMicrotask(this.#commit);
  }

  /** open → idle: the cycle's reads are what it listens to now. */
  readonly #commit = () => {
    const read = this.#reading;
    this.#window = IDLE;
    this.#reading = new Set();
    if (read.size !== this.#tracked.size || [...read].some((key) => !this.#tracked.has(key))) {
      this.#tracked = read;
      this.#listen();
    }
  };

  #use(store: StateStore<V>) {
    if (store === this.#store && this.#unsubscribe) return;
    const switched = this.#store !== undefined && store !== this.#store;
    this.#store = store;
    this.#listen();
    if (switched) this.#host.requestUpdate();
  }

  /** Listens through `subscribe` (every change of a tracked var, at once), not the DOM events:
   * Lit turns the updates one task requests into one update itself. */
  #listen() {
    this.#unsubscribe?.();
    this.#unsubscribe =
      this.#store && this.#host.isConnected
        ? this.#store.subscribe(this.#onChange, [...this.#tracked] as (keyof V & string)[])
        : undefined;
  }

  readonly #onChange = () => this.#host.requestUpdate();
}
