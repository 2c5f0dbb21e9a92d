// Plain code writing the URL, with the Navigation API removed before page-state loads: the
// fallback path (wrapped history methods, popstate and hashchange).
import {plainHistoryCases} from './plain-history.js';

Object.defineProperty(window, 'navigation', {value: undefined});

describe('plain history calls, without the Navigation API', () => {
  plainHistoryCases(() => import('../../src/index.js'), undefined);

  it('wraps history methods once, on top of what was there', () => {
    expect(history.pushState.toString()).to.not.include('[native code]');
  });
});

import {expect} from '@open-wc/testing';
