// The public API of every entry is its checked-in API report (api/*.api.md, made by Microsoft's
// API Extractor from the built .d.ts): an export appears or changes only on purpose, with
// `node scripts/api-report.mjs --update`.
import {strict as assert} from 'node:assert';
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {pathToFileURL} from 'node:url';
import {apiExamples, htmlMistakes, writeExamples} from './api-examples.js';

type Script = {
  ENTRIES: Record<string, string>;
  MODEL_DIR: string;
  apiReport(name: string, entry: string, options?: {model?: boolean}): {problems: string[]};
};
// The script npm test and `--update` share (tests are compiled into .build/; scripts are not).
const {ENTRIES, MODEL_DIR, apiReport} = (await import(pathToFileURL(resolve('scripts/api-report.mjs')).href)) as Script;

describe('API reports', () => {
  for (const [name, entry] of Object.entries(ENTRIES)) {
    it(`${name} is what api/${name}.api.md says`, () => {
      // The doc model is written too: the site's reference (test/e2e/docs-site) is made from it.
      assert.deepEqual(apiReport(name, entry, {model: true}).problems, []);
    });
  }

  it("names every export of every report in the site's API at a glance", () => {
    const glance = readFileSync('docs/reference/index.md', 'utf8');
    const listed = new Set(glance.match(/\w+/g));
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

  // After the reports: they wrote the models the reference pages (and these examples) come from.
  it('every TypeScript @example the reference shows compiles against the packed package', () => {
    const dir = '.build/pkg/api-examples';
    // One example that must not compile, written out like the others (its imports and fixture
    // found the same way): the check sees the package's and the fixture's types, not `any`.
    const found = apiExamples(MODEL_DIR);
    const canary = {entry: 'page-state', symbol: 'canary', language: 'ts', code: "store.set('priority', 'x');"};
    const files = writeExamples(dir, {...found, examples: [...found.examples, canary]});
    assert.ok(files.length > 100, `${files.length} examples`);
    const docs = JSON.parse(readFileSync('docs/tsconfig.json', 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
      compilerOptions: object;
    };
    writeFileSync(
      `${dir}/tsconfig.json`,
      JSON.stringify({compilerOptions: {...docs.compilerOptions, types: ['node']}, include: ['*.ts']}),
    );
    const {stdout, status} = spawnSync(
      process.execPath,
      ['node_modules/typescript-7/bin/tsc', '-p', `${dir}/tsconfig.json`],
      {encoding: 'utf8'},
    );
    const errors = stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    assert.deepEqual(
      errors.filter((line) => !line.includes('.canary.')),
      [],
    );
    assert.equal(errors.filter((line) => line.includes('.canary.')).length, 1, stdout);
    assert.equal(status, 1, 'tsc ran to its end and failed on the canary alone');
  });

  it("every HTML @example uses only our elements' attributes and the package's pinned CDN URL", () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
      modules: {declarations?: {tagName?: string; attributes?: {name: string}[]}[]}[];
    };
    const attributes = new Map(
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.tagName)
        .map((d) => [d.tagName!, new Set((d.attributes ?? []).map((a) => a.name))]),
    );
    const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string};
    const cdn = `https://cdn.jsdelivr.net/npm/page-state@${version}/dist/`;
    const {examples} = apiExamples(MODEL_DIR);
    assert.ok(examples.filter((e) => e.language === 'html').length >= 5);
    assert.deepEqual(htmlMistakes(examples, attributes, cdn), []);
    // The check can fail: a typo of an attribute, and a script from elsewhere.
    const typo = {entry: 'page-state/elements', symbol: 'canary', language: 'html'};
    assert.deepEqual(
      htmlMistakes(
        [
          {
            ...typo,
            code: '<state-var name="p" urlkey="p"></state-var><script src="https://cdn.example/x.js"></script>',
          },
        ],
        attributes,
        cdn,
      ),
      ['canary: <state-var> has no attribute "urlkey"', `canary: a script from https://cdn.example/x.js, not ${cdn}`],
    );
  });
});
