// The testing guide's examples of page-state/testing (docs/examples), run as written, in their own
// runner, against the packed package: they import 'page-state' and 'page-state/testing' by name,
// from the app folder scripts/bundles.mjs installed the tarball into.
import {strict as assert} from 'node:assert';
import {execFile} from 'node:child_process';
import {cpSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {promisify} from 'node:util';

const PKG = '.build/pkg';

describe("the testing guide's examples", () => {
  it('node:test (page-state in Node, the in-memory server): every test passes', async () => {
    cpSync('.build/docs/examples', `${PKG}/docs/examples`, {recursive: true});
    // A runner of its own: not a subtest of this one (node:test would pass its results up instead).
    const {NODE_TEST_CONTEXT: _, ...env} = process.env;
    const {stdout} = await promisify(execFile)(
      process.execPath,
      ['--test', '--test-reporter=tap', 'docs/examples/node-test.test.js'],
      {cwd: PKG, env},
    );
    assert.match(stdout, /# pass 4\n# fail 0/, stdout);
  });

  it('Vitest 4 with happy-dom (a Lit element) and with jsdom (a React component, @testing-library/react): every test passes', async () => {
    cpSync('docs/examples', `${PKG}/docs/examples`, {recursive: true});
    cpSync('test/testing/leak.vitest.ts', `${PKG}/test/testing/leak.vitest.ts`);
    const vitest = join(process.cwd(), 'node_modules/vitest/vitest.mjs');
    const {stdout} = await promisify(execFile)(
      process.execPath,
      [vitest, 'run', '--config', 'docs/examples/vitest.config.ts', '--reporter=verbose'],
      {cwd: PKG, env: {...process.env, NO_COLOR: '1'}},
    );
    assert.match(stdout, /Test Files {2}3 passed \(3\)/, stdout);
    assert.match(stdout, /Tests {2}7 passed \(7\)/, stdout);
  });

  it('Web Test Runner + @open-wc/testing in Chromium (a plain-HTML form with <state-bind>): every test passes', async () => {
    cpSync('.build/docs/examples/search-form.browser.test.js', `${PKG}/docs/examples/search-form.browser.test.js`);
    const wtr = join(process.cwd(), 'node_modules/@web/test-runner/dist/bin.js');
    const {stdout} = await promisify(execFile)(
      process.execPath,
      [
        wtr,
        '--config',
        join(process.cwd(), 'test/build/examples.wtr.config.mjs'),
        '--files',
        'docs/examples/search-form.browser.test.js',
      ],
      {cwd: PKG, env: {...process.env, NO_COLOR: '1'}},
    );
    assert.match(stdout, /1\/1 test files \| 2 passed, 0 failed/, stdout);
  });

  it('the testing guide shows each example as it is (the file itself, with <<<)', () => {
    const guide = readFileSync('docs/guides/testing.md', 'utf8');
    const files = [
      'node-test.test.ts',
      'search-box.happy-dom.test.ts',
      'ticket-title.jsdom.test.tsx',
      'search-form.browser.test.ts',
    ];
    assert.deepEqual(
      files.filter((file) => !guide.includes(`<<< @/examples/${file}`)),
      [],
    );
  });
});
