// The same table as parseUrl's (test/url/parse-cases.ts), read by a real store from the URL.
import {expect, fixture, html} from '@open-wc/testing';
import '../../elements/page-state.js';
import type {ErrorDetail} from '../../src/core/types.js';
import {serializeUrl, stateOf, type PageStateElement} from '../../src/index.js';
import {Listing, PARSE_CASES} from './parse-cases.js';

describe('the browser reads the shared table of URLs as parseUrl does', () => {
  for (const c of PARSE_CASES) {
    it(c.label, async () => {
      history.replaceState(null, '', c.url);
      const errors: ErrorDetail[] = [];
      const record = (e: CustomEvent<ErrorDetail>) => errors.push(e.detail);
      document.addEventListener('page-state-error', record);
      const scope = await fixture<PageStateElement>(html`<page-state .definitions=${[Listing]}></page-state>`);
      const store = stateOf(Listing, scope);
      expect(store.dump()).to.deep.equal(c.values);
      await new Promise((done) => setTimeout(done)); // a store's start reports after its task
      document.removeEventListener('page-state-error', record);
      expect(errors.map((e) => [e.key, e.raw])).to.deep.equal(c.errors);
      // What the browser corrected the URL to is what serializeUrl writes for those values.
      const expected = new URL(serializeUrl(Listing, store.snapshot(), c.url), location.origin);
      expect([...new URLSearchParams(location.search)]).to.deep.equal([...expected.searchParams]);
      scope.remove();
      await new Promise((done) => setTimeout(done));
    });
  }
});
