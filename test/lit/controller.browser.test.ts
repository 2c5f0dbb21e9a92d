import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import '../../elements/page-state.js';
import {
  defineState,
  stateOf,
  StateController,
  StateValidationError,
  stateVar,
  type PageStateElement,
} from '../../src/index.js';
import {urlBecomes} from '../url-becomes.js';
import {Nav, Task, TaskField, type ShadowShell, type TaskCard} from './fixtures.js';

const settle = (...elements: {updateComplete: Promise<unknown>}[]) =>
  Promise.all(elements.map((e) => e.updateComplete));

// Every test starts from a clean address: namespaces read their params from it.
beforeEach(() => history.replaceState(null, '', location.pathname));

describe('StateController', () => {
  it('re-renders only the element whose read var changed', async () => {
    const scope = await fixture<PageStateElement>(
      html` <page-state .definitions=${[Task]}
        ><task-field key="priority"></task-field><task-field key="done"></task-field
      ></page-state>`,
    );
    const [priority, done] = [...scope.querySelectorAll('task-field')] as TaskField[];
    await settle(priority!, done!);
    expect([priority!.updates, done!.updates]).to.deep.equal([1, 1]);

    priority!.app.state.priority = 3;
    await settle(priority!, done!);
    expect([priority!.updates, done!.updates]).to.deep.equal([2, 1]);
    expect(priority!.shadowRoot!.textContent).to.equal('3');

    done!.app.store.set({done: true});
    await settle(priority!, done!);
    expect([priority!.updates, done!.updates]).to.deep.equal([2, 2]);
  });

  it('validates assignments through its state', async () => {
    const scope = await fixture<PageStateElement>(
      html`<page-state .definitions=${[Task]}><task-field></task-field></page-state>`,
    );
    const field = scope.querySelector('task-field') as TaskField;
    expect(() => ((field.app.state as Record<string, unknown>).priority = 'x')).to.throw(StateValidationError);
    expect(field.app.state.priority).to.equal(1);
  });

  it('stops listening when disconnected and resumes when reconnected', async () => {
    const scope = await fixture<PageStateElement>(
      html`<page-state .definitions=${[Task]}><task-field></task-field></page-state>`,
    );
    const field = scope.querySelector('task-field') as TaskField;
    await field.updateComplete;
    const store = field.app.store;
    field.remove();
    store.state.priority = 2;
    await field.updateComplete;
    expect(field.updates).to.equal(1);
    scope.append(field);
    await field.updateComplete;
    store.state.priority = 4;
    await field.updateComplete;
    expect(field.shadowRoot!.textContent).to.equal('4');
    expect(field.app.store).to.equal(store);
  });

  it('finds the scope from inside nested shadow roots', async () => {
    const scope = await fixture<PageStateElement>(
      html`<page-state .definitions=${[Task]}><shadow-shell></shadow-shell></page-state>`,
    );
    const shell = scope.querySelector('shadow-shell') as ShadowShell;
    await shell.updateComplete;
    const card = shell.shadowRoot!.querySelector('task-card') as TaskCard;
    await card.updateComplete;
    card.task.store.state.priority = 2;
    await card.updateComplete;
    expect(card.shadowRoot!.textContent!.trim()).to.equal('2 home');
    expect(card.task.store).to.equal(stateOf(Task, scope));
    expect(card.task.store).to.not.equal(stateOf(Task));
    expect(card.nav.store).to.equal(stateOf(Nav));
  });
});

describe('reads of the whole update cycle', () => {
  it('re-renders for vars read in willUpdate and in updated, not only in render', async () => {
    const Cycle = defineState('Cycle', {
      urlPrefix: 'cy_',
      vars: {a: stateVar.int(0), b: stateVar.int(0), c: stateVar.int(0)},
    });
    class CycleView extends LitElement {
      ctrl = new StateController(this, Cycle);
      label = '';
      seenC = 0;
      protected override willUpdate() {
        this.label = `a is ${this.ctrl.state.a}`;
      }
      override render() {
        return html`${this.label} b is ${this.ctrl.state.b}`;
      }
      protected override updated() {
        this.seenC = this.ctrl.state.c;
      }
    }
    customElements.define('cycle-view', CycleView);
    const view = await fixture<CycleView>(html`<cycle-view></cycle-view>`);
    await view.updateComplete;
    const store = stateOf(Cycle);
    store.set('a', 9);
    await view.updateComplete;
    expect(view.shadowRoot!.textContent).to.equal('a is 9 b is 0');
    store.set('c', 4);
    await view.updateComplete;
    expect(view.seenC).to.equal(4);
    store.set('b', 2);
    await view.updateComplete;
    expect(view.shadowRoot!.textContent).to.equal('a is 9 b is 2');
  });
});

describe('a selfish claim beside namespaces on screen', () => {
  it('keeps the params of a namespace a connected controller host shows, and purges one nobody shows', async () => {
    const Shown = defineState('Shown', {urlPrefix: 'sh_', vars: {n: stateVar.int(0)}});
    const Unseen = defineState('Unseen', {urlPrefix: 'un_', vars: {n: stateVar.int(0)}});
    const Greedy = defineState('Greedy', {urlPrefix: 'gr_', urlSelfish: true, vars: {n: stateVar.int(0)}});
    class ShownView extends LitElement {
      shown = new StateController(this, Shown);
      override render() {
        return html`${this.shown.state.n}`;
      }
    }
    customElements.define('shown-view', ShownView);
    history.replaceState(null, '', '?sh_n=4&un_n=5&junk=1');
    const view = await fixture<ShownView>(html`<shown-view></shown-view>`);
    await view.updateComplete;
    stateOf(Unseen);
    stateOf(Greedy).set('n', 1);
    await urlBecomes('?sh_n=4&gr_n=1');
    expect(stateOf(Unseen).get('n')).to.equal(5); // purged from the URL, kept in memory
  });
});

describe('a namespace a claim purged', () => {
  it('comes back into the URL when a controller host or a <state-bind> bound to it connects, not on a read', async () => {
    await import('../../elements/index.js');
    const Claimer = defineState('Claimer', {urlPrefix: 'cl_', urlSelfish: true, vars: {n: stateVar.int(0)}});
    const next = () => new Promise((done) => setTimeout(done));
    history.replaceState(null, '', '?t_priority=3');
    const task = stateOf(Task);
    task.get('priority');
    stateOf(Claimer).set('n', 1); // purges t_priority
    await urlBecomes('?cl_n=1');
    task.get('priority'); // a read does not bring it back
    await next();
    expect(location.search).to.equal('?cl_n=1');
    const field = await fixture<TaskField>(html`<task-field key="priority"></task-field>`);
    await field.updateComplete;
    await urlBecomes('?cl_n=1&t_priority=3');

    field.remove(); // off screen again: the next claim may purge it
    stateOf(Claimer).set('n', 2);
    await urlBecomes('?cl_n=2');
    const bind = Object.assign(document.createElement('state-bind'), {id: 'shown'});
    bind.setAttribute('path', 'Task.priority');
    document.body.append(bind); // not fixture(): it waits for a frame, which a background page may not get
    await urlBecomes('?cl_n=2&t_priority=3');
    bind.remove();
    await next();
    expect(location.search).to.equal('?cl_n=2&t_priority=3', 'a binding that leaves purges nothing');
  });
});
