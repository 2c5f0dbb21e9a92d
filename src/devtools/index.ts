// `page-state/devtools`: page-state in Redux DevTools. Each change is an action, the state tree
// is every scope's namespaces, and the monitor's time travel writes through the stores' `set`.
// Loaded on demand, never part of the core.
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
 * (payload: value, previous, source, cause), the state tree is every scope's namespaces, and
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
  const travel = (tree: DevtoolsState) => {
    travelling = true;
    try {
      apply(tree);
    } finally {
      travelling = false;
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
    switch (message.payload.type) {
      case 'JUMP_TO_STATE':
      case 'JUMP_TO_ACTION':
        if (message.state) travel(JSON.parse(message.state) as DevtoolsState);
        return;
      case 'RESET':
        travelling = true;
        try {
          for (const named of stores().values()) for (const store of named.values()) store.reset();
        } finally {
          travelling = false;
        }
        return connection.init(devtoolsState());
      case 'COMMIT':
        return connection.init(devtoolsState());
      case 'ROLLBACK':
        if (!message.state) return;
        travel(JSON.parse(message.state) as DevtoolsState);
        return connection.init(devtoolsState());
      case 'IMPORT_STATE': {
        const states = message.payload.nextLiftedState?.computedStates ?? [];
        const last = states[states.length - 1];
        if (last) travel(last.state);
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
