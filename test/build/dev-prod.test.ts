// Development and production builds (issue 23): the default export condition and the CDN file
// carry no debug logger and no long messages; the `development` condition and the .dev files do.
// Checked on what users get: dist/ and the package as npm packs it (.build/pkg).
import {strict as assert} from 'node:assert';
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {build} from 'esbuild';
import {ErrorCode} from '../../src/core/errors/errors.js';

/** Text only the development build holds: the logger's switch, a debug line, a long message. */
const DEV_ONLY = [`getItem("debug")`, 'the browser dropped the write', 'pass a node inside it', ', nor one of '];
const carries = (code: string) =>
  DEV_ONLY.filter((text) => code.includes(text) || code.includes(text.replaceAll('"', "'")));
const modules = (folder: string) =>
  readdirSync(folder, {recursive: true})
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(`${folder}/${f}`, 'utf8'))
    .join('\n');

describe('development and production builds', () => {
  it('the production files (CDN and npm modules) carry none of the logger; the development ones all of it', () => {
    for (const file of ['dist/page-state.js', 'dist/page-state.iife.js'])
      assert.deepEqual(carries(readFileSync(file, 'utf8')), [], file);
    assert.deepEqual(carries(modules('dist/src') + modules('dist/elements')), []);
    for (const file of ['dist/page-state.dev.js', 'dist/page-state.dev.iife.js'])
      assert.deepEqual(carries(readFileSync(file, 'utf8')), DEV_ONLY, file);
    assert.deepEqual(carries(modules('dist/development')), DEV_ONLY);
  });

  it('a bundler picks the development build with the development condition, the production one by default', async () => {
    const bundle = async (conditions: string[]) => {
      const result = await build({
        stdin: {contents: `export * from 'page-state';`, resolveDir: resolve('.build/pkg')},
        // tsconfigRaw: the repo's tsconfig maps 'page-state' to the sources; a user's has no such paths.
        bundle: true,
        write: false,
        format: 'esm',
        minify: true,
        conditions,
        logLevel: 'silent',
        tsconfigRaw: {},
      });
      return result.outputFiles[0]!.text;
    };
    assert.deepEqual(carries(await bundle([])), []);
    assert.deepEqual(carries(await bundle(['development'])), DEV_ONLY);
  });

  it('errors keep their class, code and facts in production, and say what to do in development', () => {
    const script = `
      const {defineState, stateVar, PageStateError} = await import('page-state/core');
      try { defineState('F', {persist: 'cloud', vars: {q: stateVar.string()}}); }
      catch (e) { console.log(JSON.stringify({instance: e instanceof PageStateError, code: e.code, message: e.message})); }`;
    const run = (...flags: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
          cwd: resolve('.build/pkg'),
          encoding: 'utf8',
        }),
      );
    assert.deepEqual(run(), {
      instance: true,
      code: 'PS_BAD_DEFINITION',
      message: 'page-state PS_BAD_DEFINITION: F: persist "cloud" is invalid',
    });
    assert.deepEqual(run('--conditions=development'), {
      instance: true,
      code: 'PS_BAD_DEFINITION',
      message: `page-state PS_BAD_DEFINITION: F: persist "cloud" is invalid: use false, 'session', 'local', 'server' or a StorageAdapter`,
    });
  });

  it('production option mistakes say the code, the namespace and the wrong word; development adds the nearest name', () => {
    const script = `
      const {defineState, stateVar} = await import('page-state/core');
      const messages = [];
      for (const mistake of [
        () => defineState('AppWorkflow', {persits: 'local', vars: {q: stateVar.string()}}),
        () => stateVar.string('', {urlkey: 'qq'}),
        () => stateVar.int('x'),
        () => stateVar.json(undefined, {}),
      ]) try { mistake(); } catch (e) { messages.push(e.message); }
      console.log(JSON.stringify(messages));`;
    const run = (...flags: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
          cwd: resolve('.build/pkg'),
          encoding: 'utf8',
        }),
      );
    assert.deepEqual(run(), [
      'page-state PS_BAD_DEFINITION: AppWorkflow: unknown option "persits"',
      'page-state PS_BAD_DEFINITION: unknown option "urlkey"',
      'page-state PS_BAD_DEFINITION: default "x" is invalid',
      'page-state PS_BAD_DEFINITION: schema undefined is invalid',
    ]);
    assert.deepEqual(run('--conditions=development'), [
      'page-state PS_BAD_DEFINITION: AppWorkflow: unknown option "persits" (did you mean "persist"?)',
      'page-state PS_BAD_DEFINITION: stateVar.string: unknown option "urlkey" (did you mean "urlKey"?)',
      'page-state PS_BAD_DEFINITION: stateVar.int: default "x" is invalid: not a valid int: expected an integer',
      'page-state PS_BAD_DEFINITION: stateVar.json: schema undefined is invalid: pass a superstruct Struct or a Standard Schema (zod, valibot, arktype) first, then the default',
    ]);
  });

  it('in Node, DEBUG switches the log on for page-state/core stores (development condition only)', () => {
    const script = `
      const {defineState, stateVar, StateStore} = await import('page-state/core');
      new StateStore(defineState('F', {vars: {q: stateVar.string()}})).set('q', 'lamp');`;
    const run = (...flags: string[]) =>
      execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
        cwd: resolve('.build/pkg'),
        encoding: 'utf8',
        env: {...process.env, DEBUG: 'page-state:store'},
      });
    assert.equal(run('--conditions=development').trim(), 'page-state:store F.q = "lamp" (set) { previous: \'\' }');
    assert.equal(run(), '');
  });

  it('the error codes page says what happened and what to do for every error code', () => {
    const page = readFileSync('docs/reference/errors.md', 'utf8');
    const entry = (code: string) =>
      new RegExp(
        `^## ${code} \\{#${code}\\}\\n\\n\\*\\*What happened\\.\\*\\* .+\\n\\n\\*\\*What to do\\.\\*\\* .+`,
        'm',
      );
    assert.deepEqual(
      Object.values(ErrorCode).filter((code) => !entry(code).test(page)),
      [],
    );
  });
});
