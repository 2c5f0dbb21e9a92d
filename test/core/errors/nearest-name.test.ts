import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {didYouMean, nearest, unknownNames} from '../../../src/core/errors/nearest-name.js';

describe('names: did you mean', () => {
  it('finds the nearest known name across case, a typo, a missing or swapped letter', () => {
    assert.equal(nearest('urlkey', ['urlKey', 'valueMap', 'persist']), 'urlKey');
    assert.equal(nearest('persits', ['persist', 'history']), 'persist');
    assert.equal(nearest('ttlSecond', ['ttlSeconds', 'maxBytes']), 'ttlSeconds');
    assert.equal(nearest('urlprefix', ['url-prefix', 'name']), 'url-prefix');
  });

  it('suggests nothing for a name far from every known one', () => {
    assert.equal(nearest('class', ['url-prefix', 'persist', 'name']), undefined);
    assert.equal(nearest('data-x', ['name', 'type', 'default']), undefined);
    assert.equal(didYouMean('zzz', ['persist']), '');
    assert.equal(didYouMean('persit', ['persist']), ' (did you mean "persist"?)');
  });

  it('lists unknown names in their order', () => {
    assert.deepEqual(unknownNames({a: 1, urlkey: 2, b: 3}, ['a']), ['urlkey', 'b']);
  });
});
