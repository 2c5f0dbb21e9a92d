import {expect, oneEvent} from '@open-wc/testing';
import {defineState, stateOf, stateVar, type ErrorDetail, type StateStore} from '../../src/index.js';

type PageWindow = Window & {draft: StateStore; prefs: StateStore; notes: StateStore; server: {flush(): Promise<void>}};

/** Loads the persistence test page in a frame; `navigate` reuses a frame like a reload or a hand-edited URL. */
async function openPage(search = '', frame = document.createElement('iframe')) {
  const loaded = oneEvent(frame, 'load');
  if (frame.isConnected) frame.contentWindow!.location.href = `/test/pages/persist.html${search}`;
  else {
    frame.src = `/test/pages/persist.html${search}`;
    document.body.append(frame);
  }
  await loaded;
  return {frame, win: frame.contentWindow as PageWindow};
}
const nextTask = (win: Window = window) => new Promise((resolve) => win.setTimeout(resolve));
const errors = (target: EventTarget) => {
  const seen: ErrorDetail[] = [];
  target.addEventListener('page-state-error', (e) => seen.push((e as CustomEvent<ErrorDetail>).detail));
  return seen;
};

before(() => {
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('persistence in Chromium', () => {
  it('keeps a session var across reloads and puts a hand-deleted param back into the URL', async () => {
    const {frame, win} = await openPage('?d_q=printer');
    win.draft.set({text: 'half-written reply'});
    await nextTask(win);
    const reloaded = await openPage('', frame); // the param deleted by hand, then reloaded
    expect(reloaded.win.draft.dump()).to.deep.equal({q: 'printer', text: 'half-written reply'});
    await nextTask(reloaded.win);
    expect(reloaded.win.location.search).to.equal('?d_q=printer');
  });

  it('starts a new tab clean', async () => {
    sessionStorage.setItem('page-state:Draft', JSON.stringify({version: 1, values: {q: 'mine', text: 'mine'}}));
    const channel = new BroadcastChannel('persist-page');
    const report = oneEvent(channel as unknown as EventTarget, 'message');
    const tab = window.open('/test/pages/persist.html', '_blank', 'noopener');
    expect(tab).to.equal(null); // noopener: a tab of its own, whose sessionStorage starts empty
    const {data} = (await report) as unknown as MessageEvent<{draft: object}>;
    channel.close();
    expect(data.draft).to.deep.equal({q: '', text: ''});
  });

  it('syncs local settings between two tabs live', async () => {
    const a = await openPage();
    const b = await openPage();
    const heard = oneEvent(b.win.document, 'page-state-change');
    a.win.prefs.set({theme: 'dark'});
    const {detail} = await heard;
    expect(detail).to.include({namespace: 'Prefs', key: 'theme', value: 'dark', source: 'storage'});
    expect(b.win.prefs.get('theme')).to.equal('dark');
  });

  it('falls back from unreadable JSON and from a wrongly typed var, each with an error', async () => {
    const seen = errors(document);
    localStorage.setItem('page-state:Unreadable', '{oops');
    const Unreadable = defineState('Unreadable', {persist: 'local', vars: {n: stateVar.int(1, {urlKey: false})}});
    const unreadable = stateOf(Unreadable);
    expect(unreadable.state.n).to.equal(1);
    await nextTask(); // a store's start reports after its task
    expect(seen.map((e) => [e.namespace, e.key])).to.deep.equal([['Unreadable', null]]);
    unreadable.state.n = 2;
    await nextTask();
    expect(JSON.parse(localStorage.getItem('page-state:Unreadable')!)).to.deep.equal({version: 1, values: {n: 2}});

    localStorage.setItem('page-state:Typed', JSON.stringify({version: 1, values: {n: 'seven', s: 'kept'}}));
    const Typed = defineState('Typed', {
      persist: 'local',
      vars: {n: stateVar.int(1, {urlKey: false}), s: stateVar.string('', {urlKey: false})},
    });
    expect(stateOf(Typed).dump()).to.deep.equal({n: 1, s: 'kept'});
    await nextTask();
    expect(seen.at(-1)).to.deep.include({namespace: 'Typed', key: 'n', raw: 'seven'});
  });

  it('keeps working in memory when every localStorage.setItem throws', async () => {
    const seen = errors(document);
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
    try {
      const Full = defineState('Full', {persist: 'local', vars: {n: stateVar.int(0, {urlKey: false})}});
      const full = stateOf(Full);
      for (let i = 1; i <= 3; i++) {
        full.state.n = i;
        await nextTask();
      }
      expect(full.state.n).to.equal(3);
      expect(seen.length).to.equal(1);
      expect(seen[0]!.reason).to.match(/QuotaExceededError.*memory only/);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('deletes stored data on clear() instead of writing the defaults back', async () => {
    const Cleared = defineState('Cleared', {persist: 'local', vars: {n: stateVar.int(0, {urlKey: false})}});
    const cleared = stateOf(Cleared);
    cleared.state.n = 5;
    await nextTask();
    expect(localStorage.getItem('page-state:Cleared')).to.not.equal(null);
    await cleared.clear();
    await nextTask();
    expect(localStorage.getItem('page-state:Cleared')).to.equal(null);
    expect(cleared.state.n).to.equal(0);
  });

  it('migrates version 1 data', () => {
    localStorage.setItem('page-state:Migrated', JSON.stringify({version: 1, values: {name: 'Ada Lovelace'}}));
    const Migrated = defineState('Migrated', {
      persist: 'local',
      version: 2,
      migrate: (old, from) =>
        from === 1 ? {first: String(old.name).split(' ')[0], last: String(old.name).split(' ')[1]} : old,
      vars: {first: stateVar.string('', {urlKey: false}), last: stateVar.string('', {urlKey: false})},
    });
    expect(stateOf(Migrated).dump()).to.deep.equal({first: 'Ada', last: 'Lovelace'});
  });

  it('keeps server-persisted state across a reload, resolving ready, with URL values winning', async () => {
    const {frame, win} = await openPage();
    win.notes.set({note: 'call the vendor', title: 'stored title'});
    await nextTask(win);
    await win.server.flush();
    const reloaded = await openPage('?n_title=from+the+link', frame);
    const notes = reloaded.win.notes;
    expect(notes.hydrated).to.equal(false);
    expect(notes.dump()).to.deep.equal({title: 'from the link', note: ''}); // the placeholder
    await notes.ready;
    expect(notes.hydrated).to.equal(true);
    expect(notes.dump()).to.deep.equal({title: 'from the link', note: 'call the vendor'});

    await notes.clear();
    const cleared = await openPage('', frame);
    await cleared.win.notes.ready;
    expect(cleared.win.notes.dump()).to.deep.equal({title: '', note: ''});
  });
});
