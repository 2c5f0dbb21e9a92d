// Unused parts cost nothing (issue 37): the "URL state in a Lit app" scenario's first load, bundled
// from the packed package (bench/scenarios.ts), holds no module of a part it does not use, and no
// string only that part has. Each string is first found where the part is used (the CDN files
// define and export everything), so a string the minifier renamed or a module that moved fails
// here instead of passing unseen. The var kinds an app does not declare (list, json, date...)
// are checked by var-kinds.test.ts with Vite's bundler: esbuild keeps a namespace another module
// re-exports whole (evanw/esbuild#1420), so `stateVar` is shaken member by member by Rolldown,
// Rollup and webpack, and not by esbuild.
import {strict as assert} from 'node:assert';
import {readdirSync, readFileSync} from 'node:fs';
import {before, describe, it} from 'node:test';
import {type AppBundle, bundleApp, PACKED, SCENARIOS} from '../../bench/scenarios.js';

interface Part {
  /** Modules only this part has, as paths of the packed package (none: it shares its module). */
  modules?: RegExp;
  /** A string only this part has that survives minification, and why it is only this part's. */
  marker: string;
  why: string;
  /** The CDN file it is searched in first: the development one for what production drops. */
  foundIn: 'dist/page-state.js' | 'dist/page-state.dev.js';
}

const PARTS: Record<string, Part> = {
  'the markup elements': {
    modules: /\/elements\/state-(bind|namespace|var|focus)\.js$/,
    marker: 'state-namespace',
    why: 'the tag name <state-namespace> is defined under; <page-state> (in the scenario) never names it',
    foundIn: 'dist/page-state.js',
  },
  'the server storage client': {
    modules: /\/persist\/server-client\.js$/,
    marker: 'page-state-protocol',
    why: "the header telling a session handler's answer from any other; only the server half (never in a page) and this client name it",
    foundIn: 'dist/page-state.js',
  },
  'the identity client': {
    modules: /\/persist\/identity-hub\.js$/,
    marker: 'page-state/identity',
    why: 'the localStorage key of the identity the browser last saw (storage keys of namespaces are page-state:…)',
    foundIn: 'dist/page-state.js',
  },
  'the debug logger': {
    modules: /\/debug\/log\.js$/,
    marker: '"debug"',
    why: 'the localStorage key of the debug switch, read by the logger alone (production drops it: it is searched in the development file)',
    foundIn: 'dist/page-state.dev.js',
  },
};

describe('unused parts cost nothing: the "URL state in a Lit app" scenario holds none of them', () => {
  let app: AppBundle;
  let packed: string[];
  before(async () => {
    app = await bundleApp(SCENARIOS.url.app);
    packed = readdirSync(`${PACKED}/dist`, {recursive: true, encoding: 'utf8'}).map((file) => `/dist/${file}`);
  });

  for (const [part, {modules, marker, why, foundIn}] of Object.entries(PARTS)) {
    it(`${part}: none of its modules, nor "${marker}"`, () => {
      assert.ok(readFileSync(foundIn, 'utf8').includes(marker), `"${marker}" is not in ${foundIn}: pick another`);
      if (modules)
        assert.ok(
          packed.some((file) => modules.test(file)),
          `no packed module matches ${modules}`,
        );
      const loaded = app.initial.flatMap((chunk) => chunk.inputs).filter((input) => modules?.test(input));
      const holding = app.initial.filter((chunk) => chunk.text.includes(marker)).map((chunk) => chunk.path);
      assert.deepEqual({modules: loaded, holding}, {modules: [], holding: []}, `${part} is in the first load (${why})`);
    });
  }
});
