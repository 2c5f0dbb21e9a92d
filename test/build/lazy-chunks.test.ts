// The server client and the identity client are split off by a bundler (issue 37): an app that
// never persists to the server never loads them. Each app is bundled as a user's esbuild would
// (code splitting, production, lit left out) from the package as npm packs it, .build/pkg (made
// by `node scripts/build.mjs`).
import {strict as assert} from 'node:assert';
import {mkdirSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {build} from 'esbuild';

const APPS = resolve('.build/pkg/lazy-apps');
/** Text only the server client holds (the header that says an answer is page-state's), and text
 * only the identity client holds (where the browser remembers the identity it last saw). */
const CLIENTS = {server: 'page-state-protocol', identity: 'page-state/identity'};

/** A Lit app of URL state, and whatever `more` adds. */
const litApp = (more = '') => `
import {LitElement, html} from 'lit';
import {defineState, stateOf, stateVar, StateController} from 'page-state';
const App = defineState('App', {vars: {q: stateVar.string('')}});
customElements.define('my-el', class extends LitElement {
  s = new StateController(this, App);
  render() { return html\`\${this.s.state.q}\`; }
});
stateOf(App).set('q', 'shoes');
${more}`;

/** Bundles `app` with splitting; gives the text of the chunks its entry imports statically (what
 * a page loading it always loads) and of those it reaches only through `import()`. */
async function bundle(name: string, app: string) {
  mkdirSync(APPS, {recursive: true});
  writeFileSync(`${APPS}/${name}.js`, app);
  const {outputFiles, metafile} = await build({
    entryPoints: [`${APPS}/${name}.js`],
    outdir: `${APPS}/out`,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    external: ['lit', 'lit/*', '@lit/*', 'superstruct'],
    logLevel: 'silent',
    // The repository's tsconfig maps 'page-state' to the sources; a user's has no such paths.
    tsconfigRaw: {},
  });
  const text = new Map(outputFiles.map((file) => [file.path, file.text]));
  const [entry] = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint)!;
  const reached = (kind: 'import-statement' | 'dynamic-import', from: string[]) => {
    const seen = new Set(from);
    for (const path of seen)
      for (const imported of metafile.outputs[path]!.imports)
        if (!imported.external && (kind === 'dynamic-import' || imported.kind === kind)) seen.add(imported.path);
    return seen;
  };
  const always = reached('import-statement', [entry]);
  const lazy = [...reached('dynamic-import', [entry])].filter((path) => !always.has(path));
  const textOf = (paths: Iterable<string>) => [...paths].map((path) => text.get(resolve(path))!).join('\n');
  // The modules of the first load that are not in the entry's own file: what the entry shares
  // with a chunk loaded on demand, which the bundler puts in a file of its own.
  const apart = [...always]
    .filter((path) => path !== entry)
    .flatMap((path) => Object.keys(metafile.outputs[path]!.inputs))
    .map((input) => input.replace(/^.*\/page-state\/dist\//, ''));
  return {always: textOf(always), lazy: textOf(lazy), lazyChunks: lazy.length, apart};
}
const holds = (code: string) =>
  Object.entries(CLIENTS).flatMap(([client, only]) => (code.includes(only) ? [client] : []));

describe('the server and identity clients, split off by a bundler', () => {
  it('an app of URL state (defineState, stateVar.string, StateController, stateOf) loads neither', async () => {
    const {always, lazy, lazyChunks} = await bundle('url-app', litApp());
    assert.deepEqual(holds(always), [], 'what the page always loads');
    assert.ok(lazyChunks >= 1, 'a chunk reached only through import()');
    assert.deepEqual(holds(lazy), ['server', 'identity'], 'both in the chunk loaded on demand');
  });

  it("the chunk loaded on demand shares no module with the first load: every module of page-state the first load has is in the entry's file", async () => {
    // The client takes what it uses of the first load's modules as an argument (core-links.ts);
    // importing them would make esbuild move them into a file of their own, gzipped apart (~250 B
    // more). esbuild's own runtime helper (stateVar's namespace needs it) still goes there: no module of ours.
    const {apart, lazyChunks} = await bundle('url-app', litApp());
    assert.ok(lazyChunks >= 1, 'the server client is a chunk of its own');
    assert.deepEqual(apart, [], "modules of page-state in the first load's other files");
  });

  it("an app with persist: 'server' still gets both, when its first server namespace asks for them", async () => {
    const {always, lazy} = await bundle(
      'server-app',
      litApp(
        "stateOf(defineState('Notes', {persist: 'server', vars: {draft: stateVar.string('', {urlKey: false})}})).set('draft', 'call');",
      ),
    );
    assert.deepEqual(holds(always + lazy), ['server', 'identity']);
  });

  it('an app importing serverStorage and setIdentity by name has them at once', async () => {
    const {always} = await bundle(
      'named-app',
      `import {defineState, serverStorage, setIdentity, stateOf, stateVar} from 'page-state';
      setIdentity('ada');
      stateOf(defineState('Notes', {persist: serverStorage('/api/state'), vars: {draft: stateVar.string()}}));`,
    );
    assert.deepEqual(holds(always), ['server', 'identity']);
  });
});
