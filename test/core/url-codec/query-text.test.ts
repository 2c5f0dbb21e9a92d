import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {
  encodeText,
  firstValues,
  globs,
  param,
  parseParams,
  renderParams,
} from '../../../src/core/url-codec/query-text.js';

describe('query strings', () => {
  it('keeps readable characters readable and escapes what must be', () => {
    assert.equal(encodeText('a,b:c/d@e'), 'a,b:c/d@e');
    assert.equal(encodeText('x&y=z#w%v+u t'), 'x%26y%3Dz%23w%25v%2Bu+t');
    assert.equal(encodeText('naïve'), 'na%C3%AFve');
  });

  it('decodes every well-formed string it encodes, whatever the characters', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme'}), fc.string({unit: 'grapheme'}), (key, value) => {
        const [parsed] = parseParams(renderParams([param(key || 'k', value)]));
        assert.deepEqual([parsed!.key, parsed!.value], [key || 'k', value]);
      }),
      {seed: 20261122, numRuns: 500},
    );
  });

  it('keeps order and the exact text of params it does not own', () => {
    const params = parseParams('?utm_source=a%20b&q=x+y&flag&bad=%E0%A4%A');
    assert.deepEqual(
      params.map((p) => [p.key, p.value]),
      [
        ['utm_source', 'a b'],
        ['q', 'x y'],
        ['flag', ''],
        ['bad', '%E0%A4%A'],
      ],
    );
    assert.equal(renderParams(params), 'utm_source=a%20b&q=x+y&flag&bad=%E0%A4%A');
  });

  it('indexes the first value of every param exactly as parseParams reads them', () => {
    const chars = fc.constantFrom('a', 'b', '=', '&', '%', '%4', '%41', '+', '%E0', '?', '#', ' ');
    fc.assert(
      fc.property(
        fc.array(chars, {maxLength: 24}).map((parts) => parts.join('')),
        (text) => {
          const reference = new Map<string, string>();
          for (const {key, value} of parseParams(text)) if (!reference.has(key)) reference.set(key, value);
          assert.deepEqual([...firstValues(text)], [...reference]);
        },
      ),
      {seed: 20261201, numRuns: 2000},
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), (text) => void renderParams(parseParams(text))),
      {seed: 20261122, numRuns: 500},
    );
  });

  it('matches globs', () => {
    const keep = globs(['utm_*', ' ref', '']);
    assert.deepEqual(['utm_source', 'ref', 'refs', 'xutm_a'].map(keep), [true, true, false, false]);
    assert.equal(globs([])('anything'), false);
  });
});
