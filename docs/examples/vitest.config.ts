// The Vitest run of the testing guide's examples (test/build/examples.test.ts runs it in the folder the
// packed package is installed in): each example picks its DOM with an @vitest-environment comment.
import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {include: ['docs/examples/*.{happy-dom,jsdom}.test.{ts,tsx}', 'test/testing/*.vitest.ts']},
});
