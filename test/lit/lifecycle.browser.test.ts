// A store's life, in order (issue 21): registered before anything leaves it, layers connected
// before onInit, clear() after the writes already on their way, and back/forward showing what
// each entry showed, persisted namespaces included. Real Chromium, real history, the CDN file.
import {expect, oneEvent} from '@open-wc/testing';
import {defineState, stateOf, stateVar, type StateChange, type StateStore} from '../../src/index.js';

type Boots = StateStore<{boots: ReturnType<typeof stateVar.int>}>;
type LifecycleWindow = Window & {
  session: Boots;
  local: Boots;
  remote: Boots;
  secret: StateStore<{note: ReturnType<typeof stateVar.string>}>;
  server: {flush(): Promise<void>};
};

/** Loads test/pages/lifecycle.html in `frame` (a reload when it is loaded already); its module
 * script has run by the frame's load event. */
async function openPage(frame = document.createElement('iframe')) {
  const loaded = oneEvent(frame, 'load');
  if (frame.isConnected) frame.contentWindow!.location.reload();
  else {
    frame.src = '/test/pages/lifecycle.html';
    document.body.append(frame);
  }
  await loaded;
  return {frame, win: frame.contentWindow as LifecycleWindow};
}
const nextTask = (win: Window = window) => new Promise((resolve) => win.setTimeout(resolve));
const post = (path: string) => fetch(path, {method: 'POST'});

let unique = 0;
const fresh = (extra: object = {}) => {
  const name = `Life${++unique}`;
  return defineState(name, {urlPrefix: `${name.toLowerCase()}_`, vars: {n: stateVar.int(0)}, ...extra});
};

before(() => {
  sessionStorage.clear();
  localStorage.clear();
});
beforeEach(() => history.replaceState(null, '', location.pathname));
afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe("a store's life", () => {
  it('persists a write made in onInit, in session, local and server storage', async () => {
    const first = await openPage();
    await Promise.all([first.win.remote.ready, nextTask(first.win)]);
    await first.win.server.flush();
    expect([first.win.session, first.win.local, first.win.remote].map((s) => s.get('boots'))).to.deep.equal([1, 1, 1]);
    const second = await openPage(first.frame);
    await Promise.all([second.win.remote.ready, nextTask(second.win)]);
    await second.win.server.flush();
    expect([second.win.session, second.win.local, second.win.remote].map((s) => s.get('boots'))).to.deep.equal([
      2, 2, 2,
    ]);
  });

  it('deletes on clear() after a PUT the network still holds: the reload shows nothing', async () => {
    const {frame, win} = await openPage();
    await win.secret.ready;
    await post('/held/hold');
    win.secret.set('note', 'secret draft');
    await fetch('/held/wait'); // the PUT reached the server, which holds it
    const cleared = win.secret.clear();
    await post('/held/release');
    await cleared;
    expect(win.secret.get('note')).to.equal('');
    const reloaded = await openPage(frame);
    await reloaded.win.secret.ready;
    expect(reloaded.win.secret.get('note')).to.equal('');
  });

  it('is registered before its first event leaves it: a listener calling stateOf gets the same store', async () => {
    const Deep = fresh();
    history.replaceState(null, '', `?${Deep.urlPrefix}n=5`);
    const seen: {source: string; same: StateStore<any>}[] = [];
    const listener = (e: CustomEvent<StateChange>) =>
      e.detail.namespace === Deep.name && seen.push({source: e.detail.source, same: stateOf(Deep)});
    document.addEventListener('page-state-change', listener);
    const store = stateOf(Deep);
    await nextTask();
    document.removeEventListener('page-state-change', listener);
    expect(seen.map((s) => s.source)).to.deep.equal(['init']);
    expect(seen[0]!.same).to.equal(store);
    expect(store.get('n')).to.equal(5);
  });

  it('is registered before a rejected param is reported: an error listener calling stateOf gets the same store', async () => {
    const Bad = fresh();
    history.replaceState(null, '', `?${Bad.urlPrefix}n=abc`);
    const reported = oneEvent(document, 'page-state-error');
    let same: StateStore<any> | undefined;
    const listener = () => (same ??= stateOf(Bad));
    document.addEventListener('page-state-error', listener);
    const store = stateOf(Bad);
    await reported;
    document.removeEventListener('page-state-error', listener);
    expect(same).to.equal(store);
  });

  it("delivers the start's changes after the task that created the store, in order, before any later write", async () => {
    const seen: string[] = [];
    const Ordered = fresh({
      onInit: (s: StateStore<any>) => s.set('n', (s.get('n') as number) + 1),
      onChange: (c: StateChange) => seen.push(`${c.source} ${c.previous}→${c.value}`),
    });
    history.replaceState(null, '', `?${Ordered.urlPrefix}n=5`);
    const events: string[] = [];
    const listener = (e: CustomEvent<StateChange>) =>
      e.detail.namespace === Ordered.name && events.push(`${e.detail.source} ${e.detail.previous}→${e.detail.value}`);
    document.addEventListener('page-state-change', listener);
    const store = stateOf(Ordered);
    expect(seen).to.deep.equal([]); // nothing ran inside the creating call
    expect(store.get('n')).to.equal(6);
    store.set('n', 7); // a write in the same task: the start's changes come first
    expect(seen).to.deep.equal(['init 0→5', 'set 5→6', 'set 6→7']);
    await nextTask();
    document.removeEventListener('page-state-change', listener);
    expect(seen.length).to.equal(3);
    // The DOM hears the task's changes of the key as one event, when they are flushed.
    expect(events).to.deep.equal(['set 0→7']);
  });

  it('shows on back/forward exactly what each entry showed, for a persisted namespace of push vars', async () => {
    const Steps = fresh({persist: 'session', vars: {n: stateVar.int(0, {history: 'push'})}});
    const steps = stateOf(Steps);
    const param = `${Steps.urlPrefix}n`;
    const go = async (delta: number) => {
      const arrived = new Promise((resolve) => addEventListener('popstate', resolve, {once: true}));
      history.go(delta);
      await arrived;
      await nextTask();
      return [steps.get('n'), new URLSearchParams(location.search).get(param)];
    };
    steps.set('n', 1);
    await nextTask();
    steps.set('n', 0); // the default: the entry has no param
    await nextTask();
    expect(location.search).to.equal('');
    expect(await go(-1)).to.deep.equal([1, '1']);
    expect(await go(-1)).to.deep.equal([0, null]); // the entry page-state left: n was 0 there
    expect(await go(+1)).to.deep.equal([1, '1']);
    expect(await go(+1)).to.deep.equal([0, null]); // page-state wrote it without the param: the default
  });
});
