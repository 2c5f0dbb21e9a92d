import {html, LitElement} from 'lit';
import {defineState, stateVar} from 'page-state';
import 'page-state/elements';

export const Inbox = defineState('Inbox', {
  urlPrefix: 'in_',
  urlSelfish: true,
  shareUrlWith: ['NavState'],
  vars: {query: stateVar.string('')},
});

class InboxApp extends LitElement {
  override render() {
    return html`<page-state .definitions=${[Inbox]}>
      <h2>Inbox</h2>
      <label
        >Search mail <state-bind path="Inbox.query"><input type="search" /></state-bind
      ></label>
    </page-state>`;
  }
}
customElements.define('inbox-app', InboxApp);
