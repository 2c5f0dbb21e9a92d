// A page's runtime makes its identity only when first needed (setIdentity, the server client):
// the listeners that watched before it existed are handed to it, whichever copy of page-state
// makes it (an older copy does `runtime.identity ??= …`, which the accessor catches).
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {identityHub} from '../../src/persist/identity-hub.js';
import {partition} from '../../src/persist/partition.js';
import {watchIdentity, type SharedRuntime} from '../../src/runtime/protocol.js';
import {memoryArea} from '../../src/testing/storage.js';

/** A runtime as the protocol shares it, without an identity yet (what is not used here is left out). */
const bareRuntime = () => ({protocol: 3}) as unknown as SharedRuntime;
const hub = () => identityHub(() => [memoryArea(), memoryArea()], new EventTarget(), partition);
/** A listener recording what it was called with. */
const recorder = () => {
  const calls: boolean[] = [];
  return {calls, listener: (arrived: boolean) => void calls.push(arrived)};
};

describe('watchIdentity', () => {
  it('hands the listeners that waited to the identity whoever makes it, around every switch', () => {
    const runtime = bareRuntime();
    const mine = recorder();
    const theirs = recorder(); // another copy, watching through the same protocol
    watchIdentity(runtime, mine.listener);
    watchIdentity(runtime, theirs.listener);
    assert.equal(runtime.identity, undefined, 'nothing made yet');

    const made = hub();
    runtime.identity ??= made; // what any copy's identityOf does
    assert.equal(runtime.identity, made);
    runtime.identity!.set('ada');
    assert.deepEqual(mine.calls, [false, true]);
    assert.deepEqual(theirs.calls, [false, true]);
    runtime.identity ??= hub(); // a later copy finds it: nothing replaced
    assert.equal(runtime.identity, made);
  });

  it('stops a listener before the identity exists, and after it was handed over', () => {
    const runtime = bareRuntime();
    const early = recorder();
    const late = recorder();
    watchIdentity(runtime, early.listener)();
    const stopLate = watchIdentity(runtime, late.listener);
    runtime.identity = hub();
    runtime.identity.set('ada');
    stopLate();
    runtime.identity.set(null);
    assert.deepEqual(early.calls, [], 'stopped while waiting: never called');
    assert.deepEqual(late.calls, [false, true], 'stopped after the first switch');
  });

  it('watches an identity that exists at once', () => {
    const runtime = bareRuntime();
    runtime.identity = hub();
    const {calls, listener} = recorder();
    const stop = watchIdentity(runtime, listener);
    runtime.identity.set('grace');
    stop();
    runtime.identity.set(null);
    assert.deepEqual(calls, [false, true]);
  });
});
