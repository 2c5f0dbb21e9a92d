// One table of URLs and what they mean, run by parseUrl in Node (test/url/parse.test.ts) and by
// a real store in Chromium (test/url/parse.browser.test.ts): server and browser must agree.
import {number, object} from 'superstruct';
import {defineState} from '../../src/core/schema/define.js';
import {stateVar} from '../../src/core/schema/state-var.js';
import type {JsonValue} from '../../src/core/schema/var.js';

export const Listing = defineState('Listing', {
  urlPrefix: 'l_',
  vars: {
    q: stateVar.string(''),
    page: stateVar.int(1, {urlKey: 'p'}),
    pri: stateVar.int(1, {valueMap: {1: 'low', 2: 'mid', 3: 'high'}}),
    open: stateVar.boolean(false),
    day: stateVar.date(null),
    tags: stateVar.list(stateVar.int(), []),
    mode: stateVar.enum(['grid', 'list'] as const, 'grid'),
    filter: stateVar.json(object({min: number()}), {min: 0}),
  },
});

const defaults = {q: '', page: 1, pri: 1, open: false, day: null, tags: [], mode: 'grid', filter: {min: 0}};

export interface ParseCase {
  label: string;
  /** Path and query, with foreign params too. */
  url: string;
  /** Every var, as dump() gives it. */
  values: Record<string, JsonValue>;
  /** [var, raw text] of every rejected param, in declaration order. */
  errors: [string, string][];
}

export const PARSE_CASES: ParseCase[] = [
  {label: 'nothing of ours', url: '/list?ref=mail', values: defaults, errors: []},
  {
    label: 'every kind, valid',
    url: '/list?l_q=desk+lamp&l_p=3&l_pri=high&l_open=true&l_day=2026-11-22&l_tags=1,2,3&l_mode=list&l_filter={"min":5}&ref=x',
    values: {
      q: 'desk lamp',
      page: 3,
      pri: 3,
      open: true,
      day: '2026-11-22',
      tags: [1, 2, 3],
      mode: 'list',
      filter: {min: 5},
    },
    errors: [],
  },
  {
    label: 'every kind, invalid',
    url: '/list?l_p=abc&l_pri=urgent&l_open=yes&l_day=2026-02-30&l_tags=1,x&l_mode=table&l_filter={"min":"a"}&l_q=ok',
    values: {...defaults, q: 'ok'},
    errors: [
      ['page', 'abc'],
      ['pri', 'urgent'],
      ['open', 'yes'],
      ['day', '2026-02-30'],
      ['tags', '1,x'],
      ['mode', 'table'],
      ['filter', '{"min":"a"}'],
    ],
  },
  {
    label: 'hostile keys and duplicates',
    url: '/list?__proto__=1&constructor=x&l___proto__=2&l_p=2&l_p=9&l_q=%E0%A4%A&l_tags=%2C',
    values: {...defaults, page: 2, q: '%E0%A4%A'},
    errors: [['tags', ',']],
  },
];
