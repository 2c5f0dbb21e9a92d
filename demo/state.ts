import {integer, object, size, string} from 'superstruct';
import {defineState, stateVar, type StateDefinition} from '../src/index.js';

/** The shell's navigation, shared by every module. */
export const NavState = defineState('NavState', {
  vars: {view: stateVar.enum(['queue', 'board'] as const, 'queue', {history: 'push'})},
});

/** What the triager is working on: selfish, so it keeps the URL to itself and the shell. */
export const Workspace = defineState('Workspace', {
  urlPrefix: 'ws_',
  urlSelfish: true,
  shareUrlWith: [NavState],
  vars: {
    ticket: stateVar.string('', {urlKey: 'tid', history: 'push'}),
    priority: stateVar.int(2, {urlKey: 'pri', valueMap: {1: 'low', 2: 'mid', 3: 'high'}}),
    status: stateVar.enum(['open', 'triaged', 'waiting', 'closed'] as const, 'open'),
    tags: stateVar.list(stateVar.string(), []),
    due: stateVar.date(null),
    filters: stateVar.json(object({minPriority: size(integer(), 1, 3), assignee: string()}), {
      minPriority: 1,
      assignee: '',
    }),
  },
});

/** Look and feel: kept in localStorage and synced across tabs. */
export const Settings = defineState('Settings', {
  persist: 'local',
  vars: {
    theme: stateVar.enum(['light', 'dark'] as const, 'light', {urlKey: false}),
    density: stateVar.enum(['comfortable', 'compact'] as const, 'comfortable', {urlKey: false}),
  },
});

/** A private draft: never in the URL, kept in the server session. */
export const Notes = defineState('Notes', {
  persist: 'server',
  vars: {draft: stateVar.string('', {urlKey: false})},
});

export const ALL: readonly StateDefinition<any>[] = [NavState, Workspace, Settings, Notes];
