// Issue 35: a misspelled or missing option in code is an error at once, naming the option and,
// in development (the sources), the nearest known name. The production shape of these messages
// is checked on the built package in test/build/dev-prod.test.ts.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {object, string} from 'superstruct';
import {z} from 'zod';
import {defineState} from '../../../src/core/schema/define.js';
import {ErrorCode, PageStateError} from '../../../src/core/errors/errors.js';
import {stateVar} from '../../../src/core/schema/state-var.js';
import {serverStorage} from '../../../src/persist/server-storage.js';

/** Asserts `fn` throws a PS_BAD_DEFINITION error whose message is exactly `message`. */
const fails = (fn: () => unknown, message: string) =>
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof PageStateError && e.code === ErrorCode.badDefinition, String(e));
    assert.equal(e.message, `page-state PS_BAD_DEFINITION: ${message}`);
    return true;
  });

describe('option mistakes in code (development messages)', () => {
  it('an unknown defineState option names the nearest known one, or lists them', () => {
    fails(
      () => defineState('AppWorkflow', {persits: 'local', vars: {q: stateVar.string()}} as never),
      'AppWorkflow: unknown option "persits" (did you mean "persist"?)',
    );
    fails(
      () => defineState('App', {urlprefix: 'a_', vars: {q: stateVar.string()}} as never),
      'App: unknown option "urlprefix" (did you mean "urlPrefix"?)',
    );
    fails(
      () => defineState('App', {colour: 1, vars: {q: stateVar.string()}} as never),
      'App: unknown option "colour" (options: urlPrefix, urlSelfish, shareUrlWith, restoreUrlOnTouch, clearOnDefault, history, persist, version, migrate, vars, onInit, onChange, ttlSeconds)',
    );
  });

  it('an unknown option of every stateVar builder names the nearest known one', () => {
    const builders: [string, (options: any) => unknown][] = [
      ['string', (o) => stateVar.string('', o)],
      ['int', (o) => stateVar.int(0, o)],
      ['float', (o) => stateVar.float(0, o)],
      ['boolean', (o) => stateVar.boolean(false, o)],
      ['date', (o) => stateVar.date(null, o)],
      ['datetime', (o) => stateVar.datetime(null, o)],
      ['enum', (o) => stateVar.enum(['a'], 'a', o)],
      ['list', (o) => stateVar.list(stateVar.string(), [], o)],
      ['json', (o) => stateVar.json(z.number(), 0, o)],
      ['custom', (o) => stateVar.custom({struct: string(), parse: String, serialize: String}, '', o)],
    ];
    for (const [name, build] of builders) {
      fails(() => build({urlkey: 'qq'}), `stateVar.${name}: unknown option "urlkey" (did you mean "urlKey"?)`);
    }
    fails(
      () => stateVar.int(0, {nulable: true} as {}),
      'stateVar.int: unknown option "nulable" (did you mean "nullable"?)',
    );
    fails(
      () => stateVar.int(0, 'q' as {}),
      'stateVar.int: unknown option "0" (options: urlKey, valueMap, persist, history, nullable)',
    );
    assert.equal(stateVar.int(0, {urlKey: 'n', history: 'push'}).options.urlKey, 'n');
  });

  it('stateVar.json without a schema says what to pass, not a TypeError', () => {
    const hint = 'pass a superstruct Struct or a Standard Schema (zod, valibot, arktype) first, then the default';
    fails(() => stateVar.json(undefined as never, {} as never), `stateVar.json: schema undefined is invalid: ${hint}`);
    fails(() => stateVar.json({a: 1} as never, {} as never), `stateVar.json: schema {"a":1} is invalid: ${hint}`);
    fails(
      () => stateVar.custom({parse: String, serialize: String} as never, ''),
      `stateVar.custom: schema undefined is invalid: ${hint}`,
    );
    assert.equal(stateVar.json(object({a: string()}), {a: 'x'}).type, 'json');
  });

  it('defaults and definitions say the fact, then what to do', () => {
    fails(
      () => stateVar.int('x' as never),
      'stateVar.int: default "x" is invalid: not a valid int: expected an integer',
    );
    fails(
      () => defineState('F', {persist: 'cloud' as never, vars: {q: stateVar.string()}}),
      `F: persist "cloud" is invalid: use false, 'session', 'local', 'server' or a StorageAdapter`,
    );
    fails(
      () => defineState('F', {vars: {q: stateVar.string('', {urlKey: 'a b'})}}),
      'F: q: urlKey "a b" is invalid: use only letters, digits, _ . ~ -',
    );
  });

  it('an unknown serverStorage option names the nearest known one', () => {
    fails(
      () => serverStorage('/page-state', {debounceMS: 100} as never),
      'serverStorage: unknown option "debounceMS" (did you mean "debounceMs"?)',
    );
    fails(
      () => serverStorage('/page-state', {timeout: 100} as never),
      'serverStorage: unknown option "timeout" (did you mean "timeoutMs"?)',
    );
  });

  it('an unknown createTestRuntime option names the nearest known one', async () => {
    const {createTestRuntime} = await import('../../../src/testing/index.js');
    fails(
      () => createTestRuntime({urll: '/?q=1'} as never),
      'createTestRuntime: unknown option "urll" (did you mean "url"?)',
    );
    fails(
      () => createTestRuntime({storrage: {}} as never),
      'createTestRuntime: unknown option "storrage" (did you mean "storage"?)',
    );
  });
});
