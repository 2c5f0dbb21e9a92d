import {html, LitElement, css} from 'lit';
import {StateController} from '../src/index.js';
import {panel} from './styles.js';
import {NavState, Workspace} from './state.js';
import {PRIORITY, TICKETS} from './tickets.js';

/** The queue, filtered by the workspace's filter object (validated by its schema). */
export class TicketQueue extends LitElement {
  static override styles = [
    panel,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li button {
        display: grid;
        width: 100%;
        text-align: left;
        gap: 0.15rem;
        color: var(--text);
        border: 1px solid transparent;
        margin-bottom: 0.35rem;
      }
      li button[aria-current='true'] {
        border-color: var(--accent);
        background: var(--accent-soft);
      }
      .filters {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
    `,
  ];
  ws = new StateController(this, Workspace);
  nav = new StateController(this, NavState);

  override render() {
    const {filters, ticket} = this.ws.state;
    const shown = TICKETS.filter(
      (t) => t.priority >= filters.minPriority && (!filters.assignee || t.assignee === filters.assignee),
    );
    return html`
      <h2>Queue · ${this.nav.state.view} view</h2>
      <div class="filters">
        <label
          >At least
          <select
            id="min-priority"
            @change=${(e: Event) => (this.ws.state.filters = {...filters, minPriority: Number((e.target as HTMLSelectElement).value)})}
          >
            ${[1, 2, 3].map((p) => html`<option value=${p} ?selected=${p === filters.minPriority}>${PRIORITY[p as 1 | 2 | 3]}</option>`)}
          </select>
        </label>
        <label
          >Assignee
          <select
            id="assignee"
            @change=${(e: Event) => (this.ws.state.filters = {...filters, assignee: (e.target as HTMLSelectElement).value})}
          >
            ${['', 'ada', 'grace', 'linus'].map((a) => html`<option value=${a} ?selected=${a === filters.assignee}>${a || 'anyone'}</option>`)}
          </select>
        </label>
      </div>
      <ul>
        ${shown.map(
          (t) =>
            html`<li>
              <button data-ticket=${t.id} aria-current=${t.id === ticket} @click=${() => this.#open(t.id)}>
                <strong>${t.id} <span class="p${t.priority}">● ${PRIORITY[t.priority]}</span></strong>
                <span>${t.title}</span><span class="muted">${t.reporter} → ${t.assignee}</span>
              </button>
            </li>`,
        )}
      </ul>
      ${shown.length ? '' : html`<p class="muted">No ticket matches these filters.</p>`}
    `;
  }

  #open(id: string) {
    const t = TICKETS.find((x) => x.id === id)!;
    this.ws.store.set({ticket: id, priority: t.priority, status: 'open', tags: [], due: null});
  }
}
customElements.define('ticket-queue', TicketQueue);
