// In Node there is no page: the development build says what to use instead of a ReferenceError
// from deep inside (a test that asked for a store before createTestRuntime()).
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {defineState} from '../../src/core/schema/define.js';
import {stateVar} from '../../src/core/schema/state-var.js';
import {stateOf} from '../../src/runtime/state-of.js';

describe('page-state without a document (development)', () => {
  it('says to use createTestRuntime() in tests, or page-state/core on a server', () => {
    const Filters = defineState('Filters', {vars: {q: stateVar.string()}});
    assert.throws(
      () => stateOf(Filters),
      /no document here.*createTestRuntime\(\) from page-state\/testing.*page-state\/core/,
    );
  });
});
