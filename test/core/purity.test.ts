import {strict as assert} from 'node:assert';
import {readdirSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import pkg from '../../package.json' with {type: 'json'};
import {VERSION} from '../../src/version.js';

// Compiled to .build/test/core; the sources sit three levels up.
const core = fileURLToPath(new URL('../../../src/core/', import.meta.url));

describe('src/core purity', () => {
  it('imports neither lit nor DOM globals (tsconfig.core.json also compiles it without the DOM lib)', () => {
    // Every module of core, in its folders by idea.
    const files = readdirSync(core, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 5);
    for (const file of files) {
      // Code only: documentation examples may well show DOM usage.
      const text = readFileSync(core + file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      assert.doesNotMatch(text, /from ['"](lit|@lit\/)/, file);
      assert.doesNotMatch(
        text,
        /\b(window|document|location|localStorage|sessionStorage)\.|\bhistory\.(pushState|replaceState|state)\b/,
        file,
      );
    }
  });

  it('states the package version', () => {
    assert.equal(VERSION, pkg.version);
  });
});
