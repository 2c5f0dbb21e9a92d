// Bundles built the way users build them, from the package as npm installs it: the package is
// packed (`npm pack`, so `files`, `exports` and `sideEffects` are the published ones) into
// .build/pkg/node_modules/page-state, and each entry is bundled by the real Vite or esbuild into
// .build/bundles/. The demo's micro-frontends page and the integration tests load these; they
// are built once per `npm test` (and by `npm start`), never by hand.
import {execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {build as esbuild} from 'esbuild';
import {build as vite} from 'vite';

const PKG = resolve('.build/pkg');
const OUT = resolve('.build/bundles');

/** A source rewrite applied to one file of the installed package (another version, protocol). */
const rewrite = (file, from, to) => ({file: `page-state/dist/src/${file}`, from, to});
const variants = {
  'other-version': rewrite('version.js', /VERSION = '[^']*'/, "VERSION = '0.0.9-other'"),
  'other-protocol': rewrite('runtime/protocol.js', /PROTOCOL = \d+/, 'PROTOCOL = 99'),
};

const vitePlugin = (change) => ({
  name: 'page-state-variant',
  transform: (code, id) =>
    change && id.replaceAll('\\', '/').endsWith(change.file) ? code.replace(change.from, change.to) : undefined,
});

/** Bundles `entry` (a file of .build/pkg) with Vite into `name`.js. */
async function withVite(entry, name, variant) {
  await vite({
    configFile: false,
    logLevel: 'error',
    root: PKG,
    plugins: [vitePlugin(variants[variant])],
    build: {
      outDir: OUT,
      emptyOutDir: false,
      minify: true,
      lib: {entry: resolve(PKG, entry), formats: ['es'], fileName: () => `${name}.js`},
    },
  });
}

/** Builds the app whose index.html is in `dir` (a folder of .build/pkg) with Vite, as `vite build`
 * builds a user's app, into .build/bundles/`name`/ (served from there: its assets' base). */
async function viteApp(dir, name) {
  await vite({
    configFile: false,
    logLevel: 'error',
    root: resolve(PKG, dir),
    base: `/.build/bundles/${name}/`,
    build: {outDir: resolve(OUT, name), emptyOutDir: true},
  });
}

/** Builds `entry` as `vite build --ssr` does (dependencies left to Node) into .build/pkg/ssr/`name`.js,
 * where Node resolves `page-state` to the packed package. */
async function withViteSsr(entry, name) {
  await vite({
    configFile: false,
    logLevel: 'error',
    root: PKG,
    build: {
      ssr: resolve(PKG, entry),
      outDir: resolve(PKG, 'ssr'),
      emptyOutDir: false,
      rollupOptions: {output: {entryFileNames: `${name}.js`}},
    },
  });
}

/** Bundles `entry` with esbuild into `name`.js (with code splitting: lazy chunks stay lazy). */
async function withEsbuild(entry, name, {platform = 'browser', nodeEnv = 'production'} = {}) {
  await esbuild({
    entryPoints: {[name]: resolve(PKG, entry)},
    bundle: true,
    splitting: true,
    format: 'esm',
    platform,
    minify: true,
    outdir: OUT,
    logLevel: 'warning',
    jsx: 'automatic',
    define: {'process.env.NODE_ENV': JSON.stringify(nodeEnv)},
  });
}

export async function buildBundles() {
  rmSync(PKG, {recursive: true, force: true});
  rmSync(OUT, {recursive: true, force: true});
  mkdirSync(`${PKG}/node_modules`, {recursive: true});
  // An app of its own: without it, 'page-state' would resolve as a self-reference of the repository.
  writeFileSync(`${PKG}/package.json`, JSON.stringify({name: 'page-state-fixtures', private: true, type: 'module'}));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', PKG], {encoding: 'utf8'})
    .trim()
    .split('\n')
    .at(-1);
  mkdirSync(`${PKG}/node_modules/page-state`);
  execFileSync('tar', ['-xzf', `${PKG}/${tarball}`, '-C', `${PKG}/node_modules/page-state`, '--strip-components=1']);
  // Entries import 'page-state' by name, as an app would; lit, react & co. resolve from the
  // repository. The folders keep their places, so relative imports (of docs/recipes) still hold.
  for (const dir of ['demo/mfe', 'test/fixtures', 'docs/recipes']) cpSync(dir, `${PKG}/${dir}`, {recursive: true});
  await Promise.all([
    withVite('demo/mfe/inbox.js', 'inbox'),
    withVite('demo/mfe/calendar.js', 'calendar'),
    withVite('demo/mfe/calendar.js', 'calendar-other-version', 'other-version'),
    withVite('demo/mfe/calendar.js', 'calendar-other-protocol', 'other-protocol'),
    withVite('test/fixtures/controller-only.js', 'controller-only.vite'),
    withEsbuild('test/fixtures/controller-only.js', 'controller-only.esbuild'),
    withVite('test/fixtures/bare-import.js', 'bare-import.vite'),
    withEsbuild('test/fixtures/bare-import.js', 'bare-import.esbuild'),
    withEsbuild('test/fixtures/router-app.js', 'router-app'),
    viteApp('test/fixtures/routed', 'routed'),
    // One app, its notes on the server or in session storage: the server client's lazy chunk.
    viteApp('test/fixtures/lazy-notes/server', 'lazy-server'),
    viteApp('test/fixtures/lazy-notes/local', 'lazy-local'),
    withVite('test/fixtures/error-name.js', 'error-name'),
    withEsbuild('test/fixtures/react-app.tsx', 'react-app'),
    // React's development build: its warnings (an update on a component not yet mounted) are on.
    withEsbuild('test/fixtures/react-scoped.tsx', 'react-scoped', {nodeEnv: 'development'}),
    withEsbuild('test/fixtures/react-memo.tsx', 'react-memo', {nodeEnv: 'development'}),
    withEsbuild('test/fixtures/vue-scoped.ts', 'vue-scoped'),
    withEsbuild('test/fixtures/vue-app.ts', 'vue-app'),
    withEsbuild('test/fixtures/shoelace.js', 'shoelace'),
    withEsbuild('test/fixtures/material.js', 'material'),
    withEsbuild('test/fixtures/webawesome.js', 'webawesome'),
    withEsbuild('test/fixtures/react-toggle.tsx', 'react-toggle'),
    withEsbuild('test/fixtures/vue-toggle.ts', 'vue-toggle'),
    withEsbuild('test/fixtures/devtools-remote.ts', 'devtools-remote'),
    // A server's bundle of page-state/core: it must import and run in Node, with no DOM.
    withEsbuild('docs/recipes/server.ts', 'server-recipe', {platform: 'node'}),
    // A server-rendered module importing the main entry, built the way Vite SSR builds it.
    withViteSsr('test/fixtures/ssr-entry.js', 'ssr-entry'),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildBundles();
  console.log(`built ${readdirSync(OUT).length} files in .build/bundles`);
}
