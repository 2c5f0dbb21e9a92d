// One way to make the production build from the source: src/dev.ts's DEV constant turned off in
// every module that imports it. The import is dropped and DEV becomes a `define` (a global
// replaced while parsing), so esbuild folds each `if (DEV)` away; an imported constant, or one
// declared in the module, is inlined too late for that when bundling (measured: nothing dropped).
import {readFileSync} from 'node:fs';
import {transform} from 'esbuild';

const IMPORT_DEV = /^import \{ ?DEV ?\} from '[./]+(?:src\/)?dev\.js';$/m;

/** An esbuild plugin that builds page-state's modules with `DEV` set to `dev`. */
export const devFlag = (dev) => ({
  name: 'page-state-dev-flag',
  setup(build) {
    build.initialOptions.define = {...build.initialOptions.define, DEV: String(dev)};
    build.onLoad({filter: /[\\/](src|elements)[\\/].*\.[tj]s$/}, ({path}) => {
      const source = readFileSync(path, 'utf8');
      if (!IMPORT_DEV.test(source)) return undefined;
      return {contents: source.replace(IMPORT_DEV, ''), loader: path.endsWith('.ts') ? 'ts' : 'js'};
    });
  },
});

/** A compiled module of dist/ in its production form: its import of DEV replaced by `false`, dead
 * branches dropped (the file stays one module, readable, for bundlers to tree-shake). */
export async function productionModule(file) {
  const source = readFileSync(file, 'utf8');
  if (!IMPORT_DEV.test(source)) return source;
  const flagged = source.replace(IMPORT_DEV, '');
  const options = {
    format: 'esm',
    target: 'es2022',
    define: {DEV: 'false'},
    minifySyntax: true,
    treeShaking: true,
    legalComments: 'inline',
  };
  return (await transform(flagged, options)).code;
}
