import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {defineState, type StateDefinition, type VarMap} from '../../src/core/schema/define.js';
import {PageStateError} from '../../src/core/errors/errors.js';
import type {ErrorDetail} from '../../src/core/types.js';
import {stateVar} from '../../src/core/schema/state-var.js';
import {StateStore} from '../../src/core/store/store.js';
import {urlLayer} from '../../src/url/url-layer.js';
import type {UrlMode} from '../../src/url/history-port.js';
import {UrlService} from '../../src/url/url-service.js';
import {FakeHistory, flushed} from './fake-history.js';

function page(url = 'https://app.test/page') {
  const port = new FakeHistory(url);
  const service = new UrlService(port);
  const errors: ErrorDetail[] = [];
  const warnings: ErrorDetail[] = [];
  const host = {change() {}, error: (d: ErrorDetail) => errors.push(d), warn: (d: ErrorDetail) => warnings.push(d)};
  const open = <V extends VarMap>(def: StateDefinition<V>, mode: UrlMode = 'query'): StateStore<V> =>
    new StateStore(def, {host, layers: [urlLayer(def, service, mode)]});
  return {port, service, errors, warnings, open};
}

const App = defineState('App', {
  urlPrefix: 'app_',
  vars: {
    tid: stateVar.string('', {urlKey: 't'}),
    pri: stateVar.int(1, {valueMap: {1: 'low', 2: 'mid', 3: 'high'}}),
    done: stateVar.boolean(false),
    due: stateVar.date(null),
    tags: stateVar.list(stateVar.string(), []),
    step: stateVar.int(0, {history: 'push'}),
    draft: stateVar.string('', {urlKey: false}),
  },
});
const Nav = defineState('Nav', {vars: {section: stateVar.string('home', {urlKey: 'nav'})}});
const Work = defineState('Work', {urlPrefix: 'w_', urlSelfish: true, shareUrlWith: [Nav], vars: {id: stateVar.int(0)}});
const Side = defineState('Side', {urlPrefix: 's_', urlSelfish: true, vars: {open: stateVar.boolean(false)}});
const Other = defineState('Other', {urlPrefix: 'o_', vars: {x: stateVar.int(0)}});

describe('URL service', () => {
  it('reads valid params as initial values and leaves defaults out of the URL', async () => {
    const {port, open} = page(
      'https://app.test/page?app_t=T-1&app_pri=high&app_tags=a,b%5C,c&app_due=2026-11-22&keep=me',
    );
    const app = open(App);
    assert.deepEqual(app.dump(), {
      tid: 'T-1',
      pri: 3,
      done: false,
      due: '2026-11-22',
      tags: ['a', 'b,c'],
      step: 0,
      draft: '',
    });
    app.set({pri: 1, done: true});
    await flushed();
    assert.equal(port.search, '?app_t=T-1&app_tags=a,b%5C,c&app_due=2026-11-22&keep=me&app_done=true');
  });

  it('falls back on invalid params, reports each, and corrects the URL with one replaceState', async () => {
    const {port, errors, open} = page('https://app.test/?app_pri=abc&app_due=2026-02-30&app_done=true&x=1');
    const app = open(App);
    assert.deepEqual([app.state.pri, app.state.due, app.state.done], [1, null, true]);
    await flushed();
    assert.deepEqual(
      errors.map((e) => [e.namespace, e.key, e.raw]),
      [
        ['App', 'pri', 'abc'],
        ['App', 'due', '2026-02-30'],
      ],
    );
    assert.deepEqual(port.writes, [{href: 'https://app.test/?app_done=true&x=1', push: false, at: 0}]);
  });

  it('turns 500 sets in one task into one history write', async () => {
    const {port, open} = page();
    const app = open(App);
    for (let i = 0; i < 500; i++) app.state.tid = `t${i}`;
    await flushed();
    assert.equal(port.writes.length, 1);
    assert.equal(port.search, '?app_t=t499');
  });

  it('pushes when a var of the batch asks for push, replaces otherwise', async () => {
    const {port, open} = page();
    const app = open(App);
    app.state.tid = 'a';
    await flushed();
    app.set({tid: 'b', step: 1});
    await flushed();
    assert.deepEqual(
      port.writes.map((w) => w.push),
      [false, true],
    );
  });

  it('stays within 100 writes per 10 s under sustained writes and delivers the last value', async () => {
    const {port, open} = page();
    const app = open(App);
    for (let i = 1; i <= 300; i++) {
      app.state.tid = `v${i}`;
      await flushed();
      port.advance(10);
    }
    port.advance(1000);
    await flushed();
    assert.ok(port.busiest(10_000) <= 100, `${port.busiest(10_000)} writes in 10 s`);
    assert.ok(port.writes.length < 300, 'writes were coalesced');
    assert.equal(port.search, '?app_t=v300');
  });

  it('catches history exceptions, retries later, and delivers the newest state', async () => {
    const {port, open} = page();
    const app = open(App);
    port.failures = 2;
    app.state.tid = 'first';
    await flushed();
    app.state.tid = 'newest';
    await flushed();
    assert.equal(port.writes.length, 0);
    port.advance(5000);
    await flushed();
    assert.equal(port.search, '?app_t=newest');
  });

  it('re-reads every namespace on back/forward, notifying with source url', async () => {
    const {port, open} = page();
    const app = open(App);
    const seen: string[] = [];
    app.subscribe(({key, value, source}) => seen.push(`${key}=${value} ${source}`));
    for (const step of [1, 2, 3]) {
      app.state.step = step;
      await flushed();
    }
    port.go(-1);
    port.go(-1);
    assert.equal(app.state.step, 1);
    port.go(+2);
    assert.equal(app.state.step, 3);
    assert.deepEqual(seen.slice(3), ['step=2 url', 'step=1 url', 'step=3 url']);
    // One push per change; before the first, the entry left is marked (its URL unchanged).
    assert.deepEqual(
      port.writes.map((w) => [w.push, new URL(w.href).search]),
      [
        [false, ''],
        [true, '?app_step=1'],
        [true, '?app_step=2'],
        [true, '?app_step=3'],
      ],
    );
  });

  it('purges foreign params when a selfish namespace starts, keeping shared and kept ones', async () => {
    const {port, service, open} = page('https://app.test/?nav=inbox&o_x=5&utm_source=mail&junk=1&w_id=7');
    service.keep(['utm_*']);
    const work = open(Work); // first: the purge waits for the flush, so the others still read their params
    const nav = open(Nav);
    const other = open(Other);
    await flushed();
    assert.equal(port.search, '?nav=inbox&utm_source=mail&w_id=7');
    assert.deepEqual([nav.state.section, other.state.x, work.state.id], ['inbox', 5, 7]);
    nav.state.section = 'archive';
    await flushed();
    assert.equal(port.search, '?nav=archive&utm_source=mail&w_id=7');
    other.state.x = 6; // a purged namespace comes back when written
    await flushed();
    assert.equal(port.search, '?nav=archive&utm_source=mail&w_id=7&o_x=6');
  });

  it('lets two selfish namespaces alternate without ping-pong', async () => {
    const {port, open} = page();
    const work = open(Work);
    const side = open(Side);
    work.state.id = 1;
    await flushed();
    side.state.open = true;
    await flushed();
    assert.equal(port.search, '?s_open=true');
    const writes = port.writes.length;
    void work.state.id; // touching a purged namespace does not bring it back
    await flushed();
    port.advance(60_000);
    await flushed();
    assert.equal(port.writes.length, writes);
    work.state.id = 2;
    await flushed();
    assert.equal(port.search, '?w_id=2');
    assert.deepEqual([work.state.id, side.state.open], [2, true]);
  });

  it('focus() claims the URL for any namespace and writes its params', async () => {
    const {port, open} = page('https://app.test/?nav=inbox&w_id=3&zzz=1');
    const nav = open(Nav);
    const other = open(Other);
    other.state.x = 4;
    await flushed();
    other.focus();
    await flushed();
    assert.equal(port.search, '?o_x=4');
    nav.focus();
    await flushed();
    assert.equal(port.search, '?nav=inbox');
  });

  it('restores params that vanished for another reason when the namespace is touched', async () => {
    const {port, open} = page();
    const app = open(App);
    app.set({tid: 'T-9', done: true});
    await flushed();
    port.foreignReplace('https://app.test/other-route?router=1');
    void app.state.tid;
    await flushed();
    assert.equal(port.search, '?router=1&app_t=T-9&app_done=true');
  });

  it('looks at the URL once per task however many vars are read', async () => {
    const vars: Record<string, ReturnType<typeof stateVar.int>> = {};
    for (let i = 0; i < 200; i++) vars[`v${i}`] = stateVar.int(0);
    const {port, open} = page();
    const wide = open(defineState('Wide', {vars}));
    await flushed();
    const before = port.reads;
    for (let round = 0; round < 10; round++) for (const key of wide.definition.keys) void wide.get(key);
    assert.equal(port.reads - before, 1);
  });

  it('keeps params in the hash in hash mode, leaving anchors alone', async () => {
    const {port, open} = page('https://app.test/?q=1#top&app_t=X');
    const app = open(App, 'hash');
    assert.equal(app.state.tid, 'X');
    app.state.done = true;
    await flushed();
    assert.equal(new URL(port.url).hash, '#top&app_t=X&app_done=true');
    assert.equal(port.search, '?q=1');
  });

  it('refuses a second, different definition bound to the same params', () => {
    const {open} = page();
    open(Other);
    open(defineState('Other', {urlPrefix: 'o_', vars: {x: stateVar.int(0)}})); // same fingerprint: shares
    assert.throws(() => open(defineState('Other', {urlPrefix: 'o_', vars: {x: stateVar.string()}})), PageStateError);
    assert.throws(
      () => open(defineState('Clash', {urlPrefix: 'o_', vars: {x: stateVar.int(0)}})),
      /URL param "o_x" is claimed by "Other"/,
    );
  });

  it('keeps refusing a different definition while a sharer of the params stays attached', () => {
    const {open, service} = page();
    let mirroring: (on: boolean) => void = () => {};
    new StateStore(Other, {layers: [urlLayer(Other, service, 'query')], register: (_, m) => (mirroring = m)});
    open(defineState('Other', {urlPrefix: 'o_', vars: {x: stateVar.int(0)}})); // same definition, second scope
    mirroring(false); // the first scope left the page
    assert.throws(
      () => open(defineState('Clash', {urlPrefix: 'o_', vars: {x: stateVar.int(0)}})),
      /URL param "o_x" is claimed by "Other"/,
    );
  });

  it('builds deep links with values overlaid, validating them', () => {
    const {open} = page('https://app.test/list?keep=1');
    const app = open(App);
    app.state.tid = 'T-1';
    assert.equal(
      app.href({pri: 3, tags: ['x,y', 'z']}),
      'https://app.test/list?keep=1&app_t=T-1&app_pri=high&app_tags=x%5C,y,z',
    );
    assert.throws(() => app.href({pri: 'x' as never}), /expected an integer/);
  });

  it('warns once when the URL passes 2,000 characters', async () => {
    const {warnings, open} = page();
    const app = open(App);
    app.state.tid = 'x'.repeat(2100);
    await flushed();
    app.state.tid = 'y'.repeat(2100);
    await flushed();
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.reason, /over 2000/);
  });
});
