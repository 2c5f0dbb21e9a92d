// A micro-frontend as a team would ship it: its own bundle (Vite), with its own copy of
// page-state and Lit, in its own shadow root and <page-state> scope. It is selfish: writing
// here purges other modules' params, but keeps the shell's (shareUrlWith) and kept ones.
import {css, html, LitElement} from 'lit';
import * as pageState from 'page-state';
import 'page-state/elements';

const {defineState, stateVar, StateController} = pageState;

export const Inbox = defineState('Inbox', {
  urlPrefix: 'in_',
  urlSelfish: true,
  shareUrlWith: ['NavState'],
  vars: {query: stateVar.string(''), thread: stateVar.int(0)},
});

const look = css`
  :host {
    display: block;
    border: 1px solid var(--border, #dde1e8);
    border-radius: 10px;
    padding: 1rem 1.25rem;
    background: var(--panel, #fff);
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  button,
  input {
    font: inherit;
  }
`;

class InboxThread extends LitElement {
  inbox = new StateController(this, Inbox);
  render() {
    const state = this.inbox.state;
    return html`<p>Thread ${state.thread} <button @click=${() => state.thread++}>next thread</button></p>`;
  }
}

class InboxApp extends LitElement {
  static styles = look;
  render() {
    return html`<page-state .definitions=${[Inbox]}>
      <h2>Inbox <small>(selfish; bundle of page-state ${pageState.VERSION})</small></h2>
      <label
        >Search mail <state-bind path="Inbox.query"><input type="search" name="query" /></state-bind
      ></label>
      <inbox-thread></inbox-thread>
      <p>Section: <state-bind path="NavState.section"></state-bind></p>
    </page-state>`;
  }
}

customElements.define('inbox-thread', InboxThread);
customElements.define('inbox-app', InboxApp);
(window.pageStateCopies ??= []).push({name: 'inbox', api: pageState, definitions: {Inbox}});
