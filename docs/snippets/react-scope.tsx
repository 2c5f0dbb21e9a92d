import {useRef} from 'react';
import {defineState, stateVar} from 'page-state';
import {usePageState} from '../recipes/react.js';

const Scoped = defineState('Scoped', {urlPrefix: 's_', vars: {q: stateVar.string('')}});

export function Query() {
  const ref = useRef<HTMLOutputElement>(null);
  const {q} = usePageState(Scoped, ['q'], ref);
  return <output ref={ref}>{q}</output>;
}
