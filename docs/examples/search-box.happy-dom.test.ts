// @vitest-environment happy-dom
import {html, LitElement} from 'lit';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {defineState, StateController, stateOf, StateValidationError, stateVar} from 'page-state';
import {createTestRuntime, type TestRuntime} from 'page-state/testing';

const Filters = defineState('Filters', {urlPrefix: 'f_', vars: {q: stateVar.string()}});

class SearchBox extends LitElement {
  filters = new StateController(this, Filters);
  override render() {
    return html`<input .value=${this.filters.state.q} @input=${(e: Event) => (this.filters.state.q = (e.target as HTMLInputElement).value)} />`;
  }
}
customElements.define('search-box', SearchBox);

let runtime: TestRuntime;
beforeEach(() => (runtime = createTestRuntime({url: '/search?f_q=printer'})));
afterEach(() => {
  document.body.replaceChildren();
  runtime.dispose();
});

it('shows the query from the URL', async () => {
  const box = document.body.appendChild(new SearchBox());
  await box.updateComplete;
  expect(box.shadowRoot!.querySelector('input')!.value).toBe('printer');
});

it('writes what the user types into the URL', async () => {
  const box = document.body.appendChild(new SearchBox());
  await box.updateComplete;
  const input = box.shadowRoot!.querySelector('input')!;
  input.value = 'stapler';
  input.dispatchEvent(new Event('input'));
  await runtime.settled();
  expect(runtime.url.searchParams.get('f_q')).toBe('stapler');
});

it('refuses a value of the wrong type, and keeps the last valid one', () => {
  const filters = stateOf(Filters);
  expect(() => filters.set({q: 42 as never})).toThrow(StateValidationError);
  expect(filters.state.q).toBe('printer');
});
