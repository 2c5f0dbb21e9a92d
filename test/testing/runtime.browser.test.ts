// page-state/testing in Chromium (WTR + @open-wc/testing), as a user tests a Lit element bound
// with StateController: each test starts from the defaults and its own URL, nothing reaches the
// runner's location or storage, back() adopts a pushed entry, and a forgotten dispose() fails
// the next test by name.
import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {defineState, StateController, stateOf, stateVar} from '../../src/index.js';
import {createTestRuntime, type TestRuntime} from '../../src/testing/index.js';

const Filters = defineState('KitFilters', {
  urlPrefix: 'f_',
  vars: {q: stateVar.string(), page: stateVar.int(1, {history: 'push'})},
});

class KitSearch extends LitElement {
  filters = new StateController(this, Filters);
  override render() {
    return html`<input
        .value=${this.filters.state.q}
        @input=${(e: Event) => (this.filters.state.q = (e.target as HTMLInputElement).value)}
      /><span>${this.filters.state.page}</span>`;
  }
}
customElements.define('kit-search', KitSearch);

describe('page-state/testing in Chromium', () => {
  let runtime: TestRuntime;
  const realUrl = location.href;
  beforeEach(() => (runtime = createTestRuntime({url: '/search?f_q=printer'})));
  afterEach(() => runtime.dispose());

  it("starts from the URL it was given, and records the element's writes in memory", async () => {
    const el = await fixture<KitSearch>(html`<kit-search></kit-search>`);
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('printer');
    el.filters.state.q = 'stapler';
    await runtime.settled();
    expect(runtime.url.search).to.equal('?f_q=stapler');
    expect(runtime.updates.map(({url, push}) => [url.search, push])).to.deep.equal([['?f_q=stapler', false]]);
    expect(location.href).to.equal(realUrl, "the runner's own location is untouched");
  });

  it('starts again from the defaults and its URL: nothing of the test before', async () => {
    expect(stateOf(Filters).get('q')).to.equal('printer');
    expect(runtime.updates).to.deep.equal([]);
  });

  it('goes back through a pushed entry with runtime.back()', async () => {
    const el = await fixture<KitSearch>(html`<kit-search></kit-search>`);
    el.filters.state.page = 2;
    await runtime.settled();
    expect(runtime.updates.at(-1)!.push).to.equal(true);
    runtime.back();
    await el.updateComplete;
    expect(el.filters.state.page).to.equal(1);
    expect(el.shadowRoot!.querySelector('span')!.textContent).to.equal('1');
    runtime.forward();
    expect(el.filters.state.page).to.equal(2);
  });

  it('keeps persist: local in its own memory storage, pre-filled as asked', async () => {
    runtime.dispose();
    runtime = createTestRuntime({storage: {local: {'page-state:KitSettings': {version: 1, values: {theme: 'dark'}}}}});
    const settings = stateOf(
      defineState('KitSettings', {persist: 'local', vars: {theme: stateVar.string('light', {urlKey: false})}}),
    );
    expect(settings.get('theme')).to.equal('dark');
    settings.set('theme', 'sepia');
    await runtime.settled();
    expect(JSON.parse(runtime.localStorage.getItem('page-state:KitSettings')!).values).to.deep.equal({theme: 'sepia'});
    expect(localStorage.getItem('page-state:KitSettings')).to.equal(null, "the runner's storage is untouched");
  });

  it('names the test that forgot dispose() in the next one', () => {
    runtime.dispose();
    createTestRuntime({name: 'a forgetful test'});
    expect(() => createTestRuntime()).to.throw(/"a forgetful test" was never disposed/);
    runtime = createTestRuntime();
  });
});
