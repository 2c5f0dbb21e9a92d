// The contract's DOM events in real Chromium: `page-state-change` is one event per changed key
// per task, dispatched when the task's changes are flushed (the first change's `previous`, the
// last change's `value` and `source`; none for a key changed back), while `subscribe` listeners
// hear every change at once.
import {expect, fixture, html} from '@open-wc/testing';
import '../../elements/page-state.js';
import {defineState, stateOf, stateVar, type PageStateElement, type StateChange} from '../../src/index.js';

let unique = 0;
/** A namespace of its own per test: the page's root scope outlives each test. */
const fresh = () =>
  defineState(`Events${++unique}`, {
    urlPrefix: `e${unique}_`,
    vars: {
      n: stateVar.int(0),
      q: stateVar.string(''),
      due: stateVar.date(null),
      tags: stateVar.list(stateVar.string(), []),
    },
  });
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/** The page-state-change events of `namespace` heard on `target` until the task after `act`. */
async function changesOf(namespace: string, act: () => void, target: EventTarget = document) {
  const seen: StateChange[] = [];
  const listener = (e: Event) => {
    const {detail} = e as CustomEvent<StateChange>;
    if (detail.namespace === namespace) seen.push(detail);
  };
  target.addEventListener('page-state-change', listener);
  act();
  const during = seen.length;
  await nextTask();
  target.removeEventListener('page-state-change', listener);
  return {seen, during};
}

beforeEach(() => history.replaceState(null, '', location.pathname));

describe('page-state-change: one event per changed key per task', () => {
  it('1,000 sets of one key: one event with the first previous and the last value; subscribe hears all 1,000', async () => {
    const Counter = fresh();
    const store = stateOf(Counter);
    store.set('n', 7);
    await nextTask();
    const heard: number[] = [];
    const stop = store.subscribe(({value}) => heard.push(value as number), ['n']);
    const {seen, during} = await changesOf(Counter.name, () => {
      for (let i = 1; i <= 1000; i++) store.set('n', i);
    });
    stop();
    expect(during).to.equal(0); // dispatched when the task's changes are flushed
    expect(seen).to.deep.equal([{namespace: Counter.name, key: 'n', value: 1000, previous: 7, source: 'set'}]);
    expect(heard.length).to.equal(1000);
    expect(heard[0]).to.equal(1);
    expect(heard[999]).to.equal(1000);
    expect(new URLSearchParams(location.search).get(`${Counter.urlPrefix}n`)).to.equal('1000');
  });

  it('a set and a set back in one task: no event, by the var own equality (dates, lists)', async () => {
    const Back = fresh();
    const store = stateOf(Back);
    store.set({n: 1, due: new Date('2026-11-22'), tags: ['a']});
    await nextTask();
    const {seen} = await changesOf(Back.name, () => {
      store.set({n: 2, due: new Date('2026-11-23'), tags: ['b']});
      store.set({n: 1, due: new Date('2026-11-22'), tags: ['a']}); // equal values, new objects
    });
    expect(seen).to.deep.equal([]);
  });

  it("two keys: two events, in the order of their first change, each with its last change's source", async () => {
    const Two = fresh();
    const store = stateOf(Two);
    await nextTask();
    const {seen} = await changesOf(Two.name, () => {
      store.set('q', 'a');
      store.set('n', 1);
      store.set('q', 'b');
      store.set('n', 2);
      store.reset('n');
      store.set('n', 3);
      store.reset('q');
      store.set('q', 'c');
    });
    expect(seen.map(({key, previous, value, source}) => [key, previous, value, source])).to.deep.equal([
      ['q', '', 'c', 'set'],
      ['n', 0, 3, 'set'],
    ]);
    const reset = await changesOf(Two.name, () => {
      store.set('n', 4);
      store.reset('n');
    });
    expect(reset.seen).to.deep.equal([{namespace: Two.name, key: 'n', value: 0, previous: 3, source: 'reset'}]);
  });

  it('a scoped store: one event on its <page-state>, bubbling and composed', async () => {
    const Scoped = fresh();
    const scope = await fixture<PageStateElement>(html`<page-state .definitions=${[Scoped]}></page-state>`);
    const store = stateOf(Scoped, scope);
    await nextTask();
    const targets: EventTarget[] = [];
    const {seen} = await changesOf(
      Scoped.name,
      () => {
        document.body.addEventListener('page-state-change', (e) => targets.push(e.target!), {once: true});
        for (let i = 1; i <= 10; i++) store.set('q', `v${i}`);
      },
      document.body,
    );
    expect(seen).to.deep.equal([{namespace: Scoped.name, key: 'q', value: 'v10', previous: '', source: 'set'}]);
    expect(targets).to.deep.equal([scope]);
  });
});
