import {defineState, stateVar} from 'page-state';

export const Settings = defineState('Settings', {
  persist: 'local', // false | 'session' | 'local' | 'server' | your StorageAdapter
  version: 2,
  migrate: (old, from) => (from === 1 ? {theme: old.dark ? 'dark' : 'light'} : old),
  vars: {theme: stateVar.enum(['light', 'dark'] as const, 'light', {urlKey: false})},
});
