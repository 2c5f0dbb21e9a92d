// Compile-only: a var's value type is what the Standard Schema library infers (issue 22).
import {type} from 'arktype';
import * as v from 'valibot';
import {z} from 'zod';
import {z as z3} from 'zod3';
import {stateVar, type ValueOf} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(_: T) => _;
type Filters = {readonly min: number; readonly tags?: readonly string[] | undefined};

const fromZod4 = stateVar.json(z.object({min: z.number(), tags: z.array(z.string()).optional()}), {min: 0});
const fromZod3 = stateVar.json(z3.object({min: z3.number(), tags: z3.array(z3.string()).optional()}), {min: 0});
const fromValibot = stateVar.json(v.object({min: v.number(), tags: v.optional(v.array(v.string()))}), {min: 0});
const fromArktype = stateVar.json(type({min: 'number', 'tags?': 'string[]'}), {min: 0});

expectType<Equal<ValueOf<typeof fromZod4>, Filters>>(true);
expectType<Equal<ValueOf<typeof fromZod3>, Filters>>(true);
expectType<Equal<ValueOf<typeof fromValibot>, Filters>>(true);
expectType<Equal<ValueOf<typeof fromArktype>, {readonly min: number; readonly tags?: readonly string[]}>>(true);

// @ts-expect-error a default the schema's type does not allow
stateVar.json(z.object({min: z.number()}), {min: 'x'});
