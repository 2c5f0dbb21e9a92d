// Persisted state follows the identity: browser storage is partitioned by it, a switch
// re-hydrates every persisted namespace (the URL still wins), signing out deletes the
// signed-out identity's keys unless kept, and a server's `page-state-identity` answer switches
// the page too (the WTR server's /id/page-state identifies by the test app's `test_user` cookie).
import {expect, oneEvent} from '@open-wc/testing';
import {defineState, serverStorage, setIdentity, stateOf, stateVar, type IdentityDetail} from '../../src/index.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve));
const stored = (area: Storage, key: string) => JSON.parse(area.getItem(key) ?? 'null')?.values;
const identities = () => {
  const seen: IdentityDetail[] = [];
  document.addEventListener('page-state-identity', (e) => seen.push(e.detail));
  return seen;
};
const seen = identities();
const signedInAs = (user: string | null) =>
  (document.cookie = user ? `test_user=${user}; path=/` : 'test_user=; path=/; max-age=0');

afterEach(() => {
  setIdentity(null);
  signedInAs(null);
  seen.length = 0;
});

describe('identity in Chromium', () => {
  it("keeps each identity's local and session drafts under its own keys, and deletes them on sign-out", async () => {
    const Local = defineState('IdLocal', {persist: 'local', vars: {text: stateVar.string('', {urlKey: false})}});
    const Session = defineState('IdSession', {persist: 'session', vars: {text: stateVar.string('', {urlKey: false})}});
    const local = stateOf(Local);
    const session = stateOf(Session);
    local.set('text', 'anonymous local');
    session.set('text', 'anonymous session');
    setIdentity('ada');
    expect(seen).to.deep.equal([{identity: 'ada', previous: null}]);
    expect([local.get('text'), session.get('text')]).to.deep.equal(['', ''], "Ada sees nobody else's drafts");
    local.set('text', 'ada local');
    session.set('text', 'ada session');
    await nextTask();
    expect(stored(localStorage, 'page-state:ada:IdLocal')).to.deep.equal({text: 'ada local'});
    expect(stored(sessionStorage, 'page-state:ada:IdSession')).to.deep.equal({text: 'ada session'});
    expect(stored(localStorage, 'page-state:IdLocal')).to.deep.equal({text: 'anonymous local'});
    setIdentity(null);
    expect([local.get('text'), session.get('text')]).to.deep.equal(['anonymous local', 'anonymous session']);
    expect([
      localStorage.getItem('page-state:ada:IdLocal'),
      sessionStorage.getItem('page-state:ada:IdSession'),
    ]).to.deep.equal([null, null], 'signed out: gone from this browser');
    setIdentity('grace');
    expect([local.get('text'), session.get('text')]).to.deep.equal(['', '']);
    expect(seen.map((detail) => detail.identity)).to.deep.equal(['ada', null, 'grace']);
  });

  it('keepOnSignOut keeps the signed-out partitions for the next sign-in; the URL still wins over a switch', async () => {
    const Draft = defineState('IdKept', {
      persist: 'local',
      vars: {text: stateVar.string('', {urlKey: false}), q: stateVar.string('', {urlKey: 'idq', persist: false})},
    });
    const draft = stateOf(Draft);
    setIdentity('ada');
    draft.set({text: 'ada draft', q: 'shoes'});
    await nextTask();
    setIdentity(null, {keepOnSignOut: true});
    expect(draft.get('text')).to.equal('');
    expect(draft.get('q')).to.equal('shoes', 'a var the URL holds keeps its value');
    expect(new URL(location.href).searchParams.get('idq')).to.equal('shoes');
    setIdentity('ada');
    expect(draft.get('text')).to.equal('ada draft');
    draft.set('q', '');
  });

  it('a store whose <page-state> left the page stops following the identity, and catches up when it comes back', async () => {
    const Draft = defineState('IdScoped', {persist: 'local', vars: {text: stateVar.string('', {urlKey: false})}});
    const scope = document.createElement('page-state');
    scope.definitions = [Draft];
    document.body.append(scope);
    const draft = stateOf(Draft, scope);
    draft.set('text', 'anonymous draft');
    await nextTask();
    scope.remove();
    await nextTask(); // a <page-state> suspends its stores once it stayed out for a task
    setIdentity('ada');
    expect(draft.get('text')).to.equal('anonymous draft', 'out of the page: not re-hydrated');
    document.body.append(scope);
    expect(draft.get('text')).to.equal('', "back: Ada's (empty) draft");
    scope.remove();
  });

  it("follows the server's page-state-identity: a sign-in seen in an answer re-hydrates the server namespace for the account", async () => {
    const server = serverStorage('/id/page-state', {debounceMs: 0});
    const Notes = defineState('IdNotes', {persist: server, vars: {text: stateVar.string('', {urlKey: false})}});
    const notes = stateOf(Notes);
    await notes.ready;
    notes.set('text', 'anonymous note');
    await server.flush();
    expect(seen).to.deep.equal([], 'an anonymous answer changes nothing');
    signedInAs('ada-server');
    const switched = oneEvent(document, 'page-state-identity');
    void server.get('IdOther'); // any answer tells the page who is signed in now
    const {detail} = (await switched) as CustomEvent<IdentityDetail>;
    expect(detail.identity).to.match(/^[\w-]{22}$/);
    await new Promise<void>((resolve) => notes.subscribe(() => resolve()));
    expect(notes.get('text')).to.equal(
      'anonymous note',
      "adopted: the account had no value (adoptAnonymous: 'missing')",
    );
    notes.set('text', "ada's note");
    await server.flush();
    signedInAs(null);
    const out = oneEvent(document, 'page-state-identity');
    void server.get('IdOther');
    expect(((await out) as CustomEvent<IdentityDetail>).detail.identity).to.equal(null);
    expect(notes.get('text')).to.equal('', "signed out: the account's note is not shown");
  });
});

describe('namespace lifetimes (ttlSeconds) in Chromium', () => {
  it('stores the expiry with the values, and drops a record read past it, from storage too', async () => {
    localStorage.setItem(
      'page-state:TtlOld',
      JSON.stringify({version: 1, values: {text: 'stale'}, expires: Date.now() - 1}),
    );
    localStorage.setItem(
      'page-state:TtlLive',
      JSON.stringify({version: 1, values: {text: 'fresh'}, expires: Date.now() + 60_000}),
    );
    const vars = {text: stateVar.string('', {urlKey: false})};
    const old = stateOf(defineState('TtlOld', {persist: 'local', ttlSeconds: 60, vars}));
    const live = stateOf(defineState('TtlLive', {persist: 'local', ttlSeconds: 60, vars}));
    expect([old.get('text'), live.get('text')]).to.deep.equal(['', 'fresh']);
    await nextTask();
    expect(localStorage.getItem('page-state:TtlOld')).to.equal(null);
    const before = Date.now();
    live.set('text', 'rewritten');
    await nextTask();
    const {expires} = JSON.parse(localStorage.getItem('page-state:TtlLive')!) as {expires: number};
    expect(expires).to.be.within(before + 60_000, Date.now() + 60_000);
  });
});
