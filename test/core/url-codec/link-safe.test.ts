// Issue 35: a link page-state writes survives being pasted into a chat or Markdown: linkifiers
// (linkify-it, pinned) drop trailing punctuation, so the last character of a URL we write is
// escaped when it is one of those, and the link still parses back to the same values.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {LinkifyIt} from 'linkify-it';
import {defineState} from '../../../src/core/schema/define.js';
import {stateVar} from '../../../src/core/schema/state-var.js';
import {parseUrl, serializeUrl} from '../../../src/core/url-codec/parse-serialize.js';
import {parse, render} from '../../../src/url/parsed-url.js';

const linkify = new LinkifyIt();
const Search = defineState('Search', {
  urlPrefix: 'a_',
  vars: {q: stateVar.string(), tags: stateVar.list(stateVar.string())},
});
const DROPPED = ['.', ')', ',', '!', '?', "'", ':', ';', '('];

/** The link linkify-it finds in a chat line holding `url`. */
const found = (url: string) => linkify.match(`see ${url} for details`)?.[0]?.url;

describe('links page-state writes survive linkifiers', () => {
  for (const mode of ['query', 'hash'] as const) {
    it(`a ${mode} ending in any of ${DROPPED.join(' ')} is recognised whole and parses back`, () => {
      for (const end of DROPPED) {
        const q = `trailing${end}`;
        const url = serializeUrl(Search, {q}, 'https://example.com/search', {mode});
        assert.equal(found(url), url, `${end}: ${url}`);
        assert.equal(parseUrl(Search, url, {mode}).values.q, q, url);
        // Unescaped, linkify-it cuts it (all but ':', which it keeps but GitHub's autolinker drops).
        if (end !== ':') assert.notEqual(found(decodeURIComponent(url)), decodeURIComponent(url));
      }
    });
  }

  it('escapes only the last character: the rest stays readable', () => {
    assert.equal(serializeUrl(Search, {q: 'a.b,c:d.'}, '/s'), '/s?a_q=a.b,c:d%2e');
    assert.equal(serializeUrl(Search, {q: 'plain'}, '/s'), '/s?a_q=plain');
    assert.equal(serializeUrl(Search, {tags: ['x', 'y.']}, '/s?lang=en'), '/s?lang=en&a_tags=x,y%2e');
  });

  it('escapes the end of the hash when the URL ends there, not the query before it', () => {
    assert.equal(serializeUrl(Search, {q: 'a.'}, '/s#top.'), '/s?a_q=a.#top%2e');
    assert.equal(serializeUrl(Search, {q: 'a.'}, '', {mode: 'hash'}), '#a_q=a%2e');
  });

  it('a value that itself ends in "%2E" round-trips', () => {
    for (const q of ['100%2E', 'x%', '%2E.']) {
      const url = serializeUrl(Search, {q}, 'https://example.com/');
      assert.equal(parseUrl(Search, url).values.q, q, url);
      assert.equal(found(url), url);
    }
  });

  it("the address bar's rendering escapes the last character of the query or hash, never the path", () => {
    assert.equal(render(parse('https://example.com/s?a_q=done.')), 'https://example.com/s?a_q=done%2e');
    assert.equal(render(parse('https://example.com/s?a_q=x#note)')), 'https://example.com/s?a_q=x#note%29');
    assert.equal(render(parse('https://example.com/v1.')), 'https://example.com/v1.');
    assert.equal(render(parse('https://example.com/s?a_q=a.b')), 'https://example.com/s?a_q=a.b');
  });
});
