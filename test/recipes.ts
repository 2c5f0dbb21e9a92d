import {cpSync} from 'node:fs';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

/**
 * A recipe of docs/examples (`first-paint/express`), as compiled, beside the packed package
 * (.build/pkg, made by `node scripts/build.mjs`): there its `import 'page-state/server'` finds
 * the package as an app's does. Copied into a folder of this process's own: test files run at once.
 */
export async function recipe<T>(name: string): Promise<T> {
  const folder = `.build/pkg/docs-${process.pid}`;
  cpSync('.build/docs/examples', folder, {recursive: true});
  return (await import(pathToFileURL(resolve(`${folder}/${name}.js`)).href)) as T;
}
