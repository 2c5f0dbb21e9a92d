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

  it('resolves page-state/elements by name in Node: the markup elements, defined only where a registry exists', () => {
    const evaluate = (code: string, conditions: string[] = []) =>
      execFileSync(process.execPath, [...conditions, '--input-type=module', '-e', code], {encoding: 'utf8'}).trim();
    const exported = "const m = await import('page-state/elements'); console.log(Object.keys(m).sort().join())";
    const expected = 'StateBindElement,StateFocusElement,StateNamespaceElement,StateVarElement';
    assert.equal(evaluate(exported), expected);
    assert.equal(evaluate(exported, ['--conditions=development']).split('\n').at(-1), expected);
    // With a registry (as a DOM shim gives one), importing the entries defines their elements:
    // `page-state` its scope, `page-state/elements` the markup ones.
    const defined = (entry: string) =>
      evaluate(
        `const tags = []; globalThis.customElements = {get: () => undefined, define: (tag) => tags.push(tag)};
        await import('${entry}'); console.log(tags.join())`,
      );
    assert.equal(defined('page-state'), 'page-state');
    assert.equal(defined('page-state/elements'), 'page-state,state-bind,state-focus,state-namespace,state-var');
  });

  it('points every export and the manifest at files the build wrote', () => {
    const targets = Object.values(pkg.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    for (const file of [...targets, pkg.main, pkg.types, pkg.customElements]) assert.ok(existsSync(file), file);
  });
});
