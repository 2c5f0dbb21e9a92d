import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../elements/page-state.js';
import {LitElement} from 'lit';
import {
  defineState,
  PageStateError,
  StateController,
  stateOf,
  stateVar,
  type PageStateElement,
} from '../../src/index.js';
import {Nav, Task, type TaskCard} from './fixtures.js';

// Every test starts from a clean address: namespaces read their params from it.
beforeEach(() => history.replaceState(null, '', location.pathname));

describe('<page-state> scopes', () => {
  it('isolates a namespace declared by a nested scope; undeclared ones resolve to the root', async () => {
    const outer = await fixture<PageStateElement>(
      html` <page-state .definitions=${[Task]}
        ><page-state .definitions=${[Task]}><task-card></task-card></page-state
      ></page-state>`,
    );
    const inner = outer.querySelector('page-state') as PageStateElement;
    const card = inner.querySelector('task-card') as TaskCard;
    await card.updateComplete;
    expect(card.task.store).to.equal(stateOf(Task, inner));
    expect(stateOf(Task, inner)).to.not.equal(stateOf(Task, outer));
    expect(stateOf(Task, outer)).to.not.equal(stateOf(Task));
    expect(card.nav.store).to.equal(stateOf(Nav));
    stateOf(Task, outer).state.priority = 3;
    expect(card.task.store.state.priority).to.equal(1);
  });

  it('resolves from any node below a scope with stateOf', async () => {
    const scope = await fixture<PageStateElement>(
      html`<page-state .definitions=${[Task]}
        ><p><b></b></p
      ></page-state>`,
    );
    expect(stateOf(Task, scope.querySelector('b')!)).to.equal(stateOf(Task, scope));
    expect(stateOf(Task, document.createElement('i'))).to.equal(stateOf(Task));
  });

  it('moves consumers into a scope that declares their namespace later', async () => {
    const Later = defineState('Later', {urlPrefix: 'later_', vars: {n: stateVar.int(0)}});
    class LaterView extends LitElement {
      later = new StateController(this, Later);
      override render() {
        return `${this.later.state.n}`;
      }
    }
    customElements.define('later-view', LaterView);
    const scope = await fixture<PageStateElement>(html`<page-state><later-view></later-view></page-state>`);
    const view = scope.querySelector('later-view') as LaterView;
    await view.updateComplete;
    expect(view.later.store).to.equal(stateOf(Later));
    scope.definitions = [Later];
    expect(view.later.store).to.equal(stateOf(Later, scope));
    expect(view.later.store).to.not.equal(stateOf(Later));
  });

  it('dispatches page-state-change on the scope element, bubbling and composed', async () => {
    const scope = await fixture<PageStateElement>(html`<page-state .definitions=${[Task]}></page-state>`);
    const heard = oneEvent(document.body, 'page-state-change');
    stateOf(Task, scope).state.done = true;
    const event = await heard;
    expect(event.target).to.equal(scope);
    expect(event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({namespace: 'Task', key: 'done', value: true, previous: false, source: 'set'});
  });

  it('dispatches root-scope events on document', async () => {
    const Root = defineState('RootEvents', {urlPrefix: 'root_', vars: {n: stateVar.int(0)}});
    const heard = oneEvent(document, 'page-state-change');
    stateOf(Root).state.n = 1;
    expect((await heard).detail.key).to.equal('n');
  });

  it('dispatches page-state-error for rejected outside input', async () => {
    const Rejecting = defineState('Rejecting', {urlPrefix: 'rj_', vars: {priority: stateVar.int(1)}});
    const scope = await fixture<PageStateElement>(html`<page-state .definitions=${[Rejecting]}></page-state>`);
    history.replaceState(null, '', '?rj_priority=abc');
    const heard = oneEvent(scope, 'page-state-error');
    stateOf(Rejecting, scope);
    expect((await heard).detail).to.deep.equal({
      namespace: 'Rejecting',
      key: 'priority',
      reason: '"abc" is not an integer',
      raw: 'abc',
    });
  });

  it('describes persistence as the scope decides it: <page-state persist> persists its namespaces that do not say', async () => {
    const Kept = defineState('KeptByScope', {
      urlPrefix: 'kbs_',
      vars: {n: stateVar.int(0), scratch: stateVar.int(0, {persist: false})},
    });
    const scope = await fixture<PageStateElement>(
      html`<page-state persist="session" .definitions=${[Kept]}></page-state>`,
    );
    const schema = stateOf(Kept, scope).schema();
    expect([schema.n.persist, schema.scratch.persist]).to.deep.equal([true, false]);
    expect(stateOf(defineState('NotKept', {vars: {n: stateVar.int(0)}})).schema().n.persist).to.equal(false);
  });

  it('refuses a second, different definition of a namespace in one scope', async () => {
    const scope = await fixture<PageStateElement>(html`<page-state .definitions=${[Task]}></page-state>`);
    const Impostor = defineState('Task', {vars: {priority: stateVar.string()}});
    expect(() => (scope.definitions = [Impostor])).to.throw(PageStateError, /two different definitions of "Task"/);
  });
});

describe('stateOf without a node', () => {
  it('warns once, naming both, when a connected <page-state> declares the namespace', async () => {
    const {defineState, stateVar} = await import('../../src/index.js');
    const Scoped = defineState('ScopedOnly', {urlPrefix: 'so_', vars: {n: stateVar.int(0)}});
    const scope = await fixture<PageStateElement>(html`<page-state id="widget" .definitions=${[Scoped]}></page-state>`);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(String(args[0]));
    try {
      const root = stateOf(Scoped);
      stateOf(Scoped);
      expect(root).to.not.equal(stateOf(Scoped, scope));
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('stateOf(ScopedOnly) without a node').and.include('<page-state id="widget">');
  });
});
