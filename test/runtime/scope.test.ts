import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {defineState} from '../../src/core/schema/define.js';
import {ErrorCode, PageStateError} from '../../src/core/errors/errors.js';
import {StateScope} from '../../src/runtime/scope.js';
import {stateVar} from '../../src/core/schema/state-var.js';

const host = {change() {}, error() {}};
const Filters = defineState('Filters', {vars: {q: stateVar.string()}});
const Nav = defineState('Nav', {vars: {page: stateVar.string()}});

describe('StateScope', () => {
  it('resolves declared namespaces in the nearest declaring scope and the rest in the root', () => {
    const root = new StateScope(host);
    const outer = new StateScope(host, root);
    const inner = new StateScope(host, outer);
    outer.declare(Filters);
    assert.equal(inner.resolve(Filters), outer.storeOf(Filters));
    assert.equal(inner.resolve(Nav), root.storeOf(Nav));
    inner.declare(Filters);
    assert.notEqual(inner.resolve(Filters), outer.resolve(Filters));
    assert.deepEqual(inner.declared, [Filters]);
  });

  it('shares a store between interchangeable copies of one definition', () => {
    const root = new StateScope(host);
    const copy = defineState('Filters', {vars: {q: stateVar.string()}});
    assert.equal(root.resolve(copy), root.resolve(Filters));
  });

  it('refuses two different definitions of one name in one scope', () => {
    const root = new StateScope(host);
    root.resolve(Filters);
    const other = defineState('Filters', {vars: {q: stateVar.int()}});
    assert.throws(
      () => root.resolve(other),
      (e: unknown) => e instanceof PageStateError && e.code === ErrorCode.conflict,
    );
    const scope = new StateScope(host, root);
    scope.declare(Filters);
    assert.throws(() => scope.declare(other), /two different definitions of "Filters"/);
  });
});
