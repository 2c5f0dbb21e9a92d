// `page-state/devtools`: page-state in Redux DevTools. Each change is an action, the state tree
// is every scope's namespaces, and the monitor's time travel writes through the stores' `set`.
// Loaded on demand, never part of the core.
//
// A change is a page-state-change event: one per changed key per task, with the state the page
// reached at the task's end. Not every set() (a store's subscribe would give those): time travel
// lands on states the page showed and the URL held, a loop of 1,000 sets is one action rather
// than a flood that pushes every other action out of the monitor (its maxAge is 50 by default),
// and the whole tree is serialised once per key per task, not once per set().
import type {StateChange} from '../core/schema/define.js';
import type {StateStore} from '../core/store/store.js';
import {CAUSES} from '../inspector/history.js';
import {pageScopes} from '../inspector/model.js';

/** The state tree the monitor shows: scope label → namespace → its values as JSON (`dump()`). */
export type DevtoolsState = Record<string, Record<string, Record<string, unknown>>>;

/** A message from the monitor, as the extension (and a remote monitor) delivers it. */
export interface DevtoolsMessage {
  type: string;
  payload?: {type: string; nextLiftedState?: {computedStates: {state: DevtoolsState}[]}};
  /** The state to show, as JSON text (JUMP_TO_STATE, JUMP_TO_ACTION, ROLLBACK). */
  state?: string;
}

/** What `__REDUX_DEVTOOLS_EXTENSION__.connect()` returns: the connection page-state drives. */
export interface DevtoolsConnection {
  init(state: DevtoolsState): void;
  send(action: {type: string; payload: unknown}, state: DevtoolsState): void;
  subscribe(listener: (message: DevtoolsMessage) => void): (() => void) | void;
  unsubscribe?(): void;
}

/** Options of {@link connectDevtools}. */
export interface DevtoolsOptions {
  /** The instance's name in the monitor. Default `'page-state'`. */
  name?: string;
  /** Makes the connection. Default: the Redux DevTools extension's `connect`, if installed. */
  connect?: (options: {name: string}) => DevtoolsConnection | undefined;
}

type Extension = {connect(options: {name: string}): DevtoolsConnection};

/** Every store of the page, by scope label and namespace. */
function stores(): Map<string, Map<string, StateStore<any>>> {
  return new Map(
    pageScopes().map(({label, stores}) => [label, new Map(stores.map((store) => [store.definition.name, store]))]),
  );
}

/** The state tree of the page now. */
export function devtoolsState(): DevtoolsState {
  const tree: DevtoolsState = {};
  for (const [label, named] of stores()) {
    tree[label] = {};
    for (const [name, store] of named) tree[label][name] = store.dump();
  }
  return tree;
}

/** Writes `tree` into the page's stores through `set` (validated, mirrored into the URL). */
function apply(tree: DevtoolsState) {
  for (const [label, named] of stores()) {
    for (const [name, store] of named) {
      const json = tree[label]?.[name];
      if (!json) continue;
      const values: Record<string, unknown> = {};
      for (const key of store.definition.keys)
        if (key in json) values[key] = store.definition.vars[key]!.fromJSON(json[key]);
      store.set(values);
    }
  }
}

/**
 * Connects the page's page-state to Redux DevTools: each change is an action `Namespace/key`
 * (payload: value, previous, source, cause; one per changed key per task, as the
 * `page-state-change` event), the state tree is every scope's namespaces, and
 * `JUMP_TO_STATE`, `JUMP_TO_ACTION`, `RESET`, `COMMIT`, `ROLLBACK` and `IMPORT_STATE` write
 * through the stores' `set`, so the URL and storage follow. Without an extension (and no
 * `connect`), it does nothing. Returns the function that disconnects.
 *
 * @example
 * ```ts
 * import {connectDevtools} from 'page-state/devtools';
 * if (import.meta.env.DEV) connectDevtools({name: 'shop'});
 * ```
 */
export function connectDevtools(options: DevtoolsOptions = {}): () => void {
  const {name = 'page-state'} = options;
  const extension = (globalThis as {__REDUX_DEVTOOLS_EXTENSION__?: Extension}).__REDUX_DEVTOOLS_EXTENSION__;
  const connection = options.connect ? options.connect({name}) : extension?.connect({name});
  if (!connection) return () => {};
  let travelling = false;
  /** Writes for the monitor: their events, dispatched when the task's changes are flushed (a
   * microtask the first write queued), are no new actions. */
  const travel = (write: () => void) => {
    travelling = true;
    try {
      write();
    } finally {
      queueMicrotask(() => (travelling = false));
    }
  };
  const changed = (event: Event) => {
    if (travelling) return; // the monitor's own jump: not a new action
    const {namespace, key, value, previous, source} = (event as CustomEvent<StateChange>).detail;
    connection.send(
      {type: `${namespace}/${key}`, payload: {value, previous, source, cause: CAUSES[source] ?? source}},
      devtoolsState(),
    );
  };
  const unsubscribe = connection.subscribe((message) => {
    if (message.type !== 'DISPATCH' || !message.payload) return;
    const {state} = message;
    switch (message.payload.type) {
      case 'JUMP_TO_STATE':
      case 'JUMP_TO_ACTION':
        if (state) travel(() => apply(JSON.parse(state) as DevtoolsState));
        return;
      case 'RESET':
        travel(() => {
          for (const named of stores().values()) for (const store of named.values()) store.reset();
        });
        return connection.init(devtoolsState());
      case 'COMMIT':
        return connection.init(devtoolsState());
      case 'ROLLBACK':
        if (!state) return;
        travel(() => apply(JSON.parse(state) as DevtoolsState));
        return connection.init(devtoolsState());
      case 'IMPORT_STATE': {
        const states = message.payload.nextLiftedState?.computedStates ?? [];
        const last = states[states.length - 1];
        if (last) travel(() => apply(last.state));
        return;
      }
    }
  });
  document.addEventListener('page-state-change', changed, true);
  connection.init(devtoolsState());
  return () => {
    document.removeEventListener('page-state-change', changed, true);
    if (typeof unsubscribe === 'function') unsubscribe();
    connection.unsubscribe?.();
  };
}
