import {defineState, stateVar} from '../src/index.js';

/** The demo's namespace: one support ticket being triaged. */
export const Ticket = defineState('Ticket', {
  urlPrefix: 't_',
  vars: {
    title: stateVar.string('Printer on the 3rd floor is on fire'),
    priority: stateVar.int(2, {urlKey: 'pri', valueMap: {1: 'low', 2: 'mid', 3: 'high'}}),
    status: stateVar.enum(['open', 'triaged', 'closed'] as const, 'open'),
    urgent: stateVar.boolean(false),
    tags: stateVar.list(stateVar.string(), ['hardware']),
    due: stateVar.date(null),
  },
});
