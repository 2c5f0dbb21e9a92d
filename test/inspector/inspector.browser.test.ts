// <state-inspector> over the coalesced page-state-change events: one entry per changed key per
// task, with the state the page showed at its end, and a restore whose events (dispatched when
// the task's changes are flushed) say that they are time travel.
import {expect} from '@open-wc/testing';
import '../../src/inspector/index.js';
import type {StateInspectorElement} from '../../src/inspector/index.js';
import {defineState, stateOf, stateVar} from '../../src/index.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('<state-inspector> changes', () => {
  it('records one change per key per task, and restores one as time travel', async () => {
    const Shop = defineState('InspectedShop', {urlPrefix: 'is_', vars: {n: stateVar.int(0), q: stateVar.string('')}});
    const store = stateOf(Shop);
    await nextTask();
    const inspector = document.createElement('state-inspector') as StateInspectorElement;
    document.body.append(inspector);
    const ours = () => inspector.changes.filter((c) => c.change.namespace === Shop.name);
    for (let i = 1; i <= 1000; i++) store.set('n', i);
    await nextTask();
    store.set('q', 'lamp');
    await nextTask();
    expect(ours().map((c) => [c.change.key, c.change.previous, c.change.value, c.cause])).to.deep.equal([
      ['q', '', 'lamp', 'written by code or a binding'],
      ['n', 0, 1000, 'written by code or a binding'],
    ]);
    const afterLoop = ours()[1]!;
    expect(afterLoop.state.get(store)).to.deep.equal({n: 1000, q: ''});
    inspector.shadowRoot!.querySelector<HTMLButtonElement>(`[data-restore="${afterLoop.id}"]`)!.click();
    expect(store.dump()).to.deep.equal({n: 1000, q: ''});
    await nextTask();
    expect(ours()[0]!.cause).to.equal('time travel (state-inspector)');
    expect(ours()[0]!.change).to.deep.include({key: 'q', value: '', previous: 'lamp'});
    store.set('n', 1);
    await nextTask();
    expect(ours()[0]!.cause).to.equal('written by code or a binding');
    inspector.remove();
  });
});
