// Size budgets: deterministic, so they belong in the test suite (timings do not). What an app pays
// is measured per scenario (issue 37, bench/scenarios.ts): a little real app bundled from the
// packed package as a user's production build bundles it, printed beside its peer's app bundled
// in the same run; the whole toolkit is a ratchet beside them.
import {strict as assert} from 'node:assert';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {firstLoadWithVite, measureScenarios, SCENARIOS, type ScenarioName} from '../../bench/scenarios.js';
import {gzipSize, ownCode} from '../../bench/sizes.js';

const KiB = 1024;
/**
 * Everything: the whole toolkit's own code (every browser entry, production, min+gzip, lit, @lit/*
 * and superstruct left out). No app pays for all of it; it is a ratchet that moves down, or up
 * only when a feature of the contract lands (its commit says by how much), never for a refactor,
 * unless the refactor takes more from what apps load than it adds here (its commit says both).
 * Its history, in KiB: 5.97 the foundation; 8.55 URL sync; 10.46 persistence; 12.30 declarative
 * elements; 13.76 adopting other writers' URL changes (issue 11); 14.43 snapshot() and
 * parseUrl/serializeUrl (issue 14); 15.27 <state-bind> binding any control (issue 13); 16.49 a
 * store's life in order (issue 21); 15.83 the production build, long texts behind DEV (issue 23);
 * 16.63 the identity client and per-namespace ttl (issues 24, 25); 16.31 trimmed without a change
 * of behaviour (issue 23); 16.44 the refresh test in routed apps (issue 34); 16.91 every mistake
 * loud (issue 35); 16.98 the house's storage and hydration state machines (issue 36); 17.06 pay for
 * what you use (issue 37: the markup elements' own entry, the server client loaded on first use and
 * the identity made on first need, one DOM event per key per task: +78 B); 17.05 the rest of the
 * house (issue 36: the entry's, the controller's and the delivery's state machines, paid for by
 * taking development leftovers out of production); 17.15 a page's start faster than nuqs (issue 37's
 * hydrate row: methods bound on first read, a landing's flush that parses nothing, the start's events
 * handed over at once: +75 B) and `<page-state>` without Lit's ReactiveElement (-2.2 KB in the CDN
 * file and for every page that uses it without Lit); 17.6 server state at first paint and clearAll
 * (issue 38: the bootstrap's read, the identity it names, the writes a leaving page still owed,
 * clearAll: +458 B); 17.66 the server client handed what it uses of the first load instead of
 * importing it (issue 37's chunk loaded on first use: esbuild no longer puts the modules both
 * import into a file of their own, gzipped apart from the entry; the URL scenario -233 B by
 * esbuild, unchanged by Vite, which kept them in the entry's file; the one-file builds, where the
 * client is no chunk, pay +70 B for the hand-over, core-links.ts); 17.69 markup mistakes a newcomer
 * met (issue 35's point 3: a binding of a namespace that could not be declared, or whose every var
 * is invalid, says that error instead of "not declared"; url-key="false"; a <state-bind> without a
 * path: +31 B, all in page-state/elements); 17.85 a reload while the server cannot take a write
 * keeps it (issue 35's point 1: on a reload whose read met no page-state answer, the next page
 * shows and owes what the one before still owed, once, never over its own writes, dropped by an
 * identity switch: +118 B; the hand-over in a module of its own, +13 B; all in the server client's
 * chunk), and markup problems kept per element's life (+29 B, page-state/elements); 17.86 a store
 * whose start failed (PS_CONFLICT) no longer left behind half made (+16 B, in every first load).
 */
const EVERYTHING_CEILING = 17.86 * KiB;
/**
 * The URL scenario's must is 11 KiB (issue 37); it is not met yet (esbuild keeps every var kind,
 * evanw/esbuild#1420, and the core itself is over), so until it is, what it weighs is a ratchet
 * that moves down, never up for a refactor: 13.64 KiB when the scenario budgets landed (issue
 * 37); 13.75 KiB for a page's start faster than nuqs (the reasons above); 13.83 KiB with the read of
 * the page's bootstrap (issue 38: +82 B), which runs synchronously when a namespace starts, so it
 * is in every first load that can persist, this one included; 13.57 KiB with the server client's
 * chunk sharing no module with the first load (-233 B); 13.56 KiB measured with one fixed chunk hash
 * (bench/scenarios.ts: the same code; the loader's import of the chunk named a hash that changed
 * with every edit of the chunk and moved this figure by up to 2 B); 13.57 KiB for a bug: a store whose
 * start failed (a PS_CONFLICT of its URL params) stayed registered half made, and the next call
 * got it and failed with a TypeError instead of the conflict (+15 B).
 */
const URL_SCENARIO_CEILING = 13.57 * KiB;

/** Every scenario's app and its peer's, bundled once for the whole file. */
let measuring: ReturnType<typeof measureScenarios> | undefined;
const scenarios = () => (measuring ??= measureScenarios());

/** Prints a scenario as "<title>: <size>; <peer> <size>: <ratio>x" and returns its bundles. */
async function printed(name: ScenarioName) {
  const {app, peer} = (await scenarios())[name];
  const {title, peer: peerOf} = SCENARIOS[name];
  const size = (bytes: number) => `${(bytes / KiB).toFixed(2)} KiB (${bytes.toLocaleString('en')} B)`;
  const lazy = app.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0);
  console.log(
    `${title}: ${size(app.gzip)} min+gzip${lazy ? ` (+ ${size(lazy)} on demand)` : ''}; ${peerOf.title} ${size(peer.gzip)}: ${(app.gzip / peer.gzip).toFixed(2)}x`,
  );
  return {app, peer};
}

describe('size budgets', () => {
  it(`URL state in a Lit app stays under its ratchet on the way to ${SCENARIOS.url.must / KiB} KiB, printed beside nuqs with its React adapter (goal: smaller than it)`, async () => {
    const {app} = await printed('url');
    const largest = app.initial[0]!.inputs.slice(0, 8).map((input) => input.replace(/^.*\/page-state\/dist\//, ''));
    console.log(`  the must: ${SCENARIOS.url.must} B, ${app.gzip - SCENARIOS.url.must} B to go`);
    // Printed, not asserted: the contract measures with esbuild, which keeps every var kind.
    const vite = await firstLoadWithVite(SCENARIOS.url.app);
    console.log(
      `  built by Vite 8 (Rolldown), which shakes the var kinds it does not use: ${vite} B, ${vite - SCENARIOS.url.must} B to go`,
    );
    assert.ok(
      app.gzip <= URL_SCENARIO_CEILING,
      `${app.gzip} B > its ${URL_SCENARIO_CEILING} B ratchet; its largest modules: ${largest.join(', ')}`,
    );
  });

  it('URL + session storage in a Lit app is printed beside nuqs + @nanostores/persistent, and pays for the storage layer its peer pays for', async () => {
    const {app, peer} = await printed('session');
    // No must: what the scenario holds is checked, so the printed number measures what it says.
    const holds = (bundle: typeof app, module: RegExp) =>
      bundle.initial.some((chunk) => chunk.inputs.some((input) => module.test(input)));
    assert.ok(holds(app, /\/persist\/storage-layer\.js$/), "page-state's storage layer is in its first load");
    assert.ok(holds(peer, /@nanostores\/persistent\//), '@nanostores/persistent is in its peer');
  });

  it('No build step: dist/page-state.js, Lit included, stays within 20 KiB gzip', () => {
    const size = gzipSize(readFileSync('dist/page-state.js'));
    console.log(`dist/page-state.js: ${(size / KiB).toFixed(2)} KiB gzip`);
    assert.ok(size <= 20 * KiB, `${size} bytes > 20 KiB`);
  });

  it("Everything: the whole toolkit's own code stays under its ratchet", async () => {
    const size = await ownCode();
    console.log(`everything: ${(size / KiB).toFixed(2)} KiB min+gzip (ratchet ${EVERYTHING_CEILING / KiB} KiB)`);
    assert.ok(size <= EVERYTHING_CEILING, `${size} bytes > the ${EVERYTHING_CEILING / KiB} KiB ratchet`);
  });

  it('dist/page-state.inspector.js, loaded on demand, stays within its own 8 KiB gzip', () => {
    const size = gzipSize(readFileSync('dist/page-state.inspector.js'));
    console.log(`dist/page-state.inspector.js: ${(size / KiB).toFixed(2)} KiB gzip`);
    assert.ok(size <= 8 * KiB, `${size} bytes > 8 KiB`);
  });
  it('page-state/testing is never in a page: no module of the browser entry imports it, and its own code stays within 4 KiB', async () => {
    const {build} = await import('esbuild');
    const bundle = async (entry: string, external: string[]) =>
      await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        write: false,
        metafile: true,
        format: 'esm',
        platform: 'browser',
        external,
        logLevel: 'silent',
      });
    const page = await bundle('src/index.ts', ['lit', 'lit/*', '@lit/*', 'superstruct']);
    assert.deepEqual(
      Object.keys(page.metafile.inputs).filter((input) => input.startsWith('src/testing/')),
      [],
    );
    // Its own files alone: everything it shares with the page (page-state itself) is left out.
    const own = await build({
      entryPoints: ['src/testing/index.ts'],
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      logLevel: 'silent',
      plugins: [
        {
          name: 'only-testing',
          setup: (b) =>
            b.onResolve({filter: /^\.\.?\//}, (args) =>
              args.kind === 'entry-point' || (args.resolveDir.includes('/src/testing') && args.path.startsWith('./'))
                ? undefined
                : {path: args.path, external: true},
            ),
        },
      ],
      external: ['@lit/context'],
    });
    const size = gzipSize(own.outputFiles[0]!.contents);
    console.log(`page-state/testing own code: ${(size / KiB).toFixed(2)} KiB min+gzip`);
    assert.ok(size <= 4 * KiB, `${size} bytes > 4 KiB`);
  });
});
