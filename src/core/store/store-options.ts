import type {PersistMode, StoreHost} from '../types.js';
import type {LayerMaker, Mirroring} from './layers.js';

/**
 * What a bare `StateStore` starts from, besides its definition (stores of a page come
 * from `stateOf`, controllers and elements; a bare one, mirrored nowhere, suits Node and workers).
 *
 * @example
 * ```ts
 * const store = new StateStore(App, {initial: {page: 2}});
 * store.subscribe(({key, value}) => console.log(key, value));
 * ```
 */
export interface StateStoreOptions {
  /** @internal Receives each changed key at the end of its task, and every rejected value (its
   * scope's DOM events). Default: silent. */
  host?: StoreHost;
  /** Values the store starts with (validated like `set`: an invalid one throws a `StateValidationError`). */
  initial?: Partial<Record<string, unknown>>;
  /** @internal The layers mirroring the store, in precedence order (the first that holds a value wins). */
  layers?: readonly LayerMaker[];
  /** @internal Where the namespace persists: its own option, or its scope's. */
  persist?: PersistMode;
  /** @internal Records the store in its scope, before anything leaves it, with its switch for mirroring. */
  register?(store: unknown, mirroring: Mirroring): void;
}
