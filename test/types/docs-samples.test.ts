// Every code sample of the documentation is a file that npm test compiles (docs/tsconfig.json
// against the built package, tsconfig.json against the sources) and, for the recipes and
// examples, runs: the site shows each with VitePress's `<<< @/file` (so it cannot differ), and
// the README copies the few it shows word for word.
import {strict as assert} from 'node:assert';
import {readdirSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';

/** The site's written pages (the generated reference pages are the code's own TSDoc). */
const pages = readdirSync('docs', {recursive: true, encoding: 'utf8'})
  .filter((f) => f.endsWith('.md') && !f.startsWith('reference/api/') && f !== 'reference/elements.md')
  .map((f) => ({path: `docs/${f}`, text: readFileSync(`docs/${f}`, 'utf8')}));
const shown = pages.map((p) => p.text).join('\n');
/** The sample files: recipes, the testing examples and the snippets. */
const samples = ['recipes', 'examples', 'snippets'].flatMap((dir) =>
  readdirSync(`docs/${dir}`, {recursive: true, encoding: 'utf8'})
    .filter((f) => /\.(ts|tsx|html)$/.test(f) && !f.endsWith('vitest.config.ts'))
    .map((f) => `${dir}/${f}`),
);

describe('the documentation samples', () => {
  it('no page holds a TypeScript sample of its own: each is a file, shown with <<<', () => {
    const inline = pages.filter((p) => /^```(ts|tsx)\b/m.test(p.text)).map((p) => p.path);
    assert.deepEqual(inline, []);
  });

  it('every sample file is shown on a page of the site, as it is', () => {
    assert.ok(samples.length > 20, `${samples.length} samples`);
    const unshown = samples.filter((f) => !shown.includes(`<<< @/${f}`) && !shown.includes(`<!--@include: ../${f}-->`));
    assert.deepEqual(unshown, []);
  });

  it('every recipe, example and snippet a page names exists', () => {
    const named = [...shown.matchAll(/<<< @\/(\S+)/g)].map((m) => m[1]!);
    assert.deepEqual(
      named.filter((f) => !samples.includes(f)),
      [],
    );
  });
});
