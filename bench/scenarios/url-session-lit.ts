// Scenario "URL + session storage in a Lit app" (issue 37): the search box of url-lit.ts, and a
// draft kept in session storage (out of the URL). Measured against nuqs-persistent.tsx.
import {html, LitElement} from 'lit';
import {defineState, StateController, stateVar} from 'page-state';
import './url-lit.js';

export const Draft = defineState('Draft', {persist: 'session', vars: {note: stateVar.string('', {urlKey: false})}});

export class DraftNote extends LitElement {
  #draft = new StateController(this, Draft);

  override render() {
    const {state} = this.#draft;
    return html`<textarea
      .value=${state.note}
      @input=${(e: Event) => (state.note = (e.target as HTMLTextAreaElement).value)}
    ></textarea>`;
  }
}
customElements.define('draft-note', DraftNote);
