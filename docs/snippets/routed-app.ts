import {html, LitElement} from 'lit';
import {Router} from '@lit-labs/router';
import {defineState, stateVar, StateController} from 'page-state';

// Persisted: a link back to /search shows the last query, and puts it into the URL.
export const Search = defineState('Search', {
  urlPrefix: 's_',
  persist: 'session',
  vars: {q: stateVar.string()},
});

class SearchView extends LitElement {
  private search = new StateController(this, Search);

  override render() {
    return html`<input
      type="search"
      .value=${this.search.state.q}
      @input=${(e: InputEvent) => (this.search.state.q = (e.target as HTMLInputElement).value)}
    />`;
  }
}
customElements.define('search-view', SearchView);

class RoutedApp extends LitElement {
  // The router pushes on link clicks and renders on back/forward; page-state adopts each entry.
  private router = new Router(this, [
    {path: '/search', render: () => html`<search-view></search-view>`},
    {path: '/settings', render: () => html`<p>Settings</p>`},
  ]);

  override render() {
    return html`<nav><a href="/search">Search</a> <a href="/settings">Settings</a></nav>
      <main>${this.router.outlet()}</main>`;
  }
}
customElements.define('routed-app', RoutedApp);
