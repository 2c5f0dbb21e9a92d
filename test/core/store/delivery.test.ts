// What a store's listeners and its host (its scope's DOM events) hear, and when: listeners one
// call per change, at once; the host one call per changed key per task, at its end; the
// changes of a store's start after the task that created it.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {defineState, type StateChange} from '../../../src/core/schema/define.js';
import {ErrorCode, StateValidationError} from '../../../src/core/errors/errors.js';
import {stateVar} from '../../../src/core/schema/state-var.js';
import {StateStore} from '../../../src/core/store/store.js';
import type {StoreHost} from '../../../src/core/types.js';

const Task = defineState('Task', {
  vars: {
    n: stateVar.int(0),
    title: stateVar.string(''),
    due: stateVar.date(null),
    tags: stateVar.list(stateVar.string(), []),
  },
});

/** A store of Task whose host records what it hears. */
function heard(host: Partial<StoreHost> = {}, options: {initial?: Record<string, unknown>} = {}) {
  const events: StateChange[] = [];
  const store = new StateStore(Task, {host: {change: (c) => events.push(c), error() {}, ...host}, ...options});
  return {store, events};
}
/** The end of the current task: every microtask queued so far has run. */
const endOfTask = () => new Promise<void>((resolve) => setTimeout(resolve));

describe("a store's host hears one change per changed key per task", () => {
  it('1,000 sets of one key: listeners are called 1,000 times, the host once, with the first previous and the last value', async () => {
    const {store, events} = heard();
    const seen: number[] = [];
    store.subscribe(({value}) => seen.push(value as number));
    for (let i = 1; i <= 1000; i++) store.set('n', i);
    assert.equal(seen.length, 1000); // synchronous, one call per change
    assert.deepEqual(events, []); // the host hears at the end of the task
    await endOfTask();
    assert.deepEqual(events, [{namespace: 'Task', key: 'n', value: 1000, previous: 0, source: 'set'}]);
  });

  it('a key changed and changed back tells the host nothing, by the var own equality (dates, lists)', async () => {
    const {store, events} = heard();
    store.set({n: 5, due: new Date('2026-11-22'), tags: ['a']});
    await endOfTask();
    events.length = 0;
    store.set({n: 6, due: new Date('2026-11-23'), tags: ['b']});
    store.set({n: 5, due: new Date('2026-11-22'), tags: ['a']}); // equal values, other objects
    await endOfTask();
    assert.deepEqual(events, []);
  });

  it('two keys: two calls, in the order of their first change; source is the last change', async () => {
    const {store, events} = heard();
    store.set('title', 'a');
    store.set('n', 1);
    store.set('title', 'b');
    store.reset('title');
    store.set('title', 'c');
    store.reset('n');
    store.set('n', 2);
    store.reset('n');
    store.set('n', 3);
    await endOfTask();
    assert.deepEqual(
      events.map(({key, previous, value, source}) => [key, previous, value, source]),
      [
        ['title', '', 'c', 'set'],
        ['n', 0, 3, 'set'],
      ],
    );
    store.set('n', 4);
    store.reset('n');
    await endOfTask();
    assert.deepEqual(events.slice(2), [{namespace: 'Task', key: 'n', value: 0, previous: 3, source: 'reset'}]);
  });

  it("hears a write made by its own listener in a change of the same key after the first one's", async () => {
    const writes: string[] = [];
    const {store} = heard({
      change: ({key, value}) => {
        writes.push(`${key}=${String(value)}`);
        if (value === 1) store.set('n', 2); // a listener of the DOM event writing back
      },
    });
    store.set('n', 1);
    await endOfTask();
    assert.deepEqual(writes, ['n=1', 'n=2']);
  });

  it('a host that throws is reported, and the other keys are still heard', async () => {
    const reported: unknown[] = [];
    const keys: string[] = [];
    const {store} = heard({
      change: ({key}) => {
        keys.push(key);
        if (key === 'n') throw new Error('host bug');
      },
      report: (error) => reported.push(error),
    });
    store.set({n: 1, title: 'x'});
    await endOfTask();
    assert.deepEqual(keys, ['n', 'title']);
    assert.match(String(reported[0]), /host bug/);
  });
});

describe("a store's start and its listeners", () => {
  it('keeps notifying the others when a listener throws, and reports the error', () => {
    const reported: unknown[] = [];
    const {store} = heard({report: (e) => reported.push(e)});
    const seen: string[] = [];
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    store.subscribe((c) => seen.push(c.key));
    store.set('n', 2);
    assert.deepEqual(seen, ['n']);
    assert.match(String(reported[0]), /listener bug/);
  });

  it('takes initial values validated like set(), and reports their changes after the creating task', async () => {
    assert.throws(
      () => new StateStore(Task, {initial: {n: 2, title: 3}}),
      (e: unknown) => e instanceof StateValidationError && e.key === 'title' && e.code === ErrorCode.invalidValue,
    );
    const {store, events} = heard({}, {initial: {n: 2}});
    assert.equal(store.state.n, 2);
    assert.deepEqual(events, []); // held back while the store starts
    await Promise.resolve();
    assert.deepEqual(events, [{namespace: 'Task', key: 'n', value: 2, previous: 0, source: 'init'}]);
  });

  it("coalesces the start's changes with the same task's writes for the host, not for listeners", async () => {
    const order: string[] = [];
    const def = defineState('Started', {
      vars: {n: stateVar.int(0)},
      onChange: (c) => order.push(`${c.source} ${c.value}`),
    });
    const events: StateChange[] = [];
    const store = new StateStore(def, {host: {change: (c) => events.push(c), error() {}}, initial: {n: 4}});
    store.set('n', 5); // delivers the start's changes first
    assert.deepEqual(order, ['init 4', 'set 5']);
    await endOfTask();
    assert.deepEqual(events, [{namespace: 'Started', key: 'n', value: 5, previous: 0, source: 'set'}]);
  });

  it('starts from initial values, calls onInit once, and delivers the init changes after the creating task', async () => {
    const order: string[] = [];
    const def = defineState('Init', {
      vars: {n: stateVar.int(0), s: stateVar.string('')},
      onChange: (c) => order.push(`change ${c.key} ${c.source}`),
      onInit: (store) => order.push(`init ${store.state.n}`),
    });
    const store = new StateStore(def, {initial: {n: 4}});
    assert.equal(store.state.n, 4);
    assert.deepEqual(order, ['init 4']);
    assert.equal(store.hydrated, true);
    await store.ready;
    assert.deepEqual(order, ['init 4', 'change n init']);
  });
});
