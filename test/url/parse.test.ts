import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import type {StateVar} from '../../src/core/schema/var.js';
import {parseUrl, serializeUrl} from '../../src/core/url-codec/parse-serialize.js';
import {Listing, PARSE_CASES} from './parse-cases.js';

describe('parseUrl and serializeUrl (page-state/core)', () => {
  for (const c of PARSE_CASES) {
    it(`reads ${c.label} as the browser does`, () => {
      const {values, errors} = parseUrl(Listing, c.url);
      const dumped = Object.fromEntries(Listing.keys.map((k) => [k, (Listing.vars[k] as StateVar).toJSON(values[k])]));
      assert.deepEqual(dumped, c.values);
      assert.deepEqual(
        errors.map((e) => [e.key, e.raw]),
        c.errors,
      );
      assert.ok(errors.every((e) => e.namespace === 'Listing' && e.reason.length > 0));
    });
  }

  it('writes the readable texts the browser writes, keeping foreign params and the hash', () => {
    const link = serializeUrl(
      Listing,
      {q: 'a,b:c/d', tags: [1, 2], day: new Date('2026-11-22'), pri: 2, page: 1},
      '/list?ref=x#top',
    );
    assert.equal(link, '/list?ref=x&l_q=a,b:c/d&l_pri=mid&l_day=2026-11-22&l_tags=1,2#top');
    assert.deepEqual(parseUrl(Listing, link).values.tags, [1, 2]);
  });

  it('accepts URL and URLSearchParams, and the hash mode', () => {
    assert.equal(parseUrl(Listing, new URL('https://shop.test/list?l_p=4')).values.page, 4);
    assert.equal(parseUrl(Listing, new URLSearchParams('l_p=5')).values.page, 5);
    assert.equal(parseUrl(Listing, '/list#l_p=6', {mode: 'hash'}).values.page, 6);
    assert.equal(serializeUrl(Listing, {page: 7}, '/list#a', {mode: 'hash'}), '/list#a&l_p=7');
  });

  it('refuses to write an invalid value', () => {
    assert.throws(() => serializeUrl(Listing, {page: 'x' as never}), {name: 'StateValidationError'});
  });
});
