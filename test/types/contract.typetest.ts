// Compile-only: `tsc` in `npm test` fails if any line marked @ts-expect-error stops being an
// error, or if an inferred type below stops matching.
import {object, number} from 'superstruct';
import {z} from 'zod';
import {defineState, stateVar, type StateStore} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(_: T) => _;

const App = defineState('App', {
  vars: {
    priority: stateVar.int(1, {valueMap: {1: 'low', 2: 'high'}}),
    title: stateVar.string('', {nullable: true}),
    due: stateVar.date(null),
    status: stateVar.enum(['pending', 'active'] as const, 'pending'),
    tags: stateVar.list(stateVar.string(), []),
    days: stateVar.list(stateVar.date(), []),
    filters: stateVar.json(object({min: number()}), {min: 0}),
    page: stateVar.json(z.object({limit: z.number()}), {limit: 10}),
  },
  onChange(change, store) {
    if (change.key === 'priority') expectType<Equal<typeof change.value, number>>(true);
    expectType<Equal<typeof store, StateStore<typeof App.vars>>>(true);
  },
});
declare const app: StateStore<typeof App.vars>;

expectType<Equal<typeof app.state.priority, number>>(true);
expectType<Equal<typeof app.state.title, string | null>>(true);
expectType<Equal<typeof app.state.due, Date | null>>(true);
expectType<Equal<typeof app.state.status, 'pending' | 'active'>>(true);
expectType<Equal<typeof app.state.tags, readonly string[]>>(true);
expectType<Equal<typeof app.state.days, readonly Date[]>>(true);
expectType<Equal<typeof app.state.filters, {readonly min: number}>>(true);
expectType<Equal<typeof app.state.page, {readonly limit: number}>>(true);
expectType<Equal<ReturnType<typeof app.snapshot>['tags'], readonly string[]>>(true);

// Every method works unbound (useSyncExternalStore(store.subscribe, store.snapshot)).
const {subscribe, snapshot, get, set} = app;
subscribe(() => {});
expectType<Equal<ReturnType<typeof snapshot>['priority'], number>>(true);
expectType<Equal<ReturnType<typeof get<'status'>>, 'pending' | 'active'>>(true);
set('priority', 3);

// @ts-expect-error lists read frozen: readonly
app.state.tags.push('x');
// @ts-expect-error json reads deeply frozen: readonly
app.state.filters.min = 3;
// @ts-expect-error snapshots are frozen
app.snapshot().priority = 2;

// @ts-expect-error a string is not an int
app.state.priority = 'x';
// @ts-expect-error not a declared var
void app.state.unknown;
// @ts-expect-error not a declared var
app.set({unknown: 1});
// @ts-expect-error wrong type in a partial set
app.set({priority: 'x'});
// @ts-expect-error wrong type for a key
app.set('status', 'archived');
// @ts-expect-error not a declared var
app.get('nope');
// @ts-expect-error not a declared var
app.subscribe(() => {}, ['nope']);
// @ts-expect-error null only where nullable
app.state.priority = null;
// @ts-expect-error a default of the wrong type
stateVar.int('1');
// @ts-expect-error enum default outside its values
stateVar.enum(['a', 'b'] as const, 'c');
// @ts-expect-error json default that fails its schema's type
stateVar.json(object({min: number()}), {min: 'x'});
// @ts-expect-error misspelled option
defineState('Typo', {urlSelfsh: true, vars: {q: stateVar.string()}});

app.set({priority: 2, tags: ['a'], title: null});
app.set('due', new Date());
