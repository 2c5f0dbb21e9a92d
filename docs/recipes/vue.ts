import {onScopeDispose, shallowRef, type ShallowRef} from 'vue';
import {stateOf, type StateDefinition, type StateValues, type VarMap} from 'page-state';

/** A namespace's values in a Vue component, as a shallow ref replaced on every change of `keys` (default: any). */
export function usePageState<V extends VarMap>(definition: StateDefinition<V>, keys?: readonly (keyof V & string)[], node?: Element): Readonly<ShallowRef<Readonly<StateValues<V>>>> {
  const store = stateOf(definition, node);
  const state = shallowRef(store.snapshot());
  onScopeDispose(store.subscribe(() => (state.value = store.snapshot()), keys));
  return state;
}
