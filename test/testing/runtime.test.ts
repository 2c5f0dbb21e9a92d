// page-state/testing in Node (node:test): stateOf from the main entry against the test runtime's
// memory URL, and persist: 'server' through the real session handler over a memory store, with
// settled() waiting for the server write (no sleep).
import {strict as assert} from 'node:assert';
import {afterEach, beforeEach, describe, it} from 'node:test';
import {defineState, stateOf, stateVar} from '../../src/index.js';
import {pageStateRuntime} from '../../src/lit/runtime.js';
import {createTestRuntime, type TestRuntime} from '../../src/testing/index.js';

const Filters = defineState('NodeFilters', {vars: {q: stateVar.string()}});
const Notes = defineState('NodeNotes', {persist: 'server', vars: {draft: stateVar.string('', {urlKey: false})}});

describe('page-state/testing in Node', () => {
  let runtime: TestRuntime;
  beforeEach(() => (runtime = createTestRuntime({url: '/?q=shoes', server: true})));
  afterEach(() => runtime.dispose());

  it('two tests that write Filters.q each start from the URL given (1)', async () => {
    const filters = stateOf(Filters);
    assert.equal(filters.get('q'), 'shoes');
    filters.set('q', 'boots');
    await runtime.settled();
    assert.equal(runtime.url.searchParams.get('q'), 'boots');
  });

  it('two tests that write Filters.q each start from the URL given (2)', async () => {
    assert.equal(stateOf(Filters).get('q'), 'shoes');
  });

  it('settled() waits for a server write through the in-memory handler', async () => {
    const notes = stateOf(Notes);
    await notes.ready;
    notes.set('draft', 'call the vendor');
    await runtime.settled();
    assert.ok(runtime.serverStore, 'the in-memory server is up');
    // What the server kept, read back through the page's own adapter (its cookie), as a reload would.
    const adapter = pageStateRuntime().storage('server', '/page-state');
    assert.deepEqual(await adapter.get('NodeNotes'), {version: 1, values: {draft: 'call the vendor'}});
  });
});
