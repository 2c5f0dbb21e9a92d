// A shell and two micro-frontends on one URL. Each micro-frontend is a custom element with its
// own shadow root and its own <page-state> scope; both read the shell's NavState from the root.
import {css, html, LitElement} from 'lit';
import {defineState, stateVar, StateController} from '../src/index.js';

/** Owned by the shell, shared by everyone. */
export const NavState = defineState('NavState', {
  urlPrefix: 'nav_',
  vars: {section: stateVar.enum(['inbox', 'calendar'] as const, 'inbox'), user: stateVar.string('ada')},
});

/** The inbox claims the URL when it writes, but keeps the shell's params. */
export const Inbox = defineState('Inbox', {
  urlPrefix: 'in_',
  urlSelfish: true,
  shareUrlWith: [NavState],
  vars: {thread: stateVar.int(0), query: stateVar.string('')},
});

export const Calendar = defineState('Calendar', {
  urlPrefix: 'cal_',
  vars: {day: stateVar.date(null), view: stateVar.enum(['week', 'month'] as const, 'week')},
});

/** Each micro-frontend declares a `Panel` of its own: same name, isolated by its scope. */
export const InboxPanel = defineState('Panel', {urlPrefix: 'inp_', vars: {wide: stateVar.boolean(false)}});
export const CalendarPanel = defineState('Panel', {urlPrefix: 'calp_', vars: {wide: stateVar.boolean(false)}});

const look = css`
  :host { display: block; border: 1px solid var(--border, #dde1e8); border-radius: 10px; padding: 1rem 1.25rem; background: var(--panel, #fff); }
  h2 { margin: 0 0 0.5rem; font-size: 1rem; }
  button { font: inherit; margin-right: 0.5rem; }
  input { font: inherit; }
  .muted { color: var(--muted, #5d6778); font-size: 0.85rem; }
`;

class AppShell extends LitElement {
  static override styles = look;
  nav = new StateController(this, NavState);
  override render() {
    const nav = this.nav.state;
    return html`<h2>Shell — signed in as ${nav.user}</h2>
      ${(['inbox', 'calendar'] as const).map((s) => html`<button aria-pressed=${nav.section === s} @click=${() => (nav.section = s)}>${s}</button>`)}`;
  }
}

class InboxView extends LitElement {
  static override styles = look;
  inbox = new StateController(this, Inbox);
  nav = new StateController(this, NavState);
  panel = new StateController(this, InboxPanel);
  override render() {
    const {thread, query} = this.inbox.state;
    return html`<h2>Inbox (selfish) · section ${this.nav.state.section}</h2>
      <input placeholder="search mail" .value=${query} @input=${(e: Event) => (this.inbox.state.query = (e.target as HTMLInputElement).value)} />
      <button @click=${() => this.inbox.state.thread++}>open thread ${thread + 1}</button>
      <button @click=${() => (this.panel.state.wide = !this.panel.state.wide)}>${this.panel.state.wide ? 'narrow' : 'wide'} panel</button>
      <p class="muted">Thread ${thread}. Writing here purges other modules' params but keeps nav_*.</p>`;
  }
}

class CalendarView extends LitElement {
  static override styles = look;
  calendar = new StateController(this, Calendar);
  nav = new StateController(this, NavState);
  panel = new StateController(this, CalendarPanel);
  override render() {
    const {view, day} = this.calendar.state;
    return html`<h2>Calendar · section ${this.nav.state.section}</h2>
      ${(['week', 'month'] as const).map((v) => html`<button aria-pressed=${view === v} @click=${() => (this.calendar.state.view = v)}>${v}</button>`)}
      <input type="date" .valueAsDate=${day} @change=${(e: Event) => (this.calendar.state.day = (e.target as HTMLInputElement).valueAsDate)} />
      <button @click=${() => (this.panel.state.wide = !this.panel.state.wide)}>${this.panel.state.wide ? 'narrow' : 'wide'} panel</button>`;
  }
}

/** A micro-frontend: its own shadow root, its own <page-state> declaring its namespaces. */
const microFrontend = (definitions: unknown[], view: string) =>
  class extends LitElement {
    override render() {
      return html`<page-state .definitions=${definitions}>${view === 'inbox-view' ? html`<inbox-view></inbox-view>` : html`<calendar-view></calendar-view>`}</page-state>`;
    }
  };

customElements.define('app-shell', AppShell);
customElements.define('inbox-view', InboxView);
customElements.define('calendar-view', CalendarView);
customElements.define('inbox-app', microFrontend([Inbox, InboxPanel], 'inbox-view'));
customElements.define('calendar-app', microFrontend([Calendar, CalendarPanel], 'calendar-view'));
