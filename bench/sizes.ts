// gzip size of each library's browser code, measured the same way (esbuild minify + gzip -9,
// framework dependencies left out): the scenarios of bench/scenarios.ts, and the whole toolkit.
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {gzipSize, measureScenarios, type ScenarioName, sourceOf} from './scenarios.js';

export {gzipSize};

// The production build's own switch (scripts are plain .mjs, shared with scripts/build.mjs).
const {devFlag} = (await import(pathToFileURL(resolve('scripts/dev-flag.mjs')).href)) as {
  devFlag(dev: boolean): Plugin;
};
// One file, as the CDN file is built: the server client imported at once (it has no chunk to load later).
const {oneFile} = (await import(pathToFileURL(resolve('scripts/one-file.mjs')).href)) as {oneFile: Plugin};

async function gzipped(contents: string, external: string[], plugins: Plugin[] = []) {
  const result = await build({
    stdin: {contents, resolveDir: process.cwd(), loader: 'ts'},
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    external,
    logLevel: 'silent',
    plugins: [...plugins, oneFile, devFlag(false)],
  });
  return gzipSize(result.outputFiles[0]!.contents);
}

/** Every browser entry an app may import (`page-state`, and `page-state/elements` once it exists). */
const EVERYTHING = ['.', './elements']
  .map(sourceOf)
  .filter((source) => source !== undefined)
  .map((source) => `export * from './${source}';`)
  .join('\n');

/**
 * The whole toolkit's own code in its production build, minified and gzipped, with lit, @lit/*
 * and superstruct left out: the "everything" ratchet of test/build/size.test.ts, and what
 * `npm run budget` takes parts out of.
 */
export const ownCode = (entry = EVERYTHING, plugins?: Plugin[]): Promise<number> => gzipped(entry, OWN, plugins);

const OWN = ['lit', 'lit/*', '@lit/*', 'superstruct'];
/** What nuqs does (typed URL state, no storage, no elements): definitions, vars, stores, URL sync. */
const URL_CORE = `export {defineState} from './src/core/schema/define.ts'; export {stateVar} from './src/core/schema/state-var.ts';
export {StateScope} from './src/runtime/scope.ts'; export {StateStore} from './src/core/store/store.ts';
export {urlLayer} from './src/url/url-layer.ts'; export {UrlService} from './src/url/url-service.ts';
export {browserHistory} from './src/url/history-port.ts';`;

/** Only what nuqs does, of page-state's own code (production, min+gzip): a quick measure while
 * trimming; the budget is the "URL state in a Lit app" scenario's. */
export const urlCore = (): Promise<number> => ownCode(URL_CORE);

/** Every size the bench prints: each scenario beside its peer, the CDN files, the whole toolkit. */
export async function sizes() {
  const scenarios = await measureScenarios();
  return {
    scenarios: Object.fromEntries(
      Object.entries(scenarios).map(([name, {app, peer}]) => [
        name,
        {pageState: app.gzip, peer: peer.gzip, onDemand: app.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0)},
      ]),
    ) as Record<ScenarioName, {pageState: number; peer: number; onDemand: number}>,
    cdn: gzipSize(readFileSync('dist/page-state.js')),
    everything: await ownCode(),
    inspector: gzipSize(readFileSync('dist/page-state.inspector.js')),
  };
}
