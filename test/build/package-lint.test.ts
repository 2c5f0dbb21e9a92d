// The packed tarball (`npm pack`, made once by scripts/bundles.mjs during the build) as its users'
// tools see it: publint (package.json against the files published) and @arethetypeswrong/cli (each
// entry's types as TypeScript resolves them), both pinned, with no problem reported; and for
// every entry, each module it reaches (lazily imported chunks included) published, and its types
// naming exactly the values its JavaScript exports.
import {strict as assert} from 'node:assert';
import {execFile} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, it} from 'node:test';
import {promisify} from 'node:util';
import {build} from 'esbuild';
import {publint} from 'publint';
import {formatMessage} from 'publint/utils';
import ts from 'typescript';
import {PACKED} from '../../bench/scenarios.js';

const tarball = resolve(
  '.build/pkg',
  readdirSync('.build/pkg').find((file) => file.endsWith('.tgz'))!,
);
const pkg = JSON.parse(readFileSync(`${PACKED}/package.json`, 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
};
/** Classic scripts (global PageState) for a `<script>` tag: nothing can import them, so there are
 * no module types to give them, and attw is told to leave them out rather than be lied to. */
const CLASSIC_SCRIPTS = ['./page-state.iife.js', './page-state.dev.iife.js'];

describe('the packed package, as publint and attw see it', () => {
  it('publint reports nothing, suggestions included', async () => {
    const {messages, pkg: linted} = await publint({
      pack: {tarball: readFileSync(tarball).buffer as ArrayBuffer},
      level: 'suggestion',
      strict: true,
    });
    assert.deepEqual(
      messages.map((message) => `${message.type} ${message.code}: ${formatMessage(message, linted, {color: false})}`),
      [],
    );
  });

  it('attw reports no problem for any entry an ES module can import (profile esm-only)', async () => {
    // esm-only: page-state is ES modules only (as lit is), for Node >= 20.19 (engines), where
    // require() of an ES module works; node10 resolution predates `exports` and sees no subpath.
    const attw = 'node_modules/@arethetypeswrong/cli/dist/index.js';
    const args = [attw, tarball, '--profile', 'esm-only', '--format', 'json', '--exclude-entrypoints'];
    const {stdout} = await promisify(execFile)(process.execPath, [...args, ...CLASSIC_SCRIPTS]).catch(
      (failed: {stdout: string}) => failed,
    );
    const {analysis} = JSON.parse(stdout) as {
      analysis: {
        entrypoints: Record<string, unknown>;
        problems: {kind: string; entrypoint: string; resolutionKind?: string}[];
      };
    };
    const esmOnly = analysis.problems.filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''));
    assert.deepEqual(esmOnly, []);
    const expected = Object.keys(pkg.exports).filter((entry) => !CLASSIC_SCRIPTS.includes(entry));
    assert.deepEqual(Object.keys(analysis.entrypoints).sort(), expected.sort(), 'every entry was analysed');
  });

  it("every entry's modules are published, lazy chunks included, and its types name the values it exports", async () => {
    const entries = Object.entries(pkg.exports).flatMap(([entry, target]) =>
      typeof target === 'object' && target.types
        ? [{entry, types: target.types, js: target.import ?? target.default!}]
        : [],
    );
    const program = ts.createProgram(
      entries.map(({types}) => resolve(PACKED, types)),
      {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        noEmit: true,
        skipLibCheck: true,
        types: [], // no @types package but those the declarations name themselves
      },
    );
    const checker = program.getTypeChecker();
    const mismatches: Record<string, {untyped: string[]; missing: string[]}> = {};
    for (const {entry, types, js} of entries) {
      // Bundled with its dependencies left out: a module it reaches (`import()` included) that was
      // not published fails here.
      const bundled = await build({
        entryPoints: [resolve(PACKED, js)],
        bundle: true,
        packages: 'external',
        platform: 'node',
        format: 'esm',
        splitting: true,
        outdir: '.build/package-lint',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const output = Object.values(bundled.metafile.outputs).find((o) => o.entryPoint)!;
      const module = checker.getSymbolAtLocation(program.getSourceFile(resolve(PACKED, types))!)!;
      const values = checker
        .getExportsOfModule(module)
        .filter((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value)
        .map((s) => s.name);
      const untyped = output.exports.filter((name) => !values.includes(name));
      const missing = values.filter((name) => !output.exports.includes(name));
      if (untyped.length || missing.length) mismatches[entry] = {untyped, missing};
    }
    assert.deepEqual(mismatches, {});
  });
});
