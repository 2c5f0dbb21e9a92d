// The last changes of the page, each with the state of every store once its task was over, so
// that a click on one restores that state through the stores' normal, validated write path.
// It records page-state-change events, one per changed key per task, not every set(): what the
// page showed and the URL held (a state inside a task was never on screen), and a loop of 1,000
// sets does not push the other 99 changes out of the log.
import type {ChangeSource, StateChange} from '../core/index.js';
import type {StateStore} from '../core/store/store.js';
import type {ScopeView} from './model.js';

/** How many changes the inspector keeps. */
export const KEPT = 100;

/**
 * One change as `<state-inspector>` recorded it (a `page-state-change`: a key's changes in one
 * task), its cause in words, and every store's values once that task was over (what Restore
 * writes back).
 *
 * @example
 * ```ts
 * const [newest] = document.querySelector('state-inspector')!.changes;
 * console.log(newest?.change.key, newest?.cause);
 * ```
 */
export interface Recorded {
  id: number;
  change: StateChange;
  cause: string;
  /** Every store's values once the change's task was over. */
  state: Map<StateStore<any>, Readonly<Record<string, unknown>>>;
}

/** A change's cause in words, by its source (what the inspector and the devtools show). */
export const CAUSES: Record<ChangeSource, string> = {
  set: 'written by code or a binding',
  reset: 'reset to its default',
  url: 'the URL changed (back/forward, a link, another writer)',
  storage: 'storage (another tab, or stored values arriving)',
  init: 'the store started',
};

/** A log of changes, newest first, capped at {@link KEPT}. */
export class ChangeLog {
  readonly changes: Recorded[] = [];
  #next = 0;
  /** Set while a restore writes: the changes it makes say so. */
  #restoring = false;

  record(change: StateChange, scopes: readonly ScopeView[]): void {
    const state = new Map<StateStore<any>, Readonly<Record<string, unknown>>>();
    for (const {stores} of scopes) for (const store of stores) state.set(store, store.snapshot());
    const cause = this.#restoring ? 'time travel (state-inspector)' : (CAUSES[change.source] ?? change.source);
    this.changes.unshift({id: ++this.#next, change, cause, state});
    this.changes.length = Math.min(this.changes.length, KEPT);
  }

  /** Writes the state recorded after change `id` back into every store (validated by `set`). */
  restore(id: number): void {
    const recorded = this.changes.find((entry) => entry.id === id);
    if (!recorded) return;
    this.#restoring = true;
    try {
      for (const [store, values] of recorded.state) store.set({...values});
    } finally {
      // Its events are dispatched when the task's changes are flushed, a microtask its first
      // write queued before this one: they still say that they are time travel.
      queueMicrotask(() => (this.#restoring = false));
    }
  }
}
