import {strict as assert} from 'node:assert';
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {describe, it} from 'node:test';
import pkg from '../../package.json' with {type: 'json'};

describe('the published package', () => {
  it('resolves page-state/server by name to the built entry, with its API', () => {
    // Evaluated from the project root, as a consumer's module would resolve the package by name.
    const exported = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('page-state/server'); console.log(Object.keys(m).sort().join())",
      ],
      {encoding: 'utf8'},
    );
    assert.equal(
      exported.trim(),
      'QuotaError,StoreUnavailableError,VERSION,createSessionHandler,fileStore,memoryStore,redisStore',
    );
  });

  it('points every export and the manifest at files the build wrote', () => {
    const targets = Object.values(pkg.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    for (const file of [...targets, pkg.main, pkg.types, pkg.customElements]) assert.ok(existsSync(file), file);
  });
});
