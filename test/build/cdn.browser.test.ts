// Loads the built CDN files (npm test builds before the browser tests run).
import {expect} from '@open-wc/testing';

type Api = typeof import('../../src/index.js');

describe('dist builds', () => {
  it('dist/page-state.js is a self-contained module exporting the API and defining <page-state>', async () => {
    const api = (await import(new URL('/dist/page-state.js', location.href).href)) as Api;
    for (const name of [
      'defineState',
      'stateVar',
      'stateOf',
      'StateController',
      'StateStore',
      'PageStateElement',
    ] as const) {
      expect(api[name], name).to.not.equal(undefined);
    }
    expect(customElements.get('page-state')).to.equal(api.PageStateElement);
    const Counter = api.defineState('CdnCounter', {vars: {n: api.stateVar.int(0)}});
    api.stateOf(Counter).set('n', 2);
    expect(api.stateOf(Counter).dump()).to.deep.equal({n: 2});
  });

  it('dist/page-state.iife.js works as a classic script, as a second copy on the page', async () => {
    const script = Object.assign(document.createElement('script'), {src: '/dist/page-state.iife.js'});
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
    });
    document.head.append(script);
    await loaded;
    const api = (window as unknown as {PageState: Api}).PageState;
    const Counter = api.defineState('CdnCounter', {vars: {n: api.stateVar.int(0)}});
    // Both copies share the page's runtime, so they share the root store of one namespace.
    expect(api.stateOf(Counter).get('n')).to.equal(2);
  });
});
