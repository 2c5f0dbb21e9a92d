// createSessionHandler, fileStore and redisStore check their options when they are created: each
// mistake stops the server at start with the option named and the line to write, never a raw
// TypeError later and never a misspelling silently ignored.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {fileStore} from '../../src/server/file-store.js';
import {createSessionHandler} from '../../src/server/handler.js';
import type {SessionHandlerOptions} from '../../src/server/options.js';
import {redisStore, type RedisClientLike} from '../../src/server/redis-store.js';
import {memoryStore} from '../../src/server/session-store.js';
import {tempDir} from '../temp-dir.js';

const secret = 'a test secret of thirty-two characters';
const store = memoryStore();
/** A message that says what went wrong (coded, a page-state error) and matches every `parts`. */
function refused(make: () => unknown, ...parts: (string | RegExp)[]) {
  assert.throws(make, (error: Error) => {
    assert.equal(error.name, 'PageStateError', `not a raw ${error.name}: ${error.message}`);
    assert.match(error.message, /PS_BAD_DEFINITION/);
    for (const part of parts)
      assert.ok(
        typeof part === 'string' ? error.message.includes(part) : part.test(error.message),
        `${error.message}\n  lacks ${String(part)}`,
      );
    return true;
  });
}
const handler = (options: object) => () => createSessionHandler(options as SessionHandlerOptions);

describe('createSessionHandler checks its options', () => {
  it('with no options at all, or none of a store: says to give a store, and how', () => {
    refused(
      () => (createSessionHandler as (options?: unknown) => unknown)(),
      'createSessionHandler',
      "createSessionHandler({store: fileStore('./sessions')})",
    );
    refused(handler({}), 'store option is required', "createSessionHandler({store: fileStore('./sessions')})");
    refused(handler({secret}), 'store option is required', 'memoryStore() in tests');
  });

  it('a store that is not one', () => {
    refused(
      handler({secret, store: './sessions'}),
      'store must be a session store',
      'no get, set, delete, clear()',
      "store: fileStore('./sessions')",
    );
    refused(handler({secret, store: {get() {}}}), 'no set, delete, clear()');
  });

  it('a short secret, or one that is not a string', () => {
    refused(
      handler({secret: 'short', store}),
      'secret must be at least 32 characters',
      'one is 5 long',
      'secret: process.env.PAGE_STATE_SECRET',
      'randomBytes(32)',
    );
    refused(handler({secret: [secret, 'old'], store}), 'one is 3 long');
    refused(handler({secret: 42, store}), 'secret must be a string or a list of strings');
  });

  it('a negative, zero or non-numeric TTL, maxBytes or timeout', () => {
    refused(
      handler({secret, store, ttlSeconds: -1}),
      'ttlSeconds must be a positive number, not -1',
      'ttlSeconds: 30 * 86400',
    );
    refused(handler({secret, store, ttlSeconds: '3600'}), 'ttlSeconds must be a positive number, not "3600"');
    refused(handler({secret, store, ttlSeconds: Number.NaN}), 'ttlSeconds must be a positive number, not NaN');
    refused(handler({secret, store, maxBytes: 0}), 'maxBytes must be a positive number, not 0', 'maxBytes: 64 * 1024');
    refused(handler({secret, store, maxBytes: '64kb'}), 'maxBytes must be a positive number, not "64kb"');
    refused(
      handler({secret, store, storeTimeoutMs: Infinity}),
      'storeTimeoutMs must be a positive number, not Infinity',
      'storeTimeoutMs: 5000',
    );
    refused(handler({secret, store, bodyTimeoutMs: -5}), 'bodyTimeoutMs must be a positive number');
  });

  it('a bad quota or anonymous limit, and their unknown names', () => {
    refused(
      handler({secret, store, quota: {bytes: -1}}),
      'quota.bytes must be a positive number, not -1',
      'quota: {bytes: 1024 * 1024}',
    );
    refused(
      handler({secret, store, quota: {namespaces: 'ten'}}),
      'quota.namespaces must be a positive number, not "ten"',
    );
    refused(
      handler({secret, store, quota: 100}),
      'quota must be an object',
      'quota: {namespaces: 100, bytes: 1024 * 1024}',
    );
    refused(
      handler({secret, store, quota: {namespace: 10}}),
      'quota: unknown option "namespace"',
      'did you mean "namespaces"?',
    );
    refused(
      handler({secret, store, anonymous: {perClientPerMinute: -1}}),
      'anonymous.perClientPerMinute must be a positive number',
    );
    refused(
      handler({secret, store, anonymous: {maxSession: 10}}),
      'anonymous: unknown option "maxSession"',
      'did you mean "maxSessions"?',
    );
    // Limits that mean something are kept: unbounded, and zero.
    assert.ok(
      createSessionHandler({
        secret,
        store,
        quota: {bytes: Infinity},
        anonymous: {perClientPerMinute: Infinity, holdRefusedMs: 0},
      }),
    );
  });

  it('an unknown option, with the nearest known one', () => {
    refused(handler({secret, store, ttlSecond: 60}), 'unknown option "ttlSecond"', 'did you mean "ttlSeconds"?');
    refused(handler({secret, store, basepath: '/api'}), 'unknown option "basepath"', 'did you mean "basePath"?');
    refused(handler({secret, store, trustProxies: true}), 'did you mean "trustProxy"?');
    refused(
      handler({secret, store, whatever: 1}),
      'unknown option "whatever"',
      'its options are secret, store, basePath',
    );
  });

  it('a bad basePath, secure, adoptAnonymous, identify or onError', () => {
    refused(
      handler({secret, store, basePath: 'page-state'}),
      'basePath must be a path starting with "/"',
      "basePath: '/page-state'",
    );
    refused(handler({secret, store, secure: 'yes'}), "secure must be 'auto', true or false");
    refused(handler({secret, store, adoptAnonymous: 'all'}), "adoptAnonymous must be 'none' or 'missing', not \"all\"");
    refused(
      handler({secret, store, identify: 'user'}),
      'identify must be a function',
      'identify: (req) => req.user?.id',
    );
    refused(handler({secret, store, onError: true}), 'onError must be a function');
  });

  it('takes every option it documents', () => {
    assert.ok(
      createSessionHandler({
        secret: [secret, secret],
        store,
        basePath: '/api/state',
        cookieName: 'sid',
        ttlSeconds: 3600,
        maxBytes: 1024,
        bodyTimeoutMs: 1000,
        quota: {namespaces: 10, bytes: 4096},
        storeTimeoutMs: 1000,
        anonymous: {perClientPerMinute: 10, maxSessions: 10, maxBytes: 4096, holdRefusedMs: 10},
        secure: 'auto',
        trustProxy: true,
        onError() {},
        identify: () => null,
        identitySecret: secret,
        adoptAnonymous: 'missing',
      }),
    );
  });
});

describe('the stores check theirs', () => {
  it('fileStore: a folder, and only its options', () => {
    refused(
      () => (fileStore as (dir?: unknown) => unknown)(),
      'fileStore needs the folder',
      "store: fileStore('./sessions')",
    );
    refused(
      () => fileStore(tempDir('options'), {sweepEvery: 1000} as never),
      'fileStore: unknown option "sweepEvery"',
      'did you mean "sweepEveryMs"?',
    );
    refused(() => fileStore(tempDir('options'), {sweepEveryMs: -1}), 'sweepEveryMs must be a positive number');
  });

  it('redisStore: a client, and only its options', () => {
    const client = {eval: async () => null} satisfies RedisClientLike;
    refused(
      () => (redisStore as (client?: unknown) => unknown)(),
      'redisStore needs a node-redis client',
      'createClient(',
    );
    refused(
      () => redisStore(client, {prefx: 'app:'} as never),
      'redisStore: unknown option "prefx"',
      'did you mean "prefix"?',
    );
    assert.ok(redisStore(client, {prefix: 'app:'}));
  });
});
