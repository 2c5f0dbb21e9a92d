// `npm run build`: the npm entry (ES modules + .d.ts, dependencies external), the CDN files (one
// self-contained minified ES module, and the same as a classic script with global PageState),
// custom-elements.json and the demo.
import {execFileSync} from 'node:child_process';
import {cpSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {build} from 'esbuild';
import {buildBundles} from './bundles.mjs';
import {devFlag, productionModule} from './dev-flag.mjs';
import {oneFile} from './one-file.mjs';
import {TSC_7} from './tools.mjs';

// --cdn: only the two CDN files, in a fraction of a second. --demo: what `npm start` needs (the
// npm entry, the CDN files and the micro-frontend bundles built from the packed package).
const cdnOnly = process.argv.includes('--cdn');
const demo = process.argv.includes('--demo');
if (!cdnOnly) {
  rmSync('dist', {recursive: true, force: true});
  execFileSync(process.execPath, [TSC_7, '-p', 'tsconfig.build.json'], {stdio: 'inherit'});
  // tsc's output is the development build (src/dev.ts says DEV = true): dist/development keeps
  // its modules (the `development` export condition), and dist/src and dist/elements become the
  // production build in place, beside the .d.ts both share.
  for (const folder of ['src', 'elements']) {
    cpSync(`dist/${folder}`, `dist/development/${folder}`, {recursive: true, filter: (f) => !f.endsWith('.d.ts')});
    for (const file of readdirSync(`dist/${folder}`, {recursive: true})) {
      if (file.endsWith('.js'))
        writeFileSync(`dist/${folder}/${file}`, await productionModule(`dist/${folder}/${file}`));
    }
  }
}

// The CDN files: production (minified, DEV off) and development (every message and the debug
// logger, readable), each as an ES module and as a classic script with global PageState. A page
// without a build step gets everything: both entries, every element defined.
const cdn = {
  entryPoints: ['src/cdn.ts'],
  bundle: true,
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
};
const production = {...cdn, minify: true, plugins: [oneFile, devFlag(false)]};
await build({...production, format: 'esm', outfile: 'dist/page-state.js'});
await build({...production, format: 'iife', globalName: 'PageState', outfile: 'dist/page-state.iife.js'});
await build({...cdn, format: 'esm', outfile: 'dist/page-state.dev.js'});
await build({...cdn, format: 'iife', globalName: 'PageState', outfile: 'dist/page-state.dev.iife.js'});
// <state-inspector>, loaded on demand: its own file, never part of the core's.
await build({
  ...production,
  stdin: undefined,
  entryPoints: ['src/inspector/index.ts'],
  format: 'esm',
  outfile: 'dist/page-state.inspector.js',
});
if (cdnOnly) process.exit(0);
// custom-elements.json for editors and docs, from the elements' TSDoc.
if (!demo)
  execFileSync(
    'npx',
    [
      'cem',
      'analyze',
      '--globs',
      'elements/*.ts',
      'src/index.ts',
      'src/inspector/element.ts',
      '--outdir',
      '.',
      '--quiet',
    ],
    {stdio: 'inherit'},
  );
// The micro-frontend bundles (and the tests' fixtures), from the package as npm packs it.
await buildBundles();
if (demo) process.exit(0);
// The demo too, so it cannot rot (demo/plain.html keeps its classic script: it is the CDN file).
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {stdio: 'inherit'});
console.log(
  'built dist/src (npm entry, production), dist/development, dist/page-state{,.dev}{,.iife}.js, .build/bundles, custom-elements.json and dist/demo',
);
