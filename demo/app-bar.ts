import {html, LitElement, css} from 'lit';
import {StateController} from '../src/index.js';
import {NavState, Settings} from './state.js';

/** The shell's top bar: navigation (shared) and settings (local, synced across tabs). */
export class AppBar extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-left: auto;
    }
    button,
    select {
      font: inherit;
      font-size: 0.85rem;
      color: var(--text);
      background: var(--field);
      border: 1px solid var(--border);
      border-radius: 8px;
      padding: 0.3rem 0.7rem;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      border-color: var(--accent);
      color: var(--accent);
    }
  `;
  nav = new StateController(this, NavState);
  settings = new StateController(this, Settings);

  override render() {
    const {view} = this.nav.state;
    const {theme, density} = this.settings.state;
    return html`
      ${(['queue', 'board'] as const).map((v) => html`<button id="view-${v}" aria-pressed=${view === v} @click=${() => (this.nav.state.view = v)}>${v}</button>`)}
      <select
        id="density"
        aria-label="density"
        @change=${(e: Event) => (this.settings.state.density = (e.target as HTMLSelectElement).value as typeof density)}
      >
        ${(['comfortable', 'compact'] as const).map((d) => html`<option ?selected=${d === density}>${d}</option>`)}
      </select>
      <button id="theme" @click=${() => (this.settings.state.theme = theme === 'dark' ? 'light' : 'dark')}>
        ${theme === 'dark' ? '☀ light' : '☾ dark'}
      </button>
      <select
        id="account"
        aria-label="signed in as"
        @change=${(e: Event) => void this.signIn((e.target as HTMLSelectElement).value)}
      >
        ${['', 'ada', 'grace'].map((account) => html`<option value=${account} ?selected=${account === this.account}>${account ? `signed in as ${account}` : 'not signed in'}</option>`)}
      </select>
    `;
  }

  /** Who the demo's own login says is signed in (remembered for the picker; the server decides). */
  account = localStorage.getItem('demo-account') ?? '';

  /** Signs in (or out) with the demo's login, then reloads: the page learns the identity from the
   * server (the state it is served with), as an app whose login is a full navigation does. */
  async signIn(account: string) {
    await fetch(account ? `/demo/login?as=${account}` : '/demo/logout', {method: 'POST'});
    if (account) localStorage.setItem('demo-account', account);
    else localStorage.removeItem('demo-account');
    location.reload();
  }

  protected override updated() {
    document.documentElement.dataset.theme = this.settings.state.theme;
    document.documentElement.dataset.density = this.settings.state.density;
  }
}
customElements.define('app-bar', AppBar);
