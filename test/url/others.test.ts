// The URL shared with every other writer: routers, htmx and plain history calls (DESIGN:
// "Sharing the URL with every other writer"), against the fake history port.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {defineState, type StateDefinition, type VarMap} from '../../src/core/schema/define.js';
import type {StateChange} from '../../src/core/schema/define.js';
import type {ErrorDetail} from '../../src/core/types.js';
import {stateVar} from '../../src/core/schema/state-var.js';
import {StateStore} from '../../src/core/store/store.js';
import {persistLayer} from '../../src/persist/storage-layer.js';
import {memoryStorage} from '../../src/persist/web-storage.js';
import {urlLayer} from '../../src/url/url-layer.js';
import {UrlService} from '../../src/url/url-service.js';
import {FakeHistory, flushed} from './fake-history.js';

function page(url = 'https://app.test/') {
  const port = new FakeHistory(url);
  const service = new UrlService(port);
  const changes: Omit<StateChange, 'namespace'>[] = [];
  const errors: ErrorDetail[] = [];
  const host = {change: (d: StateChange) => changes.push(d), error: (d: ErrorDetail) => errors.push(d)};
  const storage = memoryStorage();
  const open = <V extends VarMap>(def: StateDefinition<V>) =>
    new StateStore(def, {
      host,
      layers: [
        urlLayer(def, service, 'query'),
        ...(def.persist === false ? [] : [persistLayer(def, def.persist, storage)]),
      ],
    });
  return {port, service, changes, errors, storage, open};
}

const Filters = defineState('Filters', {urlPrefix: 'f_', vars: {q: stateVar.string(''), p: stateVar.int(1)}});
const Draft = defineState('Draft', {urlPrefix: 'd_', persist: memoryStorage(), vars: {text: stateVar.string('')}});
const Work = defineState('Work', {
  urlPrefix: 'w_',
  urlSelfish: true,
  shareUrlWith: ['Nav'],
  vars: {id: stateVar.int(0)},
});
const Nav = defineState('Nav', {vars: {section: stateVar.string('home')}});
const Calendar = defineState('Calendar', {
  urlPrefix: 'cal_',
  vars: {view: stateVar.enum(['day', 'week'] as const, 'day')},
});

describe('the URL shared with other writers', () => {
  it("adopts another writer's push at once, never writing its old value over it", async () => {
    const {port, open, changes} = page('https://app.test/?f_q=foo');
    const filters = open(Filters);
    await flushed(); // the start's own change (f_q=foo, init) is delivered
    changes.length = 0;
    port.foreignPush('https://app.test/b?f_q=abc&f_p=2');
    assert.deepEqual([filters.get('q'), filters.get('p')], ['abc', 2]); // at once
    await flushed();
    // Its host (the DOM events) hears them at the end of the task.
    assert.deepEqual(
      changes.map((c) => [c.key, c.value, c.source]),
      [
        ['q', 'abc', 'url'],
        ['p', 2, 'url'],
      ],
    );
    // Its only writes mark each entry, its URL unchanged (so back shows what it showed).
    assert.deepEqual(
      port.writes.map((w) => [w.href, w.push]),
      [
        ['https://app.test/?f_q=foo', false],
        ['https://app.test/b?f_q=abc&f_p=2', false],
      ],
    );
    assert.deepEqual(port.stack, ['https://app.test/?f_q=foo', 'https://app.test/b?f_q=abc&f_p=2']);
  });

  it('falls back to storage, then the default, for params a navigation lacks', async () => {
    const {port, open} = page('https://app.test/?f_q=foo&f_p=3');
    const draft = open(Draft);
    const filters = open(Filters);
    draft.set('text', 'typed');
    await flushed(); // saved
    port.foreignPush('https://app.test/other');
    assert.equal(draft.get('text'), 'typed'); // the stored value
    port.foreignPush('https://app.test/other?d_text=linked');
    assert.equal(draft.get('text'), 'linked');
    await flushed(); // saved too
    port.foreignPush('https://app.test/third');
    assert.equal(draft.get('text'), 'linked');
    assert.deepEqual([filters.get('q'), filters.get('p')], ['', 1]); // defaults
  });

  it("adopts the params another writer's replace changed and restores, on touch, those it removed", async () => {
    const {port, open} = page('https://app.test/?f_q=foo&f_p=3');
    const filters = open(Filters);
    port.foreignReplace('https://app.test/?f_q=bar&page=2');
    assert.equal(filters.peek('q'), 'bar'); // changed: adopted, never reverted
    assert.equal(filters.peek('p'), 3); // removed: kept in memory
    await flushed();
    assert.equal(port.writes.length, 0); // nothing until a touch
    filters.get('q');
    await flushed();
    assert.equal(port.search, '?f_q=bar&page=2&f_p=3');
  });

  it('never writes into an entry traversed to, even when a router reads state before page-state hears of it', async () => {
    const {port, open} = page('https://app.test/?f_q=a');
    const filters = open(Filters);
    filters.set('q', 'b');
    await flushed();
    port.foreignPush('https://app.test/?f_q=c');
    port.go(-1, () => assert.equal(filters.get('q'), 'b')); // the router's listener ran first
    await flushed();
    assert.deepEqual(port.stack, ['https://app.test/?f_q=b', 'https://app.test/?f_q=c']);
    assert.equal(port.writes.length, 1);
    port.go(+1);
    assert.equal(filters.get('q'), 'c');
  });

  it('gives a namespace starting after a claim its deep-link params from the landing snapshot', async () => {
    const {port, open} = page('https://app.test/?w_id=7&cal_view=week&utm_source=mail');
    open(Work); // selfish: purges cal_view and utm_source at the flush
    await flushed();
    assert.equal(port.search, '?w_id=7');
    const calendar = open(Calendar); // a lazy module, started later
    assert.equal(calendar.get('view'), 'week');
    await flushed();
    assert.equal(port.search, '?w_id=7&cal_view=week'); // what is on screen is in the URL
  });

  it('brings back params kept or shared only after the claim purged them', async () => {
    const {port, service, open} = page('https://app.test/?w_id=7&section=news&utm_source=mail&junk=1');
    open(Work);
    await flushed();
    assert.equal(port.search, '?w_id=7');
    service.keep(['utm_*']); // the CDN copy's <page-state keep-params> upgraded later
    const nav = open(Nav); // the shared namespace's module loaded later
    assert.equal(nav.get('section'), 'news');
    await flushed();
    assert.equal(port.search, '?w_id=7&utm_source=mail&section=news');
  });

  it('puts a purged namespace back into the URL when something watches it (a bound element connects), not on a read', async () => {
    const {port, open} = page('https://app.test/?cal_view=week');
    const calendar = open(Calendar);
    open(Work).set('id', 1);
    await flushed();
    assert.equal(port.search, '?w_id=1');
    calendar.get('view');
    await flushed();
    assert.equal(port.search, '?w_id=1');
    calendar.subscribe(() => {});
    await flushed();
    assert.equal(port.search, '?w_id=1&cal_view=week');
  });

  it('retries a write the browser dropped silently until the last state lands', async () => {
    const {port, open} = page();
    const filters = open(Filters);
    port.drops = 3;
    filters.set('q', 'one');
    await flushed();
    filters.set('q', 'two');
    assert.equal(port.search, '');
    for (let i = 0; i < 4; i++) {
      port.advance(10_000);
      await flushed();
    }
    assert.equal(port.search, '?f_q=two');
    assert.equal(port.writes.length, 1);
  });

  it('corrects an invalid param another writer pushed, without touching its entry count', async () => {
    const {port, open, errors} = page();
    const filters = open(Filters);
    port.foreignPush('https://app.test/?f_p=abc&f_q=x');
    assert.deepEqual(
      errors.map((e) => [e.key, e.raw]),
      [['p', 'abc']],
    );
    assert.equal(filters.peek('p'), 1);
    await flushed();
    assert.deepEqual(port.stack, ['https://app.test/', 'https://app.test/?f_q=x']);
  });
});
