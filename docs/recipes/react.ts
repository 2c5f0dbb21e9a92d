import {useCallback, useLayoutEffect, useState, useSyncExternalStore, type RefObject} from 'react';
import {parseUrl, stateOf, type StateDefinition, type StateValues, type VarMap} from 'page-state';

/**
 * A namespace's values in a React component; it re-renders when one of `keys` (default: any)
 * changes. With `scope`, a ref to an element inside a `<page-state>`, the store of that scope:
 * found once mounted (the defaults until then), and again whenever the element changes. It
 * listens through `subscribe` (every change, at once), not the DOM events (one per key per task).
 */
export function usePageState<V extends VarMap>(definition: StateDefinition<V>, keys?: readonly (keyof V & string)[], scope?: RefObject<Element | null>): Readonly<StateValues<V>> {
  const [node, setNode] = useState<Element | null>(null);
  const [defaults] = useState(() => Object.freeze(parseUrl(definition, '').values));
  useLayoutEffect(() => setNode(scope?.current ?? null)); // after every render: the same element changes nothing
  const store = scope && !node ? undefined : stateOf(definition, node ?? undefined);
  const subscribe = useCallback((onChange: () => void) => store?.subscribe(onChange, keys) ?? (() => {}), [store, keys?.join()]);
  return useSyncExternalStore(subscribe, store ? store.snapshot : () => defaults);
}
