import {html, LitElement, css} from 'lit';
import {StateController} from '../src/index.js';
import {panel} from './styles.js';
import {Notes, Workspace} from './state.js';
import {TICKETS} from './tickets.js';

/** Edits the open ticket (URL-mirrored) and a private draft (server session). */
export class TicketDetail extends LitElement {
  static override styles = [
    panel,
    css`
      .row {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.75rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      h3 {
        margin: 0 0 0.25rem;
        font-size: 1.1rem;
      }
    `,
  ];
  ws = new StateController(this, Workspace);
  notes = new StateController(this, Notes);
  copied = false;

  override connectedCallback() {
    super.connectedCallback();
    // Served with the session's state (vite.config.ts), the draft is there from the first render;
    // served without it, it arrives from the server a moment later: show when it did.
    void this.notes.store.ready.then(() => this.requestUpdate());
  }

  override render() {
    const s = this.ws.state;
    const ticket = TICKETS.find((t) => t.id === s.ticket);
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`
      <h2>Ticket</h2>
      <div class="actions">
        <button id="focus" @click=${() => this.ws.store.focus()} title="Claim the URL for the workspace">Focus</button>
        <button id="reset" @click=${() => this.ws.store.reset()}>Reset</button>
        <button id="clear-notes" @click=${() => void this.notes.store.clear()}>Clear notes</button>
        <button id="copy-link" class="primary" @click=${this.#copy}>
          ${this.copied ? 'Copied ✓' : 'Copy deep link'}
        </button>
      </div>
      ${
        ticket
          ? html`<h3 id="ticket-title">${ticket.id} · ${ticket.title}</h3>
              <p class="muted">Reported by ${ticket.reporter}, assigned to ${ticket.assignee}</p>`
          : html`<p class="muted" id="ticket-title">Pick a ticket from the queue.</p>`
      }
      <div class="row">
        <label
          >Priority
          <select id="priority" @change=${(e: Event) => (s.priority = Number(value(e)))}>
            ${[1, 2, 3].map((p) => html`<option value=${p} ?selected=${p === s.priority}>${['low', 'mid', 'high'][p - 1]}</option>`)}
          </select>
        </label>
        <label
          >Status
          <select id="status" @change=${(e: Event) => this.ws.store.set('status', value(e) as typeof s.status)}>
            ${(['open', 'triaged', 'waiting', 'closed'] as const).map((v) => html`<option ?selected=${v === s.status}>${v}</option>`)}
          </select>
        </label>
      </div>
      <div class="row">
        <label
          >Tags
          <input
            id="tags"
            placeholder="ui, safari"
            .value=${s.tags.join(', ')}
            @change=${(e: Event) =>
              (s.tags = value(e)
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean))}
        /></label>
        <label
          >Due
          <input
            id="due"
            type="date"
            .valueAsDate=${s.due}
            @change=${(e: Event) => (s.due = (e.target as HTMLInputElement).valueAsDate)}
        /></label>
      </div>
      <div>${s.tags.map((t) => html`<span class="chip">${t}</span>`)}</div>
      <label
        >Private notes
        <span class="muted">(server session · ${this.notes.store.hydrated ? 'loaded' : 'loading…'})</span>
        <textarea
          id="draft"
          .value=${this.notes.state.draft}
          @input=${(e: Event) => (this.notes.state.draft = value(e))}
        ></textarea>
      </label>
    `;
  }

  readonly #copy = async () => {
    await navigator.clipboard?.writeText(this.ws.store.href()).catch(() => {});
    this.copied = true;
    this.requestUpdate();
    setTimeout(() => ((this.copied = false), this.requestUpdate()), 1500);
  };
}
customElements.define('ticket-detail', TicketDetail);
