// `persist: 'server'` loads the server client, and the identity client it brings, the first time
// a namespace asks for it (a chunk of its own for bundlers; here the modules tsc wrote). Nothing
// is lost meanwhile: the write made in the task that made the store reaches the server, a clear()
// after a write deletes, and a namespace made before the page had an identity follows the one
// made then. (The first test runs first: it is the one that sees the page before the client.)
import {expect} from '@open-wc/testing';
import {defineState, setIdentity, stateOf, stateVar} from '../../src/index.js';
import {RUNTIME_KEY_OF_PROTOCOL, type SharedRuntime} from '../../src/runtime/protocol.js';

const runtime = () => (globalThis as unknown as Record<symbol, SharedRuntime>)[RUNTIME_KEY_OF_PROTOCOL]!;
const text = () => ({text: stateVar.string('', {urlKey: false})});
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

// Every request the server client sends, as the page's fetch (which it takes when it loads).
const pageFetch = window.fetch.bind(window);
const waiting: {request: string; resolve(status: number): void}[] = [];
window.fetch = async (input, init) => {
  const response = await pageFetch(input, init);
  const request = `${init?.method ?? 'GET'} ${String(input)}`;
  waiting.filter((w) => w.request === request).forEach((w) => w.resolve(response.status));
  return response;
};
/** The status of the next `request` (`PUT /page-state/X`) the page sends. */
const answered = (request: string) => new Promise<number>((resolve) => waiting.push({request, resolve}));
/** What the server holds for `namespace`, read as the page's session. */
const onServer = async (namespace: string) => {
  const response = await pageFetch(`/page-state/${namespace}`);
  return response.status === 200 ? ((await response.json()) as {values: unknown}).values : undefined;
};

afterEach(() => setIdentity(null));

describe('the server client, loaded when first needed', () => {
  it('is not loaded before a namespace persists to the server; then the write of that task lands, and earlier namespaces follow the identity', async () => {
    stateOf(defineState('LazyUrl', {vars: {q: stateVar.string()}}));
    const draft = stateOf(defineState('LazyDraft', {persist: 'session', vars: text()}));
    draft.set('text', 'anonymous draft');
    expect(runtime().identity).to.equal(undefined, 'no identity client without server storage');

    const scope = document.createElement('page-state');
    const Notes = defineState('LazyNotes', {persist: 'server', vars: text()});
    scope.definitions = [Notes];
    document.body.append(scope);
    const put = answered('PUT /page-state/LazyNotes');
    const notes = stateOf(Notes, scope);
    notes.set('text', 'written at once');
    expect(runtime().identity).to.equal(undefined, 'the client loads after this task');
    await notes.ready;
    expect(runtime().identity?.tag).to.equal(null, 'made by the server client: anonymous');
    expect(notes.get('text')).to.equal('written at once', 'the answer of the read did not overwrite it');
    expect(await put).to.equal(204);
    expect(await onServer('LazyNotes')).to.deep.equal({text: 'written at once'});

    scope.remove();
    await nextTask(); // a <page-state> suspends its stores once it stayed out for a task
    setIdentity('lazy-ada');
    expect(draft.get('text')).to.equal('', 'made before the identity, it follows it');
    expect(JSON.parse(sessionStorage.getItem('page-state:LazyDraft')!).values).to.deep.equal({
      text: 'anonymous draft',
    });
    setIdentity(null);
    expect(draft.get('text')).to.equal('anonymous draft');
  });

  it('shares one client per endpoint, and a clear() after a write leaves nothing on the server', async () => {
    expect(runtime().storage('server', '/page-state')).to.equal(runtime().storage('server', '/page-state'));
    const Cleared = defineState('LazyCleared', {persist: 'server', vars: text()});
    const cleared = stateOf(Cleared);
    cleared.set('text', 'gone soon');
    await null; // its save is on its way to the client (the end of the task's microtasks)
    const deleted = answered('DELETE /page-state/LazyCleared');
    await cleared.clear();
    expect(await deleted).to.equal(204);
    expect(await onServer('LazyCleared')).to.equal(undefined);
    expect(cleared.get('text')).to.equal('');
  });
});
