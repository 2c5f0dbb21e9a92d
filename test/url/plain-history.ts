// Plain code writing the URL (history.pushState/replaceState, navigation.navigate, an
// intercepted link), shared by the Navigation-API and the fallback test files.
import {expect, waitUntil} from '@open-wc/testing';
import type {StateChange} from '../../src/core/schema/define.js';

type Api = typeof import('../../src/index.js');
type Navigation = EventTarget & {
  navigate(url: string): {committed: Promise<unknown>};
  entries(): {url: string}[];
};

/** The page-state-change events of `namespace` dispatched while `act` runs and one microtask after. */
async function changesOf(namespace: string, act: () => unknown): Promise<StateChange[]> {
  const seen: StateChange[] = [];
  const record = (e: CustomEvent<StateChange>) => e.detail.namespace === namespace && seen.push(e.detail);
  document.addEventListener('page-state-change', record);
  await act();
  await Promise.resolve();
  document.removeEventListener('page-state-change', record);
  return seen;
}

export function plainHistoryCases(load: () => Promise<Api>, navigation: Navigation | undefined): void {
  let api: Api;
  let n = 0;
  /** A fresh namespace per test (the page's runtime lives as long as the page). */
  const fresh = () => {
    const name = `Plain${++n}`;
    const prefix = `p${n}_`;
    const store = api.stateOf(
      api.defineState(name, {urlPrefix: prefix, vars: {q: api.stateVar.string(''), k: api.stateVar.int(0)}}),
    );
    return {name, prefix, store};
  };
  /** The query string with only the params of `prefix`: earlier tests leave theirs. */
  const own = (prefix: string) =>
    [...new URLSearchParams(location.search)]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
  const entries = () => (navigation ? navigation.entries().map((e) => e.url) : []);

  before(async () => {
    api = await load();
    history.replaceState(null, '', location.pathname);
  });

  it('adopts history.pushState at once: a change with source url, the new value, one entry', async () => {
    const {name, prefix, store} = fresh();
    const length = history.length;
    const seen = await changesOf(name, () => history.pushState(null, '', `?${prefix}q=new`));
    expect(seen).to.deep.equal([{namespace: name, key: 'q', value: 'new', previous: '', source: 'url'}]);
    expect(store.get('q')).to.equal('new');
    await new Promise((done) => setTimeout(done));
    expect(location.search).to.equal(`?${prefix}q=new`); // the read did not write the old value back
    expect(history.length).to.equal(length + 1);
  });

  it('adopts the params history.replaceState changed, and restores on touch only those it removed', async () => {
    const {name, prefix, store} = fresh();
    store.set({q: 'a', k: 1});
    await new Promise((done) => setTimeout(done));
    expect(own(prefix)).to.equal(`${prefix}q=a&${prefix}k=1`);
    const seen = await changesOf(name, () => history.replaceState(null, '', `?${prefix}q=changed&router=1`));
    expect(seen.map((c) => [c.key, c.value, c.source])).to.deep.equal([['q', 'changed', 'url']]);
    expect(store.get('k')).to.equal(1); // the touch: k was removed, so it comes back
    await new Promise((done) => setTimeout(done));
    expect(location.search).to.equal(`?${prefix}q=changed&router=1&${prefix}k=1`); // the only params left
  });

  if (navigation) {
    it('adopts navigation.navigate() intercepted by a router, without duplicate entries', async () => {
      const {name, prefix, store} = fresh();
      const intercept = (e: Event) => (e as Event & {intercept(o: object): void}).intercept({handler: async () => {}});
      navigation.addEventListener('navigate', intercept);
      const before = entries();
      const seen = await changesOf(name, () => navigation.navigate(`?${prefix}q=routed`).committed);
      navigation.removeEventListener('navigate', intercept);
      expect(seen.map((c) => [c.key, c.value])).to.deep.equal([['q', 'routed']]);
      expect(store.get('q')).to.equal('routed');
      await new Promise((done) => setTimeout(done));
      expect(entries()).to.deep.equal([...before, location.href]);
    });

    it('adopts a link a Navigation-API router intercepts', async () => {
      const {name, prefix, store} = fresh();
      const intercept = (e: Event) => (e as Event & {intercept(o: object): void}).intercept({handler: async () => {}});
      navigation.addEventListener('navigate', intercept);
      const link = Object.assign(document.createElement('a'), {href: `?${prefix}q=clicked`, textContent: 'go'});
      document.body.append(link);
      const seen = await changesOf(name, () => link.click());
      navigation.removeEventListener('navigate', intercept);
      link.remove();
      expect(seen.map((c) => [c.key, c.value])).to.deep.equal([['q', 'clicked']]);
      expect(store.get('q')).to.equal('clicked');
    });
  }

  it('delivers the last state when the browser silently drops history writes', async () => {
    const {prefix, store} = fresh();
    const replace = history.replaceState;
    let dropped = 0;
    history.replaceState = function (...args: Parameters<History['replaceState']>) {
      if (dropped < 2) return void dropped++; // as a rate-limited browser does now: no throw, no change
      return replace.apply(this, args);
    };
    try {
      store.set('q', 'first');
      await new Promise((done) => setTimeout(done));
      store.set('q', 'last');
      await waitUntil(() => own(prefix) === `${prefix}q=last`, 'the last state reached the URL', {timeout: 5000});
      expect(dropped).to.equal(2);
    } finally {
      history.replaceState = replace;
    }
  });
}
