import {DEV} from '../dev.js';
import type {StateDefinition, VarMap} from '../core/schema/define.js';
import {ErrorCode, PageStateError} from '../core/errors/errors.js';
import type {Mirroring} from '../core/store/layers.js';
import type {StoreHost} from '../core/types.js';
import {PROTOCOL, type SharedScope} from './protocol.js';
import {StateStore} from '../core/store/store.js';

/** Builds the store of a namespace (with its URL and persistence layers, in a page); the store
 * calls `register` before anything leaves it. */
export type StoreFactory = <V extends VarMap>(
  definition: StateDefinition<V>,
  options: {host: StoreHost; register(store: StateStore<V>, mirroring: Mirroring): void},
) => StateStore<V>;

const plainStore: StoreFactory = (definition, options) => new StateStore(definition, options);

/**
 * A registry of stores: the root scope of a page, or the scope of one `<page-state>` element.
 * A namespace lives in the nearest scope that declares it, else in the root (the scope with no
 * parent).
 *
 * @example
 * ```ts
 * const root = new StateScope(host);
 * const inner = new StateScope(host, root);
 * inner.declare(Filters);
 * inner.resolve(Filters);  // lives in inner
 * inner.resolve(Nav);      // lives in root
 * ```
 */
export class StateScope implements SharedScope {
  readonly protocol = PROTOCOL;
  readonly #declared = new Map<string, StateDefinition<any>>();
  readonly #stores = new Map<string, StateStore<any>>();
  /** Each store's switch for mirroring, which its start handed this scope (and nobody else). */
  readonly #mirroring = new Map<string, Mirroring>();
  readonly #factory: StoreFactory;

  constructor(
    readonly host: StoreHost,
    /** The enclosing scope (possibly another copy's: used through {@link SharedScope} only); undefined for the root. */
    public parent?: SharedScope,
    factory: StoreFactory = plainStore,
  ) {
    this.#factory = factory;
  }

  /** Makes these namespaces live in this scope. */
  declare(...definitions: StateDefinition<any>[]): void {
    for (const definition of definitions) {
      this.#check(this.#declared.get(definition.name) ?? this.#stores.get(definition.name)?.definition, definition);
      this.#declared.set(definition.name, definition);
      this.host.declared?.(definition.name);
    }
  }

  /** Forgets the namespace called `name` declared here, so that another definition may take its
   * place (markup fixed): its store stops mirroring, and the next `find` makes the new one's. */
  undeclare(name: string): void {
    this.#mirroring.get(name)?.(false);
    this.#stores.delete(name);
    this.#mirroring.delete(name);
    this.#declared.delete(name);
  }

  /** Stops (`false`) or restarts (`true`) mirroring every store of this very scope into the URL
   * and storage, while its `<page-state>` is out of the page; restarting writes their state back. */
  mirroring(on: boolean): void {
    for (const mirroring of this.#mirroring.values()) mirroring(on);
  }

  /** The store of the namespace called `name`, if it is declared here or above, or exists in the root. */
  find(name: string): StateStore<any> | undefined {
    if (this.parent && !this.declares(name)) return this.parent.find(name);
    const definition = this.#declared.get(name) ?? this.#stores.get(name)?.definition;
    return definition && this.storeOf(definition);
  }

  /** Whether a namespace of this name was declared here. */
  declares(name: string): boolean {
    return this.#declared.has(name);
  }

  /** The stores created in this very scope. */
  get stores(): StateStore<any>[] {
    return [...this.#stores.values()];
  }

  /** The definitions declared here. */
  get declared(): StateDefinition<any>[] {
    return [...this.#declared.values()];
  }

  /** The store of `definition` in the scope where it lives. */
  resolve<V extends VarMap>(definition: StateDefinition<V>): StateStore<V> {
    return this.parent && !this.declares(definition.name) ? this.parent.resolve(definition) : this.storeOf(definition);
  }

  /** The store of `definition` in this very scope, created on first use (registered here
   * before its start reads the URL or storage, so its first events find it). */
  storeOf<V extends VarMap>(definition: StateDefinition<V>): StateStore<V> {
    const existing = this.#stores.get(definition.name);
    this.#check(existing?.definition ?? this.#declared.get(definition.name), definition);
    // A declared namespace was announced when declared: its store does not announce it again.
    const host = this.#declared.has(definition.name) ? {...this.host, declared: undefined} : this.host;
    try {
      return (
        existing ??
        this.#factory(definition, {
          host,
          register: (store, mirroring) => {
            this.#stores.set(definition.name, store);
            this.#mirroring.set(definition.name, mirroring);
          },
        })
      );
    } catch (error) {
      // A start that failed (PS_CONFLICT of its URL params) leaves no half-made store: the next
      // call tries again, and says the same.
      this.#stores.delete(definition.name);
      this.#mirroring.delete(definition.name);
      throw error;
    }
  }

  #check(known: StateDefinition<any> | undefined, definition: StateDefinition<any>) {
    if (known && known !== definition && known.fingerprint !== definition.fingerprint)
      throw new PageStateError(
        ErrorCode.conflict,
        DEV
          ? `two different definitions of "${definition.name}" meet in ${this.parent ? 'one <page-state> scope' : 'the root scope'}: give one of them another name, or import the same definition in both places`
          : definition.name,
      );
  }
}
