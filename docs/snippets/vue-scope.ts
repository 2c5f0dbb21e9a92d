import {defineComponent, h, useTemplateRef} from 'vue';
import {defineState, stateVar} from 'page-state';
import {usePageState} from '../recipes/vue.js';

const Scoped = defineState('Scoped', {urlPrefix: 's_', vars: {q: stateVar.string('')}});

export const Query = defineComponent({
  setup() {
    const el = useTemplateRef<HTMLElement>('el');
    const state = usePageState(Scoped, ['q'], el);
    return () => h('output', {ref: 'el'}, state.value.q);
  },
});
