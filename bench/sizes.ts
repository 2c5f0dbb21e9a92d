// gzip size of each library's browser code, measured the same way (esbuild minify + gzip -9,
// framework dependencies left out).
import {gzipSync} from 'node:zlib';
import {build} from 'esbuild';

async function gzipped(contents: string, external: string[]) {
  const result = await build({
    stdin: {contents, resolveDir: process.cwd(), loader: 'ts'}, bundle: true, minify: true, write: false,
    format: 'esm', target: 'es2022', external, logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, {level: 9}).length;
}

export async function sizes() {
  return {
    pageState: await gzipped(`export * from './src/index.ts';`, ['lit', 'lit/*', '@lit/*', 'superstruct']),
    nuqs: await gzipped(`export * from 'nuqs';`, ['react', 'react/*', 'react-dom', 'next', 'next/*']),
    nanostoresPersistent: await gzipped(`export * from 'nanostores'; export * from '@nanostores/persistent';`, []),
  };
}
