import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {number, object, string} from 'superstruct';
import {defineState} from '../../src/core/schema/define.js';
import {stateVar} from '../../src/core/schema/state-var.js';
import {StateStore} from '../../src/core/store/store.js';
import {urlLayer} from '../../src/url/url-layer.js';
import {UrlService} from '../../src/url/url-service.js';
import {FakeHistory, flushed} from './fake-history.js';

const host = {change() {}, error() {}};
const text = fc.string({unit: 'grapheme'});
const day = fc
  .date({noInvalidDate: true, min: new Date(-1e14), max: new Date(1e14)})
  .map((d) => stateVar.date().copy(d) as Date);

const Every = defineState('Every', {
  urlPrefix: 'e_',
  vars: {
    s: stateVar.string('default'),
    i: stateVar.int(7),
    f: stateVar.float(0.5),
    b: stateVar.boolean(false),
    d: stateVar.date(null),
    t: stateVar.datetime(null),
    e: stateVar.enum(['a', 'b&c', 'd,e'] as const, 'a'),
    l: stateVar.list(stateVar.string(), []),
    n: stateVar.list(stateVar.int(), [1]),
    j: stateVar.json(object({min: number(), label: string()}), {min: 0, label: ''}),
    m: stateVar.int(1, {valueMap: {1: 'low', 2: 'high'}}),
    z: stateVar.string('x', {nullable: true}),
  },
});

const values = fc.record({
  s: text,
  i: fc.integer(),
  f: fc.double({noNaN: true, noDefaultInfinity: true}),
  b: fc.boolean(),
  d: fc.option(day, {nil: null}),
  t: fc.option(fc.date({noInvalidDate: true}), {nil: null}),
  e: fc.constantFrom('a' as const, 'b&c' as const, 'd,e' as const),
  l: fc.array(text),
  n: fc.array(fc.integer()),
  j: fc.record({min: fc.double({noNaN: true, noDefaultInfinity: true}), label: text}),
  m: fc.integer({min: 1, max: 3}),
  z: text,
});

/** A fresh page on `href`: a new service and a new store, as after a reload or a shared link. */
const openOn = (href: string) =>
  new StateStore(Every, {host, layers: [urlLayer(Every, new UrlService(new FakeHistory(href)), 'query')]});

describe('URL round trips', () => {
  it('every var type survives the URL: unicode, & = # % + , spaces, empty strings, empty lists', async () => {
    await fc.assert(
      fc.asyncProperty(values, async (v) => {
        const port = new FakeHistory();
        const store = new StateStore(Every, {host, layers: [urlLayer(Every, new UrlService(port), 'query')]});
        store.set(v);
        await flushed();
        const reloaded = openOn(port.url);
        for (const key of Every.keys) {
          assert.ok(
            Every.vars[key].equals(reloaded.get(key) as never, store.get(key) as never),
            `${key} via ${port.url}`,
          );
        }
      }),
      {seed: 20261122, numRuns: 200},
    );
  });

  it('10,000 random query strings never throw and always yield schema-valid state, polluting nothing', () => {
    const keys = fc.constantFrom(...Every.keys.map((k) => `e_${k}`), '__proto__', 'constructor', 'e___proto__', 'x');
    const query = fc
      .array(fc.tuple(keys, fc.string({unit: 'binary'})), {maxLength: 8})
      .map((pairs) =>
        pairs
          .map(([k, v]) => `${k}=${encodeURIComponent((v as unknown as {toWellFormed(): string}).toWellFormed())}`)
          .join('&'),
      );
    const prototypes = () =>
      [Object.prototype, Array.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join());
    const before = prototypes();
    fc.assert(
      fc.property(fc.oneof(query, fc.string({unit: 'binary'})), (search) => {
        const store = openOn(`https://app.test/?${search}`);
        for (const key of Every.keys) assert.equal(Every.vars[key].check(store.get(key)), undefined, key);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
        assert.equal(Object.getPrototypeOf(store.state), null);
        assert.deepEqual(prototypes(), before);
      }),
      {seed: 20261122, numRuns: 10_000},
    );
  });
});
