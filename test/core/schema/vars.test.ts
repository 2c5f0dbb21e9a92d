import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {number, object, string} from 'superstruct';
import * as v from 'valibot';
import {stateVar} from '../../../src/core/schema/state-var.js';
import type {StateVar} from '../../../src/core/schema/var.js';

const roundTrip = <T>(v: StateVar<T>, value: T) => v.decode(v.encode(value));
const tricky = fc.string({unit: 'binary'});
const validDate = fc.date({noInvalidDate: true});

/** A real Standard Schema (valibot): objects with a non-negative `min`. */
const minSchema = v.object({min: v.pipe(v.number(), v.minValue(0, 'min must be a number >= 0'))});

// Every var type with an arbitrary of its valid values, for the property tests below.
const cases: [string, StateVar<any>, fc.Arbitrary<unknown>][] = [
  ['string', stateVar.string(), tricky],
  ['int', stateVar.int(), fc.maxSafeInteger().filter(Number.isSafeInteger)],
  ['float', stateVar.float(), fc.double({noNaN: true, noDefaultInfinity: true})],
  ['boolean', stateVar.boolean(), fc.boolean()],
  ['date', stateVar.date(), validDate.map((d) => stateVar.date().copy(d))],
  ['datetime', stateVar.datetime(), validDate],
  ['enum', stateVar.enum(['a', 'b,c', 'd&e'] as const), fc.constantFrom('a', 'b,c', 'd&e')],
  ['list<string>', stateVar.list(stateVar.string()), fc.array(tricky)],
  ['list<int>', stateVar.list(stateVar.int()), fc.array(fc.integer())],
  ['list<date>', stateVar.list(stateVar.date()), fc.array(validDate.map((d) => stateVar.date().copy(d) as Date))],
  [
    'json',
    stateVar.json(object({min: number(), label: string()}), {min: 0, label: ''}),
    fc.record({min: fc.double({noNaN: true, noDefaultInfinity: true}), label: tricky}),
  ],
  ['nullable int', stateVar.int(0, {nullable: true}), fc.option(fc.integer(), {nil: null})],
  ['valueMap int', stateVar.int(1, {valueMap: {1: 'low', 2: 'mid', 3: 'high'}}), fc.integer()],
];

describe('var codecs', () => {
  for (const [name, v, arbitrary] of cases) {
    it(`${name}: decode(encode(v)) equals v, and toJSON round-trips`, () => {
      fc.assert(
        fc.property(arbitrary, (value) => {
          assert.ok(v.equals(roundTrip(v, value), value), `text round trip of ${v.encode(value)}`);
          assert.ok(v.equals(v.fromJSON(JSON.parse(JSON.stringify(v.toJSON(value)))), value), 'JSON round trip');
        }),
        {seed: 20261122, numRuns: 300},
      );
    });
    it(`${name}: decoding arbitrary text yields a valid value or a TypeError`, () => {
      fc.assert(
        fc.property(tricky, (text) => {
          try {
            assert.equal(v.check(v.decode(text)), undefined);
          } catch (error) {
            assert.ok(error instanceof TypeError, String(error));
          }
        }),
        {seed: 20261122, numRuns: 300},
      );
    });
  }
});

describe('validation', () => {
  const rejects: [string, StateVar<any>, unknown[]][] = [
    ['string', stateVar.string(), [1, null, undefined, {}]],
    ['int', stateVar.int(), ['1', 1.5, NaN, 2 ** 53, null, true]],
    ['float', stateVar.float(), ['1', NaN, Infinity, null]],
    ['boolean', stateVar.boolean(), ['true', 0, null]],
    ['date', stateVar.date(), ['2026-01-01', new Date(NaN), 0]],
    ['datetime', stateVar.datetime(), ['2026-01-01T00:00:00Z', new Date(NaN)]],
    ['enum', stateVar.enum(['a', 'b'] as const), ['c', '', null]],
    ['list', stateVar.list(stateVar.int()), [[1, '2'], 'a,b', [null], null]],
    ['json', stateVar.json(minSchema, {min: 0}), [{min: -1}, {}, {min: NaN}, null]],
    ['custom', stateVar.custom({struct: number(), parse: Number, serialize: String}, 0), ['1', null]],
  ];
  for (const [name, v, values] of rejects) {
    it(`${name} rejects ${values.length} bad values with a reason`, () => {
      for (const value of values) assert.equal(typeof v.check(value), 'string', `${name} accepted ${String(value)}`);
    });
  }

  it('json reports the Standard Schema issue with its path', () => {
    assert.equal(stateVar.json(minSchema, {min: 0}).check({min: -1}), 'min: min must be a number >= 0');
  });

  it('json rejects values that are not plain JSON', () => {
    const anything = stateVar.json(object({}), {});
    assert.match(anything.check(new Map()) ?? '', /not JSON/);
  });
});

describe('text codecs', () => {
  it('rejects days that do not exist and malformed dates', () => {
    const due = stateVar.date();
    for (const text of ['2026-02-30', '2026-13-01', '2026-1-1', '26-01-01', '2026-01-01x', 'today']) {
      assert.throws(() => due.decode(text), TypeError, text);
    }
    assert.equal(due.decode('2024-02-29')?.toISOString(), '2024-02-29T00:00:00.000Z');
    assert.equal(due.decode(''), null);
  });

  it('keeps the UTC day of a date and writes it as YYYY-MM-DD', () => {
    const due = stateVar.date();
    const stored = due.copy(new Date('2026-11-22T18:30:00Z'))!;
    assert.equal(stored.toISOString(), '2026-11-22T00:00:00.000Z');
    assert.equal(due.encode(stored), '2026-11-22');
  });

  it('reads datetimes with offsets and writes ISO-8601 UTC', () => {
    const seen = stateVar.datetime();
    assert.equal(seen.encode(seen.decode('2026-11-22T10:00+02:00')), '2026-11-22T08:00:00.000Z');
    assert.throws(() => seen.decode('2026-11-22T25:00Z'), TypeError);
    assert.throws(() => seen.decode('2026-11-22'), TypeError);
  });

  it('escapes commas inside list items and tells [] from [""]', () => {
    const tags = stateVar.list(stateVar.string());
    assert.equal(tags.encode(['x,y', 'z']), 'x\\,y,z');
    assert.deepEqual(tags.decode('x\\,y,z'), ['x,y', 'z']);
    assert.equal(tags.encode([]), '');
    assert.equal(tags.encode(['']), '\\');
    assert.deepEqual(tags.decode('\\'), ['']);
    assert.throws(() => tags.decode('a\\'), TypeError);
  });

  it('writes booleans as true/false and reads 1/0 too', () => {
    const done = stateVar.boolean();
    assert.equal(done.encode(true), 'true');
    assert.equal(done.decode('0'), false);
    assert.throws(() => done.decode('True'), TypeError);
  });

  it('maps values to friendly tokens and still reads raw values', () => {
    const pri = stateVar.int(1, {valueMap: {1: 'low', 2: 'mid', 3: 'high'}});
    assert.equal(pri.encode(3), 'high');
    assert.equal(pri.decode('mid'), 2);
    assert.equal(pri.decode('7'), 7);
    assert.throws(() => pri.decode('urgent'), TypeError);
  });

  it('rejects integers written as floats or with junk', () => {
    const n = stateVar.int();
    for (const text of ['1.0', '1e3', ' 1', '0x10', '', 'abc', '99999999999999999'])
      assert.throws(() => n.decode(text), TypeError, text);
    assert.equal(n.decode('-42'), -42);
  });

  it('custom vars use their own codec and compare by serialized text', () => {
    type Point = {x: number; y: number};
    const point = stateVar.custom<Point>(
      {
        struct: object({x: number(), y: number()}),
        parse: (t) => {
          const [x, y] = t.split(':').map(Number);
          if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error('expected x:y');
          return {x: x!, y: y!};
        },
        serialize: ({x, y}) => `${x}:${y}`,
      },
      {x: 0, y: 0},
    );
    assert.equal(point.encode({x: 1, y: 2}), '1:2');
    assert.deepEqual(point.decode('3:4'), {x: 3, y: 4});
    assert.ok(point.equals({x: 1, y: 2}, {x: 1, y: 2}));
    assert.throws(() => point.decode('nope'), /expected x:y/);
  });
});

describe('equality and copies', () => {
  it('compares lists, dates and json by value', () => {
    assert.ok(stateVar.list(stateVar.string()).equals(['a', 'b'], ['a', 'b']));
    assert.ok(!stateVar.list(stateVar.string()).equals(['a', 'b'], ['b', 'a']));
    assert.ok(stateVar.date().equals(new Date('2026-01-01'), new Date('2026-01-01')));
    assert.ok(stateVar.json(object({min: number()}), {min: 0}).equals({min: 1}, {min: 1}));
  });

  it('returns frozen fresh copies of lists and json', () => {
    const tags = stateVar.list(stateVar.string(), ['a']);
    const copy = tags.copy(tags.defaultValue);
    assert.notEqual(copy, tags.defaultValue);
    assert.ok(Object.isFrozen(copy));
    const filters = stateVar.json(object({min: number()}), {min: 0});
    assert.ok(Object.isFrozen(filters.copy({min: 2})));
  });
});

describe('a rejected text of a var with a valueMap', () => {
  it('says its tokens too in development (the kind alone would point at ws_pri=3, not at low, mid or high)', () => {
    const priority = stateVar.int(1, {valueMap: {1: 'low', 2: 'mid', 3: 'high'}});
    assert.throws(() => priority.decode('urgent'), {
      name: 'TypeError',
      message: /integer.*, nor one of low, mid, high$/,
    });
    assert.equal(priority.decode('mid'), 2);
    assert.equal(priority.decode('3'), 3); // the kind's own text still reads
  });
});
