import {defineState, stateOf, stateVar} from 'page-state';

export const Boot = defineState('Boot', {
  persist: 'session',
  vars: {boots: stateVar.int(0, {urlKey: false})},
  onInit: (store) => store.set('boots', store.get('boots') + 1), // 1, 2, 3... across reloads
});
export const boot = stateOf(Boot);
boot.subscribe(({source}) => console.log(source)); // in the creating task: hears 'init' (the stored count), then 'set' (onInit's)
