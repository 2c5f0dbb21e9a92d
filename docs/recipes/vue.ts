import {onMounted, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter, type ShallowRef} from 'vue';
import {parseUrl, stateOf, type StateDefinition, type StateValues, type VarMap} from 'page-state';

/**
 * A namespace's values in a Vue component, as a shallow ref replaced on every change of `keys`
 * (default: any). With `scope`, a template ref (or a getter) of an element inside a
 * `<page-state>`, the store of that scope: found once mounted (the defaults until then), and
 * again whenever the element changes. It listens through `subscribe` (every change, at once),
 * not the DOM events (one per key per task).
 */
export function usePageState<V extends VarMap>(definition: StateDefinition<V>, keys?: readonly (keyof V & string)[], scope?: MaybeRefOrGetter<Element | null | undefined>): Readonly<ShallowRef<Readonly<StateValues<V>>>> {
  const state = shallowRef<Readonly<StateValues<V>>>(parseUrl(definition, '').values);
  let stop = () => {};
  const follow = (node?: Element | null) => {
    stop();
    const store = stateOf(definition, node ?? undefined);
    state.value = store.snapshot();
    stop = store.subscribe(() => (state.value = store.snapshot()), keys);
  };
  if (scope === undefined) follow();
  else onMounted(() => watch(() => toValue(scope), (node) => node && follow(node), {immediate: true}));
  onScopeDispose(() => stop());
  return state;
}
