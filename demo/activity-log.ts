import {html, LitElement, css} from 'lit';
import {stateOf, type StateChange, type ErrorDetail} from '../src/index.js';
import {panel} from './styles.js';
import {ALL} from './state.js';

// Recording starts when this module loads (main.ts imports it first): a bad deep link is
// rejected while the other panels start, before any inspector element is connected.
const changes: StateChange[] = [];
const errors: ErrorDetail[] = [];
const inspectors = new Set<ActivityLog>();
function log<T>(list: T[], entry: T) {
  list.unshift(entry);
  list.length = Math.min(list.length, 8);
  // The URL is written at the end of the task: render after that.
  setTimeout(() => inspectors.forEach((inspector) => inspector.requestUpdate()));
}
document.addEventListener('page-state-change', (e) => log(changes, e.detail));
document.addEventListener('page-state-error', (e) => log(errors, e.detail));

/** The demo's own activity panel, written with the public API only: the URL, every namespace's
 * dump(), the last changes and errors. (page-state's own panel is <state-inspector>: the toggle.) */
export class ActivityLog extends LitElement {
  static override styles = [
    panel,
    css`
      section + section {
        margin-top: 1rem;
      }
      .url {
        padding: 0.5rem;
        border-radius: 8px;
        background: var(--chip);
        word-break: break-all;
      }
      li {
        list-style: none;
        font-size: 0.8rem;
        margin-bottom: 0.2rem;
      }
      ul {
        margin: 0;
        padding: 0;
      }
      .source {
        font-size: 0.7rem;
        padding: 0 0.35rem;
        border-radius: 4px;
        background: var(--chip);
      }
      .error {
        color: var(--danger);
      }
    `,
  ];
  readonly #refresh = () => setTimeout(() => this.requestUpdate());

  override connectedCallback() {
    super.connectedCallback();
    inspectors.add(this);
    window.addEventListener('popstate', this.#refresh);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    inspectors.delete(this);
    window.removeEventListener('popstate', this.#refresh);
  }

  override render() {
    return html`
      <h2>Activity</h2>
      <section>
        <div class="muted">URL</div>
        <code class="url" id="url">${location.pathname}${location.search}${location.hash}</code>
      </section>
      <section>
        <div class="muted">Last changes</div>
        <ul id="changes">
          ${changes.map((c) => html`<li><code>${c.namespace}.${c.key}</code> ${JSON.stringify(c.previous)} → ${JSON.stringify(c.value)} <span class="source">${c.source}</span></li>`)}
          ${changes.length ? '' : html`<li class="muted">none yet</li>`}
        </ul>
      </section>
      <section>
        <div class="muted">Rejected inputs</div>
        <ul id="errors">
          ${errors.map((e) => html`<li class="error"><code>${e.namespace}${e.key ? `.${e.key}` : ''}</code> ${e.reason}</li>`)}
          ${errors.length ? '' : html`<li class="muted">none — try <a href="?ws_pri=urgent&amp;ws_due=2026-02-30">a bad link</a></li>`}
        </ul>
      </section>
      ${ALL.map(
        (d) =>
          html`<section>
            <div class="muted">${d.name}.dump()</div>
            <pre>${JSON.stringify(stateOf(d).dump(), null, 1)}</pre>
          </section>`,
      )}
    `;
  }
}
customElements.define('activity-log', ActivityLog);
