// Unused parts cost nothing (issue 37): an app bundled from the package as npm packs it (.build/pkg,
// made by `node scripts/build.mjs`) pays for the var kinds it declares and for no markup element.
// Vite 8 (Rolldown) shakes `stateVar`, a module namespace, member by member. esbuild cannot shake a
// namespace that a module re-exports (evanw/esbuild#1420): there every kind stays, which the last
// test records so that the day esbuild learns it, this file says so.
import {strict as assert} from 'node:assert';
import {mkdirSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {build as esbuild} from 'esbuild';
import {build as vite, type Rollup} from 'vite';

const APP = resolve('.build/pkg/var-kinds');
const LIT = [/^lit($|\/)/, /^@lit\//];

/** A text each kind's code holds and no other part of the package does (its error reasons). */
const KINDS = {
  string: 'a string',
  int: 'is not an integer',
  float: 'is not a number',
  boolean: 'is not true or false',
  enum: 'is not one of',
  date: 'is not a date (YYYY-MM-DD)',
  datetime: 'is not an ISO-8601 date-time',
  list: 'a list ends with a lone backslash',
  json: 'not valid JSON',
  custom: 'expected the serialized text',
};
type Kind = keyof typeof KINDS;
const ALL = Object.keys(KINDS) as Kind[];
/** What the markup elements' code holds (their tag names, in `define` and `closest`). */
const MARKUP = ['state-bind', 'state-namespace', 'state-var', 'state-focus'];

/** A Lit app's module declaring one var of each kind given, with the controller, as a user writes it. */
function app(name: string, kinds: readonly Kind[]): string {
  const make: Record<Kind, string> = {
    string: `stateVar.string('')`,
    int: `stateVar.int(1)`,
    float: `stateVar.float(0.5)`,
    boolean: `stateVar.boolean(false)`,
    enum: `stateVar.enum(['a', 'b'], 'a')`,
    date: `stateVar.date(null)`,
    datetime: `stateVar.datetime(null)`,
    list: `stateVar.list(stateVar.int(), [])`,
    json: `stateVar.json({'~standard': {version: 1, vendor: 'app', validate: (value) => ({value})}}, null, {nullable: true})`,
    custom: `stateVar.custom({struct: {validate: () => []}, parse: (t) => t, serialize: (v) => v}, '')`,
  };
  mkdirSync(APP, {recursive: true});
  const file = `${APP}/${name}.js`;
  writeFileSync(
    file,
    `import {LitElement, html} from 'lit';
import {defineState, stateVar, StateController} from 'page-state';
const App = defineState('App', {vars: {${kinds.map((k) => `${k}: ${make[k]}`).join(', ')}}});
customElements.define('my-app', class extends LitElement {
  app = new StateController(this, App);
  render() { return html\`\${JSON.stringify(this.app.store.dump())}\`; }
});
`,
  );
  return file;
}

async function withVite(entry: string): Promise<string> {
  const result = (await vite({
    configFile: false,
    logLevel: 'silent',
    root: APP,
    build: {write: false, minify: true, lib: {entry, formats: ['es'], fileName: 'app'}, rollupOptions: {external: LIT}},
  })) as Rollup.RollupOutput[];
  return result[0]!.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
}

async function withEsbuild(entry: string): Promise<string> {
  const result = await esbuild({
    // The repository's tsconfig maps 'page-state' to the sources; a user's has no such paths.
    tsconfigRaw: {},
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    external: ['lit', 'lit/*', '@lit/*'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const held = (code: string, texts: Record<string, string> | string[]) =>
  Object.entries(texts)
    .filter(([, text]) => code.includes(text))
    .map(([name, text]) => (Array.isArray(texts) ? text : name));

describe('what an app bundled from the package pays for', () => {
  it('Vite (Rolldown): an app of string and int vars holds those two kinds and no other, and no markup element', async () => {
    const code = await withVite(app('string-int', ['string', 'int']));
    assert.deepEqual(held(code, KINDS), ['string', 'int']);
    assert.deepEqual(held(code, MARKUP), []);
  });

  it('Vite (Rolldown): every kind an app declares is there (the texts above do mark each kind)', async () => {
    const code = await withVite(app('every-kind', ALL));
    assert.deepEqual(held(code, KINDS), ALL);
  });

  it('Vite (Rolldown): each kind alone brings only itself (list: its item kind too)', async () => {
    for (const kind of ['float', 'date', 'json', 'custom'] as const) {
      const code = await withVite(app(`only-${kind}`, [kind]));
      assert.deepEqual(held(code, KINDS), [kind], kind);
    }
    assert.deepEqual(held(await withVite(app('only-list', ['list'])), KINDS), ['int', 'list']);
  });

  it('esbuild: no markup element either; every kind stays (a re-exported namespace is not shaken)', async () => {
    const code = await withEsbuild(app('string-int-esbuild', ['string', 'int']));
    assert.deepEqual(held(code, MARKUP), []);
    assert.deepEqual(held(code, KINDS), ALL);
  });
});
