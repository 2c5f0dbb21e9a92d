// This file runs in its own page: <page-state> is not defined until the test imports it, so the
// consumers below connect before their provider exists.
import {expect} from '@open-wc/testing';
import {LitElement} from 'lit';
import {defineState} from '../../src/core/schema/define.js';
import {stateVar} from '../../src/core/schema/state-var.js';
import {StateController} from '../../src/lit/controller.js';
import {stateOf} from '../../src/runtime/state-of.js';

const Late = defineState('Late', {vars: {n: stateVar.int(0)}});
class LateView extends LitElement {
  late = new StateController(this, Late);
  override render() {
    return `${this.late.state.n}`;
  }
}
customElements.define('late-view', LateView);

describe('a <page-state> that upgrades after its children', () => {
  it('still serves them, with definitions assigned before the upgrade', async () => {
    // Plain DOM, not fixture(): an element that is not upgraded yet has no updateComplete to await.
    const scope = document.createElement('page-state') as HTMLElement & {definitions: unknown};
    scope.append(document.createElement('late-view'));
    document.body.append(scope);
    scope.definitions = [Late]; // an own property until the element upgrades
    const view = scope.querySelector('late-view') as LateView;
    await view.updateComplete;
    expect(customElements.get('page-state')).to.equal(undefined);
    expect(view.late.store).to.equal(stateOf(Late));

    await import('../../src/index.js'); // the entry that defines <page-state>
    expect(view.late.store).to.equal(stateOf(Late, scope));
    expect(view.late.store).to.not.equal(stateOf(Late));
    view.late.store.state.n = 5;
    await view.updateComplete;
    expect(view.shadowRoot!.textContent).to.equal('5');
  });
});
