import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {defineState} from '../../../src/core/schema/define.js';
import {ErrorCode, PageStateError} from '../../../src/core/errors/errors.js';
import {stateVar} from '../../../src/core/schema/state-var.js';

const badDefinition = (fn: () => unknown, message: RegExp) =>
  assert.throws(
    fn,
    (e: unknown) => e instanceof PageStateError && e.code === ErrorCode.badDefinition && message.test(e.message),
  );

describe('defineState', () => {
  it('stores every option with its default', () => {
    const def = defineState('Plain', {vars: {q: stateVar.string()}});
    assert.deepEqual(
      [
        def.urlPrefix,
        def.urlSelfish,
        def.shareUrlWith,
        def.restoreUrlOnTouch,
        def.clearOnDefault,
        def.history,
        def.persist,
        def.version,
      ],
      ['', false, [], true, true, 'replace', false, 1],
    );
    assert.deepEqual(def.bindings.q, {param: 'q', persist: false, history: 'replace'});
  });

  it('accepts options that later layers implement and resolves names of shared namespaces', () => {
    const nav = defineState('Nav', {vars: {page: stateVar.string()}});
    const def = defineState('App', {
      urlPrefix: 'app_',
      urlSelfish: true,
      shareUrlWith: [nav, 'Other'],
      history: 'push',
      persist: 'session',
      version: 2,
      migrate: (old) => old,
      vars: {
        tid: stateVar.string('', {urlKey: 't'}),
        draft: stateVar.string('', {urlKey: false}),
        s: stateVar.string('', {persist: false}),
      },
    });
    assert.deepEqual(def.shareUrlWith, ['Nav', 'Other']);
    assert.equal(def.bindings.tid.param, 'app_t');
    assert.equal(def.bindings.draft.param, null);
    assert.equal(def.bindings.draft.persist, true);
    assert.equal(def.bindings.s.persist, false);
    assert.equal(def.params.get('app_t'), 'tid');
    assert.ok(Object.isFrozen(def));
  });

  it('fails fast on bad names', () => {
    for (const name of ['', '1abc', 'a b', '../x', 'a'.repeat(65)])
      badDefinition(
        () => defineState(name, {vars: {q: stateVar.string()}}),
        /namespace .* is invalid: use 1-64 letters/,
      );
  });

  it('fails fast on reserved and unsafe var names', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'a-b']) {
      badDefinition(() => defineState('Bad', {vars: {[key]: stateVar.string()}}), /reserved or not identifier-safe/);
    }
  });

  it('fails fast on a default that fails its own var', () => {
    badDefinition(
      () => stateVar.int(1.5),
      /stateVar\.int: default 1\.5 is invalid: not a valid int: expected an integer/,
    );
    badDefinition(() => stateVar.enum(['a', 'b'] as const, 'c' as never), /expected one of a, b/);
    badDefinition(() => stateVar.string(null as never), /expected a string/);
  });

  it('fails fast on misspelled options, clashing params and broken valueMaps', () => {
    badDefinition(
      () => defineState('X', {urlSelfsh: true, vars: {q: stateVar.string()}} as never),
      /unknown option "urlSelfsh"/,
    );
    badDefinition(
      () => defineState('X', {vars: {a: stateVar.string(), b: stateVar.string('', {urlKey: 'a'})}}),
      /X: param "a" is invalid: vars "a" and "b" both use it/,
    );
    badDefinition(() => stateVar.int(1, {valueMap: {1: 'x', 2: 'x'}}), /used twice/);
    badDefinition(
      () => stateVar.int(1, {valueMap: {one: 'x'}}),
      /stateVar\.int: valueMap "one" is invalid: a key is not a valid int/,
    );
    badDefinition(() => defineState('X', {history: 'pop' as never, vars: {q: stateVar.string()}}), /history/);
    badDefinition(() => defineState('X', {vars: {}}), /X: vars \{\} is invalid: declare at least one/);
    // An empty urlKey is no way to leave the URL: the message says which is.
    badDefinition(
      () => defineState('X', {vars: {q: stateVar.string('', {urlKey: ''})}}),
      /X: q: urlKey "" is invalid: use false to keep the var out of the URL/,
    );
    badDefinition(
      () => defineState('X', {vars: {q: 'string' as never}}),
      /X: q "string" is invalid: build the var with stateVar/,
    );
    badDefinition(() => defineState('X', {urlPrefix: 'a&b', vars: {q: stateVar.string()}}), /urlPrefix/);
    for (const ttlSeconds of [0, -1, Infinity, NaN, '60' as never])
      badDefinition(
        () => defineState('X', {ttlSeconds, vars: {q: stateVar.string()}}),
        /ttlSeconds .* is invalid: use a positive number of seconds/,
      );
    assert.equal(defineState('X', {ttlSeconds: 120, vars: {q: stateVar.string()}}).ttlSeconds, 120);
  });

  it('gives structurally equal definitions the same fingerprint', () => {
    const make = (def = 1) => defineState('Twin', {vars: {n: stateVar.int(def)}});
    assert.equal(make().fingerprint, make().fingerprint);
    assert.notEqual(make().fingerprint, make(2).fingerprint);
  });
});
