// The README's examples of page-state/testing (docs/examples), run as written, in their own
// runner, against the packed package: they import 'page-state' and 'page-state/testing' by name,
// from the app folder scripts/bundles.mjs installed the tarball into.
import {strict as assert} from 'node:assert';
import {execFile} from 'node:child_process';
import {cpSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {promisify} from 'node:util';

const PKG = '.build/pkg';

describe("the README's testing examples", () => {
  it('node:test (page-state in Node, the in-memory server): every test passes', async () => {
    cpSync('.build/docs/examples', `${PKG}/docs/examples`, {recursive: true});
    // A runner of its own: not a subtest of this one (node:test would pass its results up instead).
    const {NODE_TEST_CONTEXT: _, ...env} = process.env;
    const {stdout} = await promisify(execFile)(process.execPath, ['--test', '--test-reporter=tap', 'docs/examples/node-test.test.js'], {cwd: PKG, env});
    assert.match(stdout, /# pass 4\n# fail 0/, stdout);
  });

  it('the README shows each example as it is', () => {
    const readme = readFileSync('README.md', 'utf8');
    const code = readFileSync('docs/examples/node-test.test.ts', 'utf8').trimEnd();
    assert.ok(readme.includes('```ts\n' + code + '\n```'), 'README.md lacks docs/examples/node-test.test.ts, or shows another version of it');
  });
});
