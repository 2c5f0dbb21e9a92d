import {strict as assert} from 'node:assert';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {defineState, stateOf, stateVar} from 'page-state';
import {createTestRuntime, type TestRuntime} from 'page-state/testing';

const Filters = defineState('Filters', {urlPrefix: 'f_', vars: {q: stateVar.string(), page: stateVar.int(1, {history: 'push'})}});
const Notes = defineState('Notes', {persist: 'server', vars: {draft: stateVar.string('', {urlKey: false})}});

describe('search filters', () => {
  let runtime: TestRuntime;
  beforeEach(() => (runtime = createTestRuntime({url: '/search?f_q=printer', server: true})));
  afterEach(() => runtime.dispose());

  it('starts from the URL and writes the query back into it', async () => {
    const filters = stateOf(Filters);
    assert.equal(filters.get('q'), 'printer');
    filters.set('q', 'stapler');
    await runtime.settled();
    assert.equal(runtime.url.search, '?f_q=stapler');
  });

  it('starts again from the URL it was given', () => {
    assert.equal(stateOf(Filters).get('q'), 'printer');
  });

  it('goes back to the previous page', async () => {
    const filters = stateOf(Filters);
    filters.set('page', 2);
    await runtime.settled();
    runtime.back();
    assert.equal(filters.get('page'), 1);
  });

  it('saves the draft on the server', async () => {
    const notes = stateOf(Notes);
    await notes.ready;
    notes.set('draft', 'call the vendor');
    await runtime.settled();
    assert.deepEqual(await runtime.readServer('Notes'), {version: 1, values: {draft: 'call the vendor'}});
  });
});
