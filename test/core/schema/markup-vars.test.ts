import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {varFromMarkup, type VarAttributes} from '../../../src/core/schema/markup-vars.js';

const attrs = (given: Partial<VarAttributes>): VarAttributes => ({
  type: null,
  default: null,
  'url-key': null,
  persist: null,
  history: null,
  values: null,
  of: null,
  ...given,
});

describe('vars from markup', () => {
  it('reads every type, with defaults written as in the URL', () => {
    const cases: [Partial<VarAttributes>, string, unknown][] = [
      [{}, 'string', ''],
      [{type: 'int', default: '3'}, 'int', 3],
      [{type: 'float', default: '0.25'}, 'float', 0.25],
      [{type: 'boolean', default: 'true'}, 'boolean', true],
      [{type: 'date', default: '2026-11-22'}, 'date', '2026-11-22'],
      [{type: 'datetime'}, 'datetime', null],
      [{type: 'enum', values: 'a, b ,c', default: 'b'}, 'enum', 'b'],
      [{type: 'enum', values: 'x,y'}, 'enum', 'x'],
      [{type: 'list', of: 'int', default: '1,2'}, 'list<int>', [1, 2]],
      [{type: 'json', default: '{"min":1}'}, 'json', {min: 1}],
    ];
    for (const [given, type, dumped] of cases) {
      const v = varFromMarkup(attrs(given));
      assert.equal(v.type, type);
      assert.deepEqual(v.toJSON(v.defaultValue), dumped, JSON.stringify(given));
    }
  });

  it('maps url-key, persist and history', () => {
    assert.deepEqual(varFromMarkup(attrs({'url-key': 'p', persist: 'false', history: 'push'})).options, {
      urlKey: 'p',
      persist: false,
      history: 'push',
    });
    assert.equal(varFromMarkup(attrs({'url-key': ''})).options.urlKey, false);
  });

  it('names what is wrong', () => {
    assert.throws(() => varFromMarkup(attrs({type: 'number'})), /unknown type "number"/);
    assert.throws(() => varFromMarkup(attrs({type: 'toString'})), /unknown type "toString"/);
    assert.throws(() => varFromMarkup(attrs({type: 'strng'})), /unknown type "strng" \(did you mean "string"\?\)/);
    assert.throws(
      () => varFromMarkup(attrs({type: 'number'})),
      (error: Error) => !error.message.includes('did you mean'),
    );
    assert.throws(() => varFromMarkup(attrs({type: 'int', default: '1.5'})), /default "1.5" is not a valid int/);
    assert.throws(() => varFromMarkup(attrs({type: 'enum'})), /at least one value/);
    assert.throws(() => varFromMarkup(attrs({type: 'list', of: 'json'})), /list items cannot be of type "json"/);
  });
});
