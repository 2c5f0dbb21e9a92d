import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {urlBecomes} from '../url-becomes.js';
import {object, number} from 'superstruct';
import '../../elements/page-state.js';
import {
  defineState,
  PageStateError,
  stateOf,
  stateVar,
  type PageStateElement,
  type StateStore,
} from '../../src/index.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve));
const search = () => decodeURIComponent(location.search);

/** Records every history write of the page. */
function spyHistory() {
  const writes: {kind: string; url: string}[] = [];
  const originals = {pushState: history.pushState, replaceState: history.replaceState};
  for (const kind of ['pushState', 'replaceState'] as const) {
    history[kind] = function (this: History, ...args: Parameters<History['pushState']>) {
      writes.push({kind, url: String(args[2])});
      return originals[kind].apply(this, args);
    };
  }
  return {writes, restore: () => Object.assign(history, originals)};
}

let unique = 0;
/** A namespace of its own for each test: stores outlive tests within one page. */
const fresh = <V extends Parameters<typeof defineState>[1]['vars']>(
  vars: V,
  extra: Partial<Parameters<typeof defineState<V>>[1]> = {},
) => {
  const name = `N${++unique}`;
  return defineState(name, {urlPrefix: `${name.toLowerCase()}_`, vars, ...extra});
};

beforeEach(() => history.replaceState(null, '', location.pathname));

describe('URL sync in Chromium', () => {
  it('reads a deep link of every type', () => {
    const Deep = fresh({
      s: stateVar.string(),
      i: stateVar.int(0),
      f: stateVar.float(0),
      b: stateVar.boolean(false),
      d: stateVar.date(null),
      t: stateVar.datetime(null),
      e: stateVar.enum(['a', 'b'] as const),
      l: stateVar.list(stateVar.string()),
      j: stateVar.json(object({min: number()}), {min: 0}),
      p: stateVar.int(1, {valueMap: {1: 'low', 3: 'high'}}),
    });
    const p = Deep.urlPrefix;
    history.replaceState(
      null,
      '',
      `?${p}s=hello+world&${p}i=-4&${p}f=2.5&${p}b=true&${p}d=2026-11-22&${p}t=2026-11-22T10:30:00.000Z&${p}e=b&${p}l=x%5C,y,z&${p}j={"min":3}&${p}p=high`,
    );
    expect(stateOf(Deep).dump()).to.deep.equal({
      s: 'hello world',
      i: -4,
      f: 2.5,
      b: true,
      d: '2026-11-22',
      t: '2026-11-22T10:30:00.000Z',
      e: 'b',
      l: ['x,y', 'z'],
      j: {min: 3},
      p: 3,
    });
  });

  it('writes readable params and leaves default values out of the URL', async () => {
    const Readable = fresh({q: stateVar.string(), tags: stateVar.list(stateVar.string()), at: stateVar.string('x')});
    const store = stateOf(Readable);
    store.set({q: 'a b&c', tags: ['x,y', 'mail@host', 'a/b:c'], at: 'x'});
    await nextTask();
    expect(location.search).to.equal(
      `?${Readable.urlPrefix}q=a+b%26c&${Readable.urlPrefix}tags=x%5C,y,mail@host,a/b:c`,
    );
    store.reset();
    await nextTask();
    expect(location.search).to.equal('');
  });

  it('keeps state across a real reload', async () => {
    const frame = document.createElement('iframe');
    frame.src = '/test/pages/reload.html?r_n=5';
    const ready = () =>
      new Promise((resolve) => frame.contentWindow!.addEventListener('page-ready', resolve, {once: true}));
    document.body.append(frame);
    await oneEvent(frame, 'load');
    const win = frame.contentWindow as Window & {reloaded: StateStore};
    expect(win.reloaded.get('n')).to.equal(5);
    win.reloaded.set({n: 9, tags: ['a,b', 'c'], due: new Date('2026-11-22')});
    await new Promise((resolve) => win.setTimeout(resolve));
    const loaded = oneEvent(frame, 'load');
    win.location.reload();
    await loaded;
    const after = frame.contentWindow as Window & {reloaded?: StateStore};
    if (!after.reloaded) await ready();
    expect(after.reloaded!.dump()).to.deep.equal({n: 9, tags: ['a,b', 'c'], due: '2026-11-22'});
    frame.remove();
  });

  it('turns 500 sets in one task into one history write', async () => {
    const Burst = fresh({n: stateVar.int(0)});
    const store = stateOf(Burst);
    const spy = spyHistory();
    try {
      for (let i = 1; i <= 500; i++) store.state.n = i;
      await nextTask();
      expect(spy.writes.length).to.equal(1);
      expect(location.search).to.equal(`?${Burst.urlPrefix}n=500`);
    } finally {
      spy.restore();
    }
  });

  it('purges for a selfish namespace but keeps shared and kept params', async () => {
    const Shell = fresh({section: stateVar.string('home')});
    const Module = fresh({id: stateVar.int(0)}, {urlSelfish: true, shareUrlWith: [Shell]});
    history.replaceState(null, '', `?${Shell.urlPrefix}section=inbox&utm_source=mail&junk=1&${Module.urlPrefix}id=4`);
    await fixture(html`<page-state keep-params="utm_*,ref"></page-state>`);
    const shell = stateOf(Shell);
    const module = stateOf(Module);
    await nextTask();
    expect(search()).to.equal(`?${Shell.urlPrefix}section=inbox&utm_source=mail&${Module.urlPrefix}id=4`);
    expect([shell.state.section, module.state.id]).to.deep.equal(['inbox', 4]);
  });

  it('lets two selfish namespaces alternate without ping-pong, and focus() claims the URL', async () => {
    const Left = fresh({n: stateVar.int(0)}, {urlSelfish: true});
    const Right = fresh({n: stateVar.int(0)}, {urlSelfish: true});
    const Plain = fresh({n: stateVar.int(0)});
    const [left, right, plain] = [stateOf(Left), stateOf(Right), stateOf(Plain)];
    left.state.n = 1;
    await nextTask();
    right.state.n = 2;
    await urlBecomes(`?${Right.urlPrefix}n=2`);
    const spy = spyHistory();
    void left.state.n;
    await nextTask();
    expect(spy.writes.length).to.equal(0);
    spy.restore();
    left.state.n = 3;
    await urlBecomes(`?${Left.urlPrefix}n=3`);
    plain.state.n = 5;
    await nextTask();
    plain.focus();
    await urlBecomes(`?${Plain.urlPrefix}n=5`);
    expect([left.state.n, right.state.n]).to.deep.equal([3, 2]);
  });

  it('restores params that another router replaced away, when the namespace is touched', async () => {
    const Touched = fresh({q: stateVar.string()});
    const store = stateOf(Touched);
    store.state.q = 'kept';
    await nextTask();
    history.replaceState(null, '', '?router=page-2');
    expect(store.state.q).to.equal('kept');
    await urlBecomes(`?router=page-2&${Touched.urlPrefix}q=kept`);
  });

  it('goes back and forward across three pushed states', async () => {
    const Steps = fresh({step: stateVar.int(0, {history: 'push'})});
    const store = stateOf(Steps);
    const seen: string[] = [];
    store.subscribe(({value, source}) => seen.push(`${value}:${source}`));
    for (const step of [1, 2, 3]) {
      store.state.step = step;
      await urlBecomes(`?${Steps.urlPrefix}step=${step}`);
    }
    let popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    expect(store.state.step).to.equal(1);
    popped = oneEvent(window, 'popstate');
    history.forward();
    await popped;
    expect(store.state.step).to.equal(2);
    expect(seen).to.deep.equal(['1:set', '2:set', '3:set', '2:url', '1:url', '2:url']);
  });

  it('keeps params in the hash under <page-state url-mode="hash">', async () => {
    const Hashed = fresh({tab: stateVar.string('a')});
    const scope = await fixture<PageStateElement>(
      html`<page-state url-mode="hash" .definitions=${[Hashed]}></page-state>`,
    );
    stateOf(Hashed, scope).state.tab = 'b';
    await urlBecomes(`#${Hashed.urlPrefix}tab=b`, 'in the hash', () => location.hash);
    expect(location.search).to.equal('');
  });

  it('stops mirroring the namespaces of a removed <page-state>, and writes them back when it returns', async () => {
    const Mounted = fresh({tab: stateVar.string('a')});
    const p = Mounted.urlPrefix;
    const scope = document.body.appendChild(document.createElement('div'));
    const element = scope.appendChild(document.createElement('page-state'));
    element.definitions = [Mounted];
    const store = stateOf(Mounted, element);
    store.state.tab = 'b';
    await urlBecomes(`?${p}tab=b`);

    element.remove();
    scope.append(element); // a move within one task is not a departure
    await nextTask();
    history.replaceState(null, '', '?other=1');
    void store.state.tab;
    await urlBecomes(`?other=1&${p}tab=b`, 'still mirrored after a move');

    element.remove();
    await nextTask();
    history.replaceState(null, '', '?other=2');
    void store.state.tab; // no restore-on-touch while away
    store.state.tab = 'c'; // state lives on, out of the URL
    await nextTask();
    expect(location.search).to.equal('?other=2');

    scope.append(element);
    await urlBecomes(`?other=2&${p}tab=c`);
    expect(stateOf(Mounted, element)).to.equal(store);
  });

  it('refuses a URL-bound namespace defined twice with different definitions', () => {
    const Twice = fresh({n: stateVar.int(0)});
    stateOf(Twice);
    const impostor = defineState(Twice.name, {urlPrefix: 'elsewhere_', vars: {n: stateVar.int(0)}});
    expect(() => stateOf(impostor)).to.throw(PageStateError, /two different definitions/);
    const clash = defineState('Clash', {urlPrefix: Twice.urlPrefix, vars: {n: stateVar.int(0)}});
    expect(() => stateOf(clash)).to.throw(PageStateError, /is claimed by/);
    // Every time, with no half-made store left behind to fail later with a TypeError.
    expect(() => stateOf(clash)).to.throw(PageStateError, /is claimed by/);
  });
});
