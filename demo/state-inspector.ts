import {html, LitElement, css} from 'lit';
import {stateOf, type ChangeDetail, type ErrorDetail} from '../src/index.js';
import {panel} from './styles.js';
import {ALL} from './state.js';

/** Shows what page-state holds: the URL, every namespace's dump(), the last changes and errors. */
export class StateInspector extends LitElement {
  static override styles = [panel, css`
    section + section { margin-top: 1rem; }
    .url { padding: 0.5rem; border-radius: 8px; background: var(--chip); word-break: break-all; }
    li { list-style: none; } ul { margin: 0; padding: 0; }
    .source { font-size: 0.7rem; padding: 0 0.35rem; border-radius: 4px; background: var(--chip); }
    .error { color: var(--danger); }
  `];
  changes: ChangeDetail[] = [];
  errors: ErrorDetail[] = [];
  readonly #onChange = (e: Event) => this.#log(this.changes, (e as CustomEvent<ChangeDetail>).detail);
  readonly #onError = (e: Event) => this.#log(this.errors, (e as CustomEvent<ErrorDetail>).detail);
  // The URL is written at the end of the task: read it after that.
  readonly #refresh = () => setTimeout(() => this.requestUpdate());

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('page-state-change', this.#onChange);
    document.addEventListener('page-state-error', this.#onError);
    window.addEventListener('popstate', this.#refresh);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('page-state-change', this.#onChange);
    document.removeEventListener('page-state-error', this.#onError);
    window.removeEventListener('popstate', this.#refresh);
  }

  #log<T>(list: T[], entry: T) {
    list.unshift(entry);
    list.length = Math.min(list.length, 8);
    this.#refresh();
  }

  override render() {
    return html`
      <h2>Inspector</h2>
      <section><div class="muted">URL</div><code class="url" id="url">${location.pathname}${location.search}${location.hash}</code></section>
      <section><div class="muted">Last changes</div><ul id="changes">
        ${this.changes.map((c) => html`<li><code>${c.namespace}.${c.key}</code> ${JSON.stringify(c.previous)} → ${JSON.stringify(c.value)} <span class="source">${c.source}</span></li>`)}
        ${this.changes.length ? '' : html`<li class="muted">none yet</li>`}
      </ul></section>
      <section><div class="muted">Rejected inputs</div><ul id="errors">
        ${this.errors.map((e) => html`<li class="error"><code>${e.namespace}${e.key ? `.${e.key}` : ''}</code> ${e.reason}</li>`)}
        ${this.errors.length ? '' : html`<li class="muted">none — try <a href="?ws_pri=urgent&ws_due=2026-02-30">a bad link</a></li>`}
      </ul></section>
      ${ALL.map((d) => html`<section><div class="muted">${d.name}.dump()</div><pre>${JSON.stringify(stateOf(d).dump(), null, 1)}</pre></section>`)}
    `;
  }
}
customElements.define('state-inspector', StateInspector);
