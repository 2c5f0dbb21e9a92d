// A URL-bound store queues its write once per task (the flush writes the values it finds then),
// and never loses a change to that: not after a navigation that dropped the queued write, not
// in a microtask after the flush took it, not for a push var after a replace var.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {defineState, type StateDefinition, type VarMap} from '../../src/core/schema/define.js';
import {stateVar} from '../../src/core/schema/state-var.js';
import {StateStore} from '../../src/core/store/store.js';
import {urlLayer} from '../../src/url/url-layer.js';
import {UrlService} from '../../src/url/url-service.js';
import {FakeHistory, flushed} from './fake-history.js';

function page(url = 'https://app.test/') {
  const port = new FakeHistory(url);
  const service = new UrlService(port);
  const open = <V extends VarMap>(def: StateDefinition<V>) =>
    new StateStore(def, {layers: [urlLayer(def, service, 'query')]});
  return {port, open};
}

const Filters = defineState('Filters', {
  urlPrefix: 'f_',
  vars: {q: stateVar.string(''), p: stateVar.int(1, {history: 'push'})},
});
const Nav = defineState('Nav', {vars: {section: stateVar.string('home')}});

describe("a URL-bound store's write, once per task", () => {
  it('1,000 sets in one task: one URL write, with the last value', async () => {
    const {port, open} = page();
    const filters = open(Filters);
    await flushed();
    port.writes.length = 0;
    for (let i = 1; i <= 1000; i++) filters.set('q', `v${i}`);
    await flushed();
    assert.deepEqual(
      port.writes.map((w) => w.href),
      ['https://app.test/?f_q=v1000'],
    );
  });

  it("writes a change made after another writer's navigation in the same task", async () => {
    const {port, open} = page();
    const filters = open(Filters);
    await flushed();
    filters.set('q', 'before');
    port.foreignPush('https://app.test/next'); // drops the queued write: it belonged to the entry left
    filters.set('q', 'after');
    await flushed();
    assert.equal(port.search, '?f_q=after');
  });

  it('writes a change made in a microtask after the flush took the write', async () => {
    const {port, open} = page();
    const nav = open(Nav);
    const filters = open(Filters);
    await flushed();
    nav.set('section', 'mail'); // the flush is queued now, before the microtask below
    void Promise.resolve().then(() => filters.set('q', 'late'));
    filters.set('q', 'early');
    await flushed();
    assert.equal(port.search, '?section=mail&f_q=late');
  });

  it('pushes for a push var changed after a replace var in the same task', async () => {
    const {port, open} = page();
    const filters = open(Filters);
    await flushed();
    port.writes.length = 0;
    filters.set('q', 'a');
    filters.set('p', 2);
    await flushed();
    assert.deepEqual(
      port.writes.map((w) => [w.href, w.push]),
      [['https://app.test/?f_q=a&f_p=2', true]],
    );
  });
});
