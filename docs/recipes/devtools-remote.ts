// Redux DevTools without the browser extension: a remote monitor (`npx @redux-devtools/cli
// --open`, or its server alone) reached through @redux-devtools/remote. Remote relays a Redux
// store, so this adapter keeps one whose state is page-state's tree, and turns the monitor's
// time travel (replayed by that store) into the messages connectDevtools understands.
import {devToolsEnhancer} from '@redux-devtools/remote';
import {legacy_createStore as createStore, type Action} from 'redux';
import type {DevtoolsConnection, DevtoolsMessage, DevtoolsState} from 'page-state/devtools';

type Carried = Action<string> & {state?: DevtoolsState; payload?: unknown};

/** A connection to a remote Redux DevTools monitor at `hostname:port`. */
export function remoteDevtools({name, hostname, port}: {name: string; hostname: string; port: number}): DevtoolsConnection {
  let listener: ((message: DevtoolsMessage) => void) | undefined;
  let own = false;
  // Each action carries the tree after it, so a replay of the actions recomputes every state.
  const reducer = (state: DevtoolsState = {}, action: Carried) => action.state ?? state;
  const store = createStore(reducer, devToolsEnhancer({name, hostname, port, realtime: true}) as never);
  const dispatch = (action: Carried) => {
    own = true;
    try {
      store.dispatch(action);
    } finally {
      own = false;
    }
  };
  // A state page-state did not dispatch is the monitor's time travel.
  store.subscribe(() => {
    if (!own) listener?.({type: 'DISPATCH', payload: {type: 'JUMP_TO_STATE'}, state: JSON.stringify(store.getState())});
  });
  return {
    init: (state) => dispatch({type: '@@page-state/INIT', state}),
    send: (action, state) => dispatch({...action, state}),
    subscribe: (next) => {
      listener = next;
      return () => (listener = undefined);
    },
  };
}
