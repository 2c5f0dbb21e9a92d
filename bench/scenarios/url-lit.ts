// Scenario "URL state in a Lit app" (issue 37): a search box whose query and page live in the
// URL, as a Lit user writes it. Measured by bench/scenarios.ts against nuqs-url.tsx.
import {html, LitElement} from 'lit';
import {defineState, StateController, stateVar} from 'page-state';

export const Search = defineState('Search', {
  urlPrefix: 's_',
  vars: {q: stateVar.string(''), page: stateVar.int(1, {urlKey: 'p'})},
});

export class SearchBox extends LitElement {
  #search = new StateController(this, Search);

  override render() {
    const {state} = this.#search;
    return html`<input .value=${state.q} @input=${(e: Event) => (state.q = (e.target as HTMLInputElement).value)} />
      <button @click=${() => state.page++}>Page ${state.page}</button>`;
  }
}
customElements.define('search-box', SearchBox);
