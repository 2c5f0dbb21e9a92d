// In a page of its own: this test drains the rate limiter's budget, which would delay the
// writes of any test that followed it in the same page.
import {expect} from '@open-wc/testing';
import {defineState, stateOf, stateVar} from '../../src/index.js';

const Stream = defineState('Stream', {urlPrefix: 'stream_', vars: {n: stateVar.int(0)}});

describe('the history rate limiter in Chromium', () => {
  it('writes at most 100 times under writes every 10 ms for 3 s, and the last value arrives', async function () {
    this.timeout(15000);
    history.replaceState(null, '', location.pathname);
    const store = stateOf(Stream);
    const last = `?${Stream.urlPrefix}n=300`;
    const writes: string[] = [];
    let arrived!: () => void;
    const lastArrived = new Promise<void>((resolve) => (arrived = resolve));
    const replace = history.replaceState;
    history.replaceState = function (this: History, ...args: Parameters<History['replaceState']>) {
      writes.push(String(args[2]));
      replace.apply(this, args);
      if (location.search === last) arrived();
    };
    try {
      for (let i = 1; i <= 300; i++) {
        store.state.n = i;
        await new Promise((resolve) => setTimeout(resolve, 10)); // the scenario itself: a write every 10 ms
      }
      await lastArrived;
      expect(writes.length).to.be.at.most(100);
      expect(writes.length).to.be.at.least(10);
      expect(location.search).to.equal(last);
    } finally {
      history.replaceState = replace;
    }
  });
});
