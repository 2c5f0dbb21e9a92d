// stateVar.json with real Standard Schema libraries (issue 22): zod 3 and 4, valibot, arktype,
// each validating, rejecting with its own message, and round-tripping through the URL as the
// browser and parseUrl/serializeUrl do. Their inferred types are checked by
// test/types/standard-schema.typetest.ts.
import {strict as assert} from 'node:assert';
import {describe, it} from 'node:test';
import {type} from 'arktype';
import * as v from 'valibot';
import {z} from 'zod';
import {z as z3} from 'zod3';
import {defineState} from '../../../src/core/schema/define.js';
import {stateVar} from '../../../src/core/schema/state-var.js';
import {parseUrl, serializeUrl} from '../../../src/core/url-codec/parse-serialize.js';

/** `{min: number >= 0, tags?: string[]}` in each library. */
const schemas = {
  'zod 4': z.object({min: z.number().min(0), tags: z.array(z.string()).optional()}),
  'zod 3': z3.object({min: z3.number().min(0), tags: z3.array(z3.string()).optional()}),
  valibot: v.object({min: v.pipe(v.number(), v.minValue(0)), tags: v.optional(v.array(v.string()))}),
  arktype: type({min: 'number >= 0', 'tags?': 'string[]'}),
};

for (const [library, schema] of Object.entries(schemas)) {
  describe(`stateVar.json with ${library}`, () => {
    const filters = stateVar.json(schema, {min: 0});
    const Listing = defineState(`Listing_${library.replace(/\W/g, '')}`, {urlPrefix: 'l_', vars: {filters}});

    it('accepts what the schema accepts, frozen', () => {
      assert.equal(filters.check({min: 3, tags: ['a']}), undefined);
      const copy = filters.copy({min: 3, tags: ['a']});
      assert.ok(Object.isFrozen(copy) && Object.isFrozen(copy.tags));
    });

    it('rejects what it rejects, with its message and the path', () => {
      for (const bad of [{min: -1}, {min: 'x'}, {tags: ['a']}, {min: 1, tags: [1]}]) {
        const reason = filters.check(bad);
        assert.equal(typeof reason, 'string', `${JSON.stringify(bad)} accepted`);
        assert.ok(reason!.length > 3);
      }
      assert.match(filters.check({min: 1, tags: [1]})!, /^tags\.0: /);
    });

    it('round-trips through the URL, and falls back on a param that fails the schema', () => {
      const link = serializeUrl(Listing, {filters: {min: 2, tags: ['x,y']}}, '/s');
      assert.equal(link, '/s?l_filters=%7B%22min%22:2,%22tags%22:%5B%22x,y%22%5D%7D'); // compact JSON, `,` and `:` readable
      assert.deepEqual(parseUrl(Listing, link).values.filters, {min: 2, tags: ['x,y']});
      const {values, errors} = parseUrl(Listing, '/s?l_filters={"min":-5}');
      assert.deepEqual(values.filters, {min: 0});
      assert.deepEqual(
        errors.map((e) => e.key),
        ['filters'],
      );
    });
  });
}
