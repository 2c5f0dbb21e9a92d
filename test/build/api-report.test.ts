// The public API of every entry is its checked-in API report (api/*.api.md, made by Microsoft's
// API Extractor from the built .d.ts): an export appears or changes only on purpose, with
// `node scripts/api-report.mjs --update`.
import {strict as assert} from 'node:assert';
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {pathToFileURL} from 'node:url';

type Script = {ENTRIES: Record<string, string>; apiReport(name: string, entry: string): {problems: string[]}};
// The script npm test and `--update` share (tests are compiled into .build/; scripts are not).
const {ENTRIES, apiReport} = (await import(pathToFileURL(resolve('scripts/api-report.mjs')).href)) as Script;

describe('API reports', () => {
  for (const [name, entry] of Object.entries(ENTRIES)) {
    it(`${name} is what api/${name}.api.md says`, () => {
      assert.deepEqual(apiReport(name, entry).problems, []);
    });
  }

  it('names every export of every report in the API at a glance of the README or of a docs guide', () => {
    // A guide's "API at a glance" runs to its next heading or its end (docs/guides/*.md).
    const glances = ['README.md', ...readdirSync('docs/guides').map((page) => `docs/guides/${page}`)].map((file) => {
      const text = readFileSync(file, 'utf8');
      const start = text.indexOf('## API at a glance');
      return start < 0 ? '' : text.slice(start, text.indexOf('\n## ', start + 1) >>> 0);
    });
    const listed = new Set(glances.join('\n').match(/\w+/g));
    const missing = Object.keys(ENTRIES).flatMap((name) =>
      [
        ...readFileSync(`api/${name}.api.md`, 'utf8').matchAll(
          /^export (?:declare )?(?:function|class|const|type|interface) (\w+)/gm,
        ),
      ]
        .map((m) => m[1]!)
        .filter((exported) => !listed.has(exported))
        .map((exported) => `${name}: ${exported}`),
    );
    assert.deepEqual(missing, []);
  });

  it('fails when an export is added without updating the report', () => {
    mkdirSync('.build/api-probe', {recursive: true});
    writeFileSync(
      '.build/api-probe/index.d.ts',
      "export * from '../../dist/src/index.js';\nexport declare const addedWithoutTheReport: number;\n",
    );
    const {problems} = apiReport('page-state', '.build/api-probe/index.d.ts');
    assert.ok(
      problems.some((p) => p.includes('differs from api/page-state.api.md')),
      problems.join('\n'),
    );
  });
});
