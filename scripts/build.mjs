// `npm run build`: the npm entry (ES modules + .d.ts, dependencies external), the CDN files (one
// self-contained minified ES module, and the same as a classic script with global PageState),
// custom-elements.json and the demo.
import {execFileSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {build} from 'esbuild';
import {buildBundles} from './bundles.mjs';

// --cdn: only the two CDN files, in a fraction of a second. --demo: what `npm start` needs (the
// npm entry, the CDN files and the micro-frontend bundles built from the packed package).
const cdnOnly = process.argv.includes('--cdn');
const demo = process.argv.includes('--demo');
if (!cdnOnly) {
  rmSync('dist', {recursive: true, force: true});
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'});
}

const cdn = {
  entryPoints: ['src/index.ts'],
  bundle: true,
  minify: true,
  target: 'es2022',
  conditions: ['production'],
  legalComments: 'none',
  logLevel: 'warning',
};
await build({...cdn, format: 'esm', outfile: 'dist/page-state.js'});
await build({...cdn, format: 'iife', globalName: 'PageState', outfile: 'dist/page-state.iife.js'});
if (cdnOnly) process.exit(0);
// custom-elements.json for editors and docs, from the elements' TSDoc.
if (!demo) execFileSync('npx', ['cem', 'analyze', '--globs', 'elements/*.ts', '--outdir', '.', '--quiet'], {stdio: 'inherit'});
// The micro-frontend bundles (and the tests' fixtures), from the package as npm packs it.
await buildBundles();
if (demo) process.exit(0);
// The demo too, so it cannot rot (demo/plain.html keeps its classic script: it is the CDN file).
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {stdio: 'inherit'});
console.log('built dist/src (npm entry), dist/page-state.js, dist/page-state.iife.js, .build/bundles, custom-elements.json and dist/demo');
