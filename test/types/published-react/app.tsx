// A React app that imports page-state without its markup elements (page-state/elements), checked
// as a strict consumer does (skipLibCheck off): page-state/react's JSX types must hold without them.
import {defineState, stateVar} from 'page-state';
import type {} from 'page-state/react';

export const Filters = defineState('Filters', {vars: {q: stateVar.string()}});
export const App = () => <page-state url-mode="hash"></page-state>;
// @ts-expect-error without page-state/elements, <state-bind> is not an element of the app
export const Unknown = () => <state-bind path="Filters.q"></state-bind>;
