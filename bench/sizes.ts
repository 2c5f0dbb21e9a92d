// gzip size of each library's browser code, measured the same way (esbuild minify + gzip -9,
// framework dependencies left out).
import {readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';

// The production build's own switch (scripts are plain .mjs, shared with scripts/build.mjs).
const {devFlag} = (await import(pathToFileURL(resolve('scripts/dev-flag.mjs')).href)) as {
  devFlag(dev: boolean): Plugin;
};

/** gzip -9 size in bytes. */
export const gzipSize = (bytes: Uint8Array | string): number => gzipSync(bytes, {level: 9}).length;

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
    plugins: [...plugins, devFlag(false)],
  });
  return gzipSize(result.outputFiles[0]!.contents);
}

/**
 * page-state's own code in its production build, minified and gzipped, with lit, @lit/* and
 * superstruct left out: the measure of the size budget (test/build/size.test.ts) and of the
 * benchmark table alike.
 */
export const ownCode = (entry = `export * from './src/index.ts';`, plugins?: Plugin[]): Promise<number> =>
  gzipped(entry, OWN, plugins);

const OWN = ['lit', 'lit/*', '@lit/*', 'superstruct'];
/** What nuqs does (typed URL state, no storage, no elements): definitions, vars, stores, URL sync. */
const URL_CORE = `export {defineState} from './src/core/schema/define.ts'; export {stateVar} from './src/core/schema/state-var.ts';
export {StateScope} from './src/runtime/scope.ts'; export {StateStore} from './src/core/store/store.ts';
export {urlLayer} from './src/url/url-layer.ts'; export {UrlService} from './src/url/url-service.ts';
export {browserHistory} from './src/url/history-port.ts';`;

/** Only what nuqs does, of page-state's own code (production, min+gzip). */
export const urlCore = (): Promise<number> => ownCode(URL_CORE);
/** nuqs measured the same way, React and Next left out. */
export const nuqsSize = (): Promise<number> =>
  gzipped(`export * from 'nuqs';`, ['react', 'react/*', 'react-dom', 'next', 'next/*']);

export async function sizes() {
  return {
    pageState: await ownCode(),
    pageStateUrlCore: await urlCore(),
    cdn: gzipSize(readFileSync('dist/page-state.js')),
    inspector: gzipSize(readFileSync('dist/page-state.inspector.js')),
    nuqs: await nuqsSize(),
    nanostoresPersistent: await gzipped(`export * from 'nanostores'; export * from '@nanostores/persistent';`, []),
  };
}
