// The client half of server state at first paint (issue 38), over the modules (the server client
// loaded on first use, as a bundler splits it; the CDN file, one module, is in test/e2e): a
// namespace the page's bootstrap holds starts from it, with no request, the URL still winning; a
// namespace it does not hold loads from the server as before; the page's own write, or another
// identity, retires what the bootstrap held.
import {expect} from '@open-wc/testing';
import {defineState, setIdentity, stateOf, stateVar, type StateChange} from '../../src/index.js';

/** Every request the page sent (`GET /page-state/X`), and its answer. */
const requests = new Map<string, Promise<Response>>();
const waiting: {request: string; resolve(status: number): void}[] = [];
const pageFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const request = `${init?.method ?? 'GET'} ${String(input)}`;
  const response = pageFetch(input, init);
  requests.set(request, response);
  void response.then(({status}) => waiting.filter((w) => w.request === request).forEach((w) => w.resolve(status)));
  return response;
};
/** The status of the next answer to `request`. */
const answered = (request: string) => new Promise<number>((resolve) => waiting.push({request, resolve}));

// What a server's inject() puts into the page: read when the first namespace starts.
document.head.insertAdjacentHTML(
  'afterbegin',
  `<script type="application/json" data-page-state="/page-state">${JSON.stringify([
    null,
    [
      ['Booted', {version: 1, values: {text: 'from the bootstrap', q: 'from the bootstrap'}}],
      ['Kept', {version: 1, values: {text: 'from the bootstrap'}}],
    ],
  ])}</script>`,
);
history.replaceState(null, '', '?q=from+the+url');

const vars = () => ({text: stateVar.string('', {urlKey: false}), q: stateVar.string('')});
const Booted = defineState('Booted', {persist: 'server', vars: vars()});
const Unmentioned = defineState('Unmentioned', {persist: 'server', urlPrefix: 'u_', vars: vars()});
const Kept = defineState('Kept', {persist: 'server', urlPrefix: 'k_', vars: vars()});

describe('a page holding a bootstrap', () => {
  it('starts a namespace it holds from it: hydrated, ready, no GET, the URL first', async () => {
    const changes: StateChange[] = [];
    const booted = stateOf(Booted);
    booted.subscribe((change) => changes.push(change));
    expect([booted.hydrated, booted.get('text'), booted.get('q')]).to.deep.equal([
      true,
      'from the bootstrap',
      'from the url',
    ]);
    const first = await Promise.race([booted.ready.then(() => 'ready'), Promise.resolve().then(() => 'later')]);
    expect(first).to.equal('ready');
    expect(changes.map(({key, source}) => `${key} ${source}`).sort()).to.deep.equal(['q init', 'text init']);

    expect(stateOf(Kept).get('text')).to.equal('from the bootstrap');
    const unmentioned = stateOf(Unmentioned);
    expect(unmentioned.hydrated).to.equal(false, 'not in the bootstrap: it asks the server');
    await unmentioned.ready;
    expect([...requests.keys()].filter((request) => request.startsWith('GET'))).to.deep.equal([
      'GET /page-state/Unmentioned',
    ]);
  });

  it('forgets a namespace the page wrote: a store of it started later loads what was written from the server', async () => {
    const put = answered('PUT /page-state/Booted');
    stateOf(Booted).set('text', 'written');
    expect(await put).to.equal(204);
    const scope = document.createElement('page-state');
    scope.definitions = [Booted];
    document.body.append(scope);
    const again = stateOf(Booted, scope);
    expect(again.hydrated).to.equal(false);
    await again.ready;
    expect(again.get('text')).to.equal('written');
    scope.remove();
  });

  it('forgets it when another identity comes: its namespaces load that identity’s state from the server', async () => {
    const kept = stateOf(Kept);
    const read = answered('GET /page-state/Kept');
    setIdentity('someone else');
    expect(kept.get('text')).to.equal('', 'not the bootstrap, which was the identity before');
    expect(await read).to.equal(204);
    expect(kept.get('text')).to.equal('');
    setIdentity(null);
  });
});
