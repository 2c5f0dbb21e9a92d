// `npm run budget`: what each part of page-state costs, per scenario (the apps of
// bench/scenarios.ts, whose first load is what their users pay) and of the whole toolkit's own
// code (production, min+gzip, as bench/sizes.ts measures it). A part's cost is the bundle's size
// with it minus the size with its modules stubbed out (their exports left as empty bindings, so
// what only they import drops too). Apps are bundled from the sources (the package's `exports`
// mapped to them, DEV off), so nothing needs building. Parts overlap in gzip's dictionary, so
// their costs do not add up to the whole. The table is what a trim weighs: which feature pays what.
import {existsSync, readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Plugin} from 'esbuild';
import {bundleApp, SCENARIOS} from './scenarios.js';
import {ownCode} from './sizes.js';

/** The contract's features, by the modules only they need (paths from the project root). */
export const PARTS: Record<string, readonly string[]> = {
  'URL sync, all of it (the URL layer and its service)': ['src/url/url-layer.ts', 'src/url/url-service.ts'],
  '… selfish claims and purges': ['src/url/entry.ts'],
  "… adopting other writers' navigations (and the history marks)": [
    'src/url/adopt-change.ts',
    'src/url/history-marks.ts',
  ],
  '… seeing every writer (Navigation API, patched history)': ['src/url/url-observer.ts'],
  '… URL param conflicts between definitions': ['src/url/param-owners.ts'],
  '… the rate limiter': ['src/url/rate-limiter.ts'],
  'browser storage (session, local, adapters, migrate, ttl)': ['src/persist/storage-layer.ts'],
  'server storage client (loaded on demand)': ['src/persist/server-client.ts'],
  '… loading it on first use': ['src/persist/lazy-server.ts'],
  'identity client (setIdentity, partitions)': ['src/persist/identity-hub.ts'],
  'server state at first paint (reading the bootstrap)': ['src/persist/bootstrap.ts'],
  'clearAll()': ['src/runtime/clear-all.ts'],
  'every declarative element': [
    'elements/state-bind.ts',
    'elements/state-namespace.ts',
    'elements/state-var.ts',
    'elements/page-state.ts',
    'elements/state-focus.ts',
  ],
  '… <state-bind> (any control, validity messages)': ['elements/state-bind.ts'],
  '… <state-namespace> and <state-var> (markup definitions)': ['elements/state-namespace.ts', 'elements/state-var.ts'],
  '… <page-state> (scopes as elements)': ['elements/page-state.ts'],
  '… <state-focus>': ['elements/state-focus.ts'],
  'StateController (Lit)': ['src/lit/controller.ts'],
  'scalar types (string, int, float, boolean, enum)': ['src/core/schema/scalar-kinds.ts'],
  'date and datetime vars': ['src/core/schema/date-kinds.ts'],
  'json vars (superstruct, Standard Schema)': ['src/core/schema/json-kind.ts'],
  'custom vars': ['src/core/schema/custom-kind.ts'],
  'list vars': ['src/core/schema/list-kind.ts'],
  'parseUrl / serializeUrl': ['src/core/url-codec/parse-serialize.ts'],
  "defineState's checks": ['src/core/schema/define.ts'],
};

/** Replaces each of `paths` by a module that exports the same names, bound to nothing. */
export const stubbed = (paths: readonly string[]): Plugin => ({
  name: 'page-state-budget-stub',
  setup(build) {
    // A part whose module moved would stub nothing and read as free: refuse it instead.
    for (const path of paths)
      if (!existsSync(path)) throw new Error(`bench/budget.ts: ${path} does not exist; update PARTS`);
    const files = new Set(paths.map((p) => resolve(p)));
    build.onLoad({filter: /\.ts$/}, ({path}) => {
      if (!files.has(path)) return undefined;
      const source = readFileSync(path, 'utf8');
      const names = new Set<string>();
      for (const [, name] of source.matchAll(
        /^export (?:async )?(?:function|class|const|let|abstract class)\*? ?(\w+)/gm,
      ))
        names.add(name!);
      for (const [, list] of source.matchAll(/^export \{([^}]*)\}(?! from)/gm))
        for (const n of list!.split(','))
          names.add(
            n
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
          );
      // `let`, not `const`: nothing is folded into its importers as a known value.
      return {contents: [...names].map((n) => `export let ${n}: any;`).join('\n'), loader: 'ts'};
    });
  },
});

if (process.argv[1]?.endsWith('budget.js')) {
  const kib = (bytes: number) => `${bytes} B (${(bytes / 1024).toFixed(2)} KiB)`;
  /** Each column: a measure of size, given plugins (the stubs). */
  const columns: [string, (plugins: Plugin[]) => Promise<number>][] = [
    ...Object.values(SCENARIOS).map(({title, app}): [string, (plugins: Plugin[]) => Promise<number>] => [
      title,
      async (plugins) => (await bundleApp(app, 'sources', plugins)).gzip,
    ]),
    ['everything (own code)', (plugins) => ownCode(undefined, plugins)],
  ];
  const wholes = await Promise.all(columns.map(([, size]) => size([])));
  const rows: string[][] = [];
  for (const [part, paths] of Object.entries(PARTS)) {
    const plugins = [stubbed(paths)];
    const without = await Promise.all(columns.map(([, size]) => size(plugins)));
    rows.push([part, ...without.map((bytes, i) => kib(wholes[i]! - bytes))]);
  }
  console.log('What each part costs, production, min+gzip (a first load, for the scenarios):\n');
  console.log(`| part | ${columns.map(([title]) => title).join(' | ')} |`);
  console.log(`| --- |${' --- |'.repeat(columns.length)}`);
  console.log(`| **the whole** | ${wholes.map(kib).join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}
