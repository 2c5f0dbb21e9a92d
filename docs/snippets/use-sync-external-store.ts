import {useSyncExternalStore} from 'react';
import {defineState, stateOf, stateVar} from 'page-state';

const Filters = defineState('Filters', {urlPrefix: 'f_', vars: {q: stateVar.string(''), page: stateVar.int(1)}});

export function useFilters() {
  const store = stateOf(Filters);
  const {q, page} = useSyncExternalStore(store.subscribe, store.snapshot); // React, as is
  return {q, page};
}
