// Scenario budgets (issue 37): what an app pays for page-state is what a little real app of
// bench/scenarios/ weighs once a user's bundler has bundled it, beside the same app written with
// its peer. Bundled by esbuild as a production build bundles it (minified, NODE_ENV production,
// code split so a lazily imported part stays out of the first load), gzip -9, the framework
// left out (lit and @lit/* for page-state, react and react-dom for nuqs).
import {copyFileSync, existsSync, mkdirSync, readFileSync} from 'node:fs';
import {basename, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {gzipSync} from 'node:zlib';
import {build, type Metafile, type Plugin} from 'esbuild';
import type {Rollup} from 'vite';

const {devFlag} = (await import(pathToFileURL(resolve('scripts/dev-flag.mjs')).href)) as {
  devFlag(dev: boolean): Plugin;
};

/** The package as npm installs it (`npm pack`, unpacked by scripts/bundles.mjs during `node scripts/build.mjs`). */
export const PACKED = '.build/pkg/node_modules/page-state';
const KiB = 1024;

/** gzip -9 size in bytes. */
export const gzipSize = (bytes: Uint8Array | string): number => gzipSync(bytes, {level: 9}).length;

/** Each scenario: its app, its peer's, and its must (bytes) where the contract sets one. */
export const SCENARIOS = {
  url: {
    title: 'URL state in a Lit app',
    app: 'bench/scenarios/url-lit.ts',
    peer: {title: 'nuqs + its React adapter', app: 'bench/scenarios/nuqs-url.tsx'},
    must: 11 * KiB,
  },
  session: {
    title: 'URL + session storage in a Lit app',
    app: 'bench/scenarios/url-session-lit.ts',
    peer: {title: 'nuqs + @nanostores/persistent', app: 'bench/scenarios/nuqs-persistent.tsx'},
    must: undefined,
  },
} as const;
export type ScenarioName = keyof typeof SCENARIOS;

/** One file of a bundle, as a browser fetches it. */
export interface Chunk {
  path: string;
  text: string;
  gzip: number;
  /** The modules whose code it holds, largest first (paths relative to the project root). */
  inputs: string[];
}

/** An app's bundle: what its first load fetches (the entry and what it imports statically),
 * and what it may fetch later (`import()`). `gzip` is the first load's, each file gzipped alone. */
export interface AppBundle {
  gzip: number;
  initial: Chunk[];
  lazy: Chunk[];
}

/**
 * `package`: page-state resolved by name through the `exports` of the packed package (its default
 * conditions: the production build). `sources`: through the same `exports`, each target mapped to
 * its source (dist/src/x.js -> src/x.ts) and built with DEV off, so `npm run budget` can stub
 * modules out without a build.
 */
export type From = 'package' | 'sources';

/** The source module of an `exports` entry of package.json (`.`, `./elements`), or undefined. */
export function sourceOf(entry: string): string | undefined {
  const target = (JSON.parse(readFileSync('package.json', 'utf8')).exports as Record<string, unknown>)[entry] as
    string | Record<string, string> | undefined;
  const file = typeof target === 'string' ? target : (target?.import ?? target?.default);
  return file?.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts');
}

const pageState = (from: From): Plugin => ({
  name: 'page-state-by-name',
  setup(b) {
    b.onResolve({filter: /^page-state(\/|$)/}, async ({path, kind, pluginData}) => {
      if (from === 'sources') {
        const source = sourceOf(`.${path.slice('page-state'.length)}`);
        return source ? {path: resolve(source)} : {errors: [{text: `package.json exports no ${path}`}]};
      }
      // The packed package, found as an app's bundler finds it: in the node_modules of its app.
      if (pluginData !== 'by-name')
        return b.resolve(path, {kind, resolveDir: resolve(PACKED, '../..'), pluginData: 'by-name'});
      return undefined;
    });
  },
});

/** Bundles `app` (a path from the project root) as a user's production build does. */
export async function bundleApp(app: string, from: From = 'package', plugins: Plugin[] = []): Promise<AppBundle> {
  if (from === 'package' && !existsSync(PACKED))
    throw new Error(`${PACKED} is missing: run \`node scripts/build.mjs\` first (it packs the package)`);
  const result = await build({
    entryPoints: [app],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outdir: '.build/scenarios',
    jsx: 'automatic',
    // The repository's tsconfig maps `page-state` to its sources (for type checks); an app does not.
    tsconfigRaw: '{}',
    define: {'process.env.NODE_ENV': '"production"'},
    external: ['lit', 'lit/*', '@lit/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
    logLevel: 'silent',
    plugins: [pageState(from), ...plugins, ...(from === 'sources' ? [devFlag(false)] : [])],
  });
  const {outputs} = result.metafile as Metafile;
  const chunk = (path: string): Chunk => {
    const text = result.outputFiles.find((f) => f.path === resolve(path))!.text;
    const inputs = Object.entries(outputs[path]!.inputs).filter(([, {bytesInOutput}]) => bytesInOutput > 0);
    inputs.sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
    // The hashes in chunk names (esbuild's, 8 characters) change with the chunk's content and gzip
    // differently by a byte or two: measured as one fixed hash, an edit of a chunk loaded on demand
    // does not move the first load's figure.
    const measured = text.replace(/-[A-Z0-9]{8}\.js\b/g, '-00000000.js');
    return {path, text, gzip: gzipSize(measured), inputs: inputs.map(([input]) => input)};
  };
  // The first load: the entry, and every chunk it imports statically (a shared chunk of code split off).
  const initial = new Set([Object.keys(outputs).find((path) => outputs[path]!.entryPoint)!]);
  for (const path of initial)
    for (const {path: imported, kind, external} of outputs[path]!.imports)
      if (!external && kind === 'import-statement') initial.add(imported);
  const js = Object.keys(outputs).filter((path) => path.endsWith('.js'));
  const first = [...initial].map(chunk);
  return {
    gzip: first.reduce((sum, c) => sum + c.gzip, 0),
    initial: first,
    lazy: js.filter((path) => !initial.has(path)).map(chunk),
  };
}

/** Every scenario's app and its peer's, bundled in one run. */
export async function measureScenarios(): Promise<Record<ScenarioName, {app: AppBundle; peer: AppBundle}>> {
  const names = Object.keys(SCENARIOS) as ScenarioName[];
  const measured = await Promise.all(
    names.map(async (name) => ({
      app: await bundleApp(SCENARIOS[name].app),
      peer: await bundleApp(SCENARIOS[name].peer.app),
    })),
  );
  return Object.fromEntries(names.map((name, i) => [name, measured[i]!])) as Record<
    ScenarioName,
    {app: AppBundle; peer: AppBundle}
  >;
}

/**
 * The first load of `app` (a path from the project root) as Vite 8 (Rolldown) builds an app for
 * production from the packed package, lit left out: gzip -9 of the entry and of the chunks it
 * imports statically. The contract measures with esbuild; this is printed beside it because
 * Rolldown shakes `stateVar`, a module namespace that page-state re-exports, member by member,
 * and esbuild keeps every var kind (evanw/esbuild#1420).
 */
export async function firstLoadWithVite(app: string): Promise<number> {
  const {build: vite} = await import('vite');
  // In the packed package's node_modules' parent, where an app of its own finds `page-state`.
  const root = resolve(PACKED, '../../vite-scenarios');
  mkdirSync(root, {recursive: true});
  const entry = resolve(root, basename(app));
  copyFileSync(app, entry);
  const [result] = [
    (await vite({
      configFile: false,
      logLevel: 'silent',
      root,
      build: {
        write: false,
        minify: true,
        target: 'es2022',
        modulePreload: false,
        // An app's build (no library's): what the chunk loaded on demand shares with the first
        // load goes into the entry's file, as in a Vite app with an index.html.
        rollupOptions: {input: entry, external: [/^lit($|\/)/, /^@lit\//]},
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[],
  ].flat();
  const chunks = result!.output.filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
  const first = new Set([chunks.find((chunk) => chunk.isEntry)!.fileName]);
  for (const fileName of first)
    for (const imported of chunks.find((chunk) => chunk.fileName === fileName)!.imports)
      if (chunks.some((chunk) => chunk.fileName === imported)) first.add(imported);
  return chunks.filter((chunk) => first.has(chunk.fileName)).reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
}
