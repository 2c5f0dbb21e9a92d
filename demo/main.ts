import {html, LitElement} from 'lit';
import {StateController, stateOf, type ChangeDetail} from '../src/index.js';
import {panel} from './panel.js';
import {Ticket} from './ticket.js';

/** Edits every var of the ticket; invalid input is refused by validation, not stored. */
class TicketEditor extends LitElement {
  static override styles = panel;
  ticket = new StateController(this, Ticket);

  override render() {
    const s = this.ticket.state;
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`
      <h2>Ticket</h2>
      <label>Title <input .value=${s.title} @input=${(e: Event) => (s.title = value(e))} /></label>
      <label>Priority
        <select @change=${(e: Event) => (s.priority = Number(value(e)))}>
          ${[1, 2, 3].map((p) => html`<option value=${p} ?selected=${s.priority === p}>${['low', 'mid', 'high'][p - 1]}</option>`)}
        </select>
      </label>
      <label>Status
        <select @change=${(e: Event) => this.ticket.store.set('status', value(e) as typeof s.status)}>
          ${(['open', 'triaged', 'closed'] as const).map((v) => html`<option ?selected=${s.status === v}>${v}</option>`)}
        </select>
      </label>
      <label>Urgent <input type="checkbox" .checked=${s.urgent} @change=${(e: Event) => (s.urgent = (e.target as HTMLInputElement).checked)} /></label>
      <label>Tags (comma-separated)
        <input .value=${s.tags.join(', ')} @change=${(e: Event) => (s.tags = value(e).split(',').map((t) => t.trim()).filter(Boolean))} />
      </label>
      <label>Due <input type="date" .valueAsDate=${s.due} @change=${(e: Event) => (s.due = (e.target as HTMLInputElement).valueAsDate)} /></label>
      <button @click=${() => this.ticket.store.reset()}>Reset</button>
    `;
  }
}

/** Reads only title and priority, so it re-renders only when one of those changes. */
class TicketSummary extends LitElement {
  static override styles = panel;
  ticket = new StateController(this, Ticket);
  renders = 0;

  override render() {
    this.renders++;
    const {title, priority} = this.ticket.state;
    return html`
      <h2>Summary</h2>
      <p><strong>${title}</strong> · ${['low', 'mid', 'high'][priority - 1]} priority</p>
      <p class="muted">Rendered ${this.renders}× — change the status or tags: this panel stays put.</p>
    `;
  }
}

/** Shows dump() and the last changes with their source. */
class StateInspector extends LitElement {
  static override styles = panel;
  changes: ChangeDetail[] = [];
  #onChange = (e: Event) => {
    this.changes = [(e as CustomEvent<ChangeDetail>).detail, ...this.changes].slice(0, 6);
    this.requestUpdate();
  };

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('page-state-change', this.#onChange);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('page-state-change', this.#onChange);
  }

  override render() {
    return html`
      <h2>Inspector</h2>
      <pre>${JSON.stringify(stateOf(Ticket).dump(), null, 2)}</pre>
      <h2 style="margin-top:1rem">Last changes</h2>
      ${this.changes.length
        ? this.changes.map((c) => html`<div class="muted">${c.namespace}.${c.key}: ${JSON.stringify(c.previous)} → ${JSON.stringify(c.value)} (${c.source})</div>`)
        : html`<div class="muted">none yet</div>`}
    `;
  }
}

customElements.define('ticket-editor', TicketEditor);
customElements.define('ticket-summary', TicketSummary);
customElements.define('state-inspector', StateInspector);
