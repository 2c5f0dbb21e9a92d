import {useCallback, useSyncExternalStore} from 'react';
import {stateOf, type StateDefinition, type StateValues, type VarMap} from 'page-state';

/** A namespace's values in a React component; it re-renders when one of `keys` (default: any) changes. */
export function usePageState<V extends VarMap>(definition: StateDefinition<V>, keys?: readonly (keyof V & string)[], node?: Element | null): Readonly<StateValues<V>> {
  const store = stateOf(definition, node ?? undefined);
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange, keys), [store, keys?.join()]);
  return useSyncExternalStore(subscribe, store.snapshot);
}
