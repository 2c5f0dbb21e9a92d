// Size budgets: deterministic, so they belong in the test suite (timings do not).
import {strict as assert} from 'node:assert';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {gzipSync} from 'node:zlib';
import {build} from 'esbuild';

const KiB = 1024;
const gzipSize = (bytes: Uint8Array | string) => gzipSync(bytes, {level: 9}).length;

/** Own code of the browser entry: minified with lit, @lit/context and superstruct left out. */
async function ownCode() {
  const result = await build({
    entryPoints: ['src/index.ts'], bundle: true, minify: true, write: false, format: 'esm', target: 'es2022',
    external: ['lit', 'lit/*', '@lit/context', 'superstruct'], logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

describe('size budgets', () => {
  it('own code stays within 6 KiB min+gzip', async () => {
    const size = gzipSize(await ownCode());
    console.log(`own code: ${(size / KiB).toFixed(2)} KiB min+gzip`);
    assert.ok(size <= 6 * KiB, `${size} bytes > 6 KiB`);
  });

  it('dist/page-state.js stays within 20 KiB gzip', () => {
    const size = gzipSize(readFileSync('dist/page-state.js'));
    console.log(`dist/page-state.js: ${(size / KiB).toFixed(2)} KiB gzip`);
    assert.ok(size <= 20 * KiB, `${size} bytes > 20 KiB`);
  });
});
