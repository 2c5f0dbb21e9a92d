import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {defineState, type StateChange} from '../../../src/core/schema/define.js';
import {ErrorCode, StateValidationError} from '../../../src/core/errors/errors.js';
import type {ErrorDetail} from '../../../src/core/types.js';
import {number, object} from 'superstruct';
import {stateVar} from '../../../src/core/schema/state-var.js';
import {StateStore} from '../../../src/core/store/store.js';

const vars = {
  priority: stateVar.int(1, {urlKey: 'pri'}),
  ratio: stateVar.float(0.5),
  done: stateVar.boolean(false),
  due: stateVar.date(null),
  status: stateVar.enum(['pending', 'active'] as const, 'pending'),
  tags: stateVar.list(stateVar.string(), []),
  title: stateVar.string(''),
  seenAt: stateVar.datetime(null),
  filters: stateVar.json(object({min: number()}), {min: 0}),
  point: stateVar.custom(
    {struct: object({x: number()}), parse: (t) => ({x: Number(t)}), serialize: (p) => String(p.x)},
    {x: 0},
  ),
};

function setup(extra: {onChange?: (c: StateChange<typeof vars>) => void; onInit?: () => void} = {}) {
  const def = defineState('Task', {urlPrefix: 't_', vars, ...extra});
  const events: StateChange[] = [];
  const errors: ErrorDetail[] = [];
  const store = new StateStore(def, {host: {change: (d) => events.push(d), error: (d) => errors.push(d)}});
  const seen: StateChange<typeof vars>[] = [];
  store.subscribe((c) => seen.push(c));
  return {store, seen, events, errors};
}

const rejectsWith = (fn: () => void, key: string, code: string = ErrorCode.invalidValue) =>
  assert.throws(
    fn,
    (e: unknown) => e instanceof StateValidationError && e.namespace === 'Task' && e.key === key && e.code === code,
  );

describe('StateStore', () => {
  it('reads and writes through the live state object', () => {
    const {store, seen} = setup();
    store.state.priority = 3;
    assert.equal(store.state.priority, 3);
    assert.equal(store.get('priority'), 3);
    assert.deepEqual(seen, [{namespace: 'Task', key: 'priority', value: 3, previous: 1, source: 'set'}]);
    assert.deepEqual(Object.keys(store.state), Object.keys(vars));
  });

  it('every method works unbound, and keeps its identity (useSyncExternalStore, event handlers)', () => {
    const {store, seen} = setup();
    const other = setup().store;
    const {set, get, subscribe, snapshot, reset} = store;
    assert.equal(store.subscribe, subscribe);
    assert.equal(store.snapshot, snapshot);
    assert.notEqual(other.set, set, "each store's own");
    const heard: unknown[] = [];
    subscribe(({value}) => heard.push(value), ['title']);
    set('title', 'unbound');
    assert.equal(get('title'), 'unbound');
    assert.equal(snapshot().title, 'unbound');
    other.set('title', 'the other store');
    assert.equal(get('title'), 'unbound');
    reset();
    assert.deepEqual(heard, ['unbound', '']);
    assert.equal(seen.length, 2);
  });

  it('rejects a bad value of every type, naming namespace, var and reason, and changes nothing', () => {
    const {store, seen} = setup();
    const before = store.dump();
    const bad: [keyof typeof vars, unknown][] = [
      ['priority', 'x'],
      ['ratio', NaN],
      ['done', 'yes'],
      ['due', '2026-01-01'],
      ['status', 'archived'],
      ['tags', [1]],
      ['title', 7],
      ['seenAt', 'now'],
      ['filters', {min: 'x'}],
      ['point', {y: 1}],
    ];
    for (const [key, value] of bad) {
      rejectsWith(() => store.set(key, value as never), key);
      rejectsWith(() => ((store.state as Record<string, unknown>)[key] = value), key);
    }
    assert.deepEqual(store.dump(), before);
    assert.equal(seen.length, 0);
  });

  it('names the value and reason in the message', () => {
    const {store} = setup();
    assert.throws(
      () => store.set({priority: 'x'} as never),
      /PS_INVALID_VALUE: Task\.priority rejected "x": expected an integer/,
    );
  });

  it('applies a multi-set atomically: one bad value changes nothing and notifies nobody', () => {
    const {store, seen, events} = setup();
    rejectsWith(() => store.set({priority: 2, done: true, status: 'nope' as never}), 'status');
    assert.equal(store.state.priority, 1);
    assert.equal(store.state.done, false);
    assert.equal(seen.length + events.length, 0);
    store.set({priority: 2, done: true});
    assert.deepEqual(
      seen.map((c) => c.key),
      ['priority', 'done'],
    );
  });

  it('refuses undeclared and hostile keys without touching any prototype', () => {
    const {store} = setup();
    rejectsWith(() => store.set(JSON.parse('{"__proto__": {"polluted": true}}')), '__proto__', ErrorCode.unknownKey);
    rejectsWith(() => store.set({constructor: 1} as never), 'constructor', ErrorCode.unknownKey);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.throws(() => ((store.state as Record<string, unknown>).nope = 1), TypeError);
  });

  it('calls onChange for false → true → false and 0 → 1', () => {
    const changes: unknown[] = [];
    const {store} = setup({onChange: (c) => changes.push([c.key, c.previous, c.value])});
    store.state.done = true;
    store.state.done = false;
    store.state.priority = 0;
    store.state.priority = 1;
    assert.deepEqual(changes, [
      ['done', false, true],
      ['done', true, false],
      ['priority', 1, 0],
      ['priority', 0, 1],
    ]);
  });

  it('does not notify when an equal list, date or scalar is set', () => {
    const {store, seen} = setup();
    store.set({tags: ['a', 'b'], due: new Date('2026-11-22'), title: 'x'});
    seen.length = 0;
    store.set({tags: ['a', 'b'], due: new Date('2026-11-22T15:00:00Z'), title: 'x'});
    assert.equal(seen.length, 0);
  });

  it('stores copies: mutating the array that was set does not change state', () => {
    const {store} = setup();
    const tags = ['a'];
    store.state.tags = tags;
    tags.push('b');
    assert.deepEqual(store.state.tags, ['a']);
    assert.throws(() => (store.state.tags as string[]).push('c'), TypeError); // frozen, and typed readonly
  });

  it('resets one var or all to fresh copies of the defaults', () => {
    const def = defineState('Lists', {vars: {tags: stateVar.list(stateVar.string(), ['x']), n: stateVar.int(5)}});
    const a = new StateStore(def);
    const b = new StateStore(def);
    assert.notEqual(a.state.tags, b.state.tags);
    a.set({tags: ['y'], n: 6});
    const seen: string[] = [];
    a.subscribe((c) => seen.push(`${c.key}:${c.source}`));
    a.reset('n');
    assert.deepEqual([a.state.n, a.state.tags], [5, ['y']]);
    a.reset();
    assert.deepEqual(a.state.tags, ['x']);
    assert.notEqual(a.state.tags, def.vars.tags.defaultValue);
    assert.deepEqual(seen, ['n:reset', 'tags:reset']);
  });

  it('dumps JSON-safe values and describes its schema', () => {
    const {store} = setup();
    store.set({due: new Date('2026-11-22'), tags: ['a,b']});
    const dump = store.dump();
    assert.deepEqual(JSON.parse(JSON.stringify(dump)), dump);
    assert.equal(dump.due, '2026-11-22');
    assert.deepEqual(store.schema().priority, {
      type: 'int',
      default: 1,
      urlKey: 't_pri',
      persist: false,
      history: 'replace',
      nullable: false,
    });
    assert.equal(store.schema().tags.type, 'list<string>');
  });

  it('notifies key subscribers of their keys only, and unsubscribes', () => {
    const {store} = setup();
    const seen: string[] = [];
    const stop = store.subscribe((c) => seen.push(c.key), ['done']);
    store.state.priority = 2;
    store.state.done = true;
    stop();
    store.state.done = false;
    assert.deepEqual(seen, ['done']);
    rejectsWith(() => store.subscribe(() => {}, ['nope' as never]), 'nope', ErrorCode.unknownKey);
  });

  it('applies the late values of every async layer, the first layer holding a var winning, and keeps what was written meanwhile', async () => {
    const def = defineState('Late', {
      vars: {a: stateVar.int(0), b: stateVar.int(0), c: stateVar.int(0), d: stateVar.int(0)},
    });
    const layer = (initial: object, late: object) => () => ({
      initial: initial as Record<string, unknown>,
      later: Promise.resolve(late as Record<string, unknown>),
    });
    const store = new StateStore(def, {layers: [layer({a: 1}, {b: 2, c: 2}), layer({}, {a: 3, b: 3, c: 3, d: 3})]});
    store.set('c', 9); // written while the sources load
    assert.equal(store.hydrated, false);
    await store.ready;
    assert.deepEqual(store.dump(), {a: 1, b: 2, c: 9, d: 3});
  });
});
