// The README's recipes are the files npm test type-checks and runs (docs/recipes): word for word.
import {strict as assert} from 'node:assert';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';

describe('README recipes', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const recipe of [
    'lifecycle',
    'react',
    'vue',
    'server',
    'session-server',
    'devtools-remote',
    'signed-in-express',
    'signed-in-jwt',
  ]) {
    it(`shows docs/recipes/${recipe}.ts as it is`, () => {
      const code = readFileSync(`docs/recipes/${recipe}.ts`, 'utf8').trimEnd();
      assert.ok(
        readme.includes('```ts\n' + code + '\n```'),
        `README.md lacks docs/recipes/${recipe}.ts, or shows another version of it`,
      );
    });
  }
});
