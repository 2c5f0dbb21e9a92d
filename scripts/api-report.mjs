// The API report of every entry (Microsoft's API Extractor), from the built .d.ts files: the
// public surface is what these reports say, and `npm test` fails when it changes without them.
// `node scripts/api-report.mjs` checks; `--update` writes api/*.api.md after a change made on purpose.
import {existsSync, mkdirSync, renameSync} from 'node:fs';
import {resolve} from 'node:path';
import {Extractor, ExtractorConfig} from '@microsoft/api-extractor';

export const ENTRIES = {
  'page-state': 'dist/src/index.d.ts',
  'page-state-core': 'dist/src/core/index.d.ts',
  'page-state-elements': 'dist/elements/index.d.ts',
  'page-state-server': 'dist/src/server/index.d.ts',
  'page-state-react': 'dist/src/hosts/react.d.ts',
  'page-state-vue': 'dist/src/hosts/vue.d.ts',
  'page-state-inspector': 'dist/src/inspector/index.d.ts',
  'page-state-devtools': 'dist/src/devtools/index.d.ts',
  'page-state-testing': 'dist/src/testing/index.d.ts',
};

/** Where `apiReport(…, {model: true})` writes each entry's doc model (<entry>.api.json). */
export const MODEL_DIR = '.build/api-model';

/**
 * Runs API Extractor for `entry` (a .d.ts file); `update` writes its report, `model` its doc model
 * too (.build/api-model, which the documentation site's reference is generated from: one run
 * serves both). Returns the problems.
 */
export function apiReport(name, entry, {update = false, reportFolder = 'api', model = false} = {}) {
  const root = resolve('.');
  mkdirSync(resolve('.build/api'), {recursive: true});
  if (model) mkdirSync(resolve(MODEL_DIR), {recursive: true});
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: resolve(entry),
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            types: ['node'],
            skipLibCheck: true,
            strict: true,
          },
          include: [resolve(entry)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: resolve(reportFolder),
        reportTempFolder: resolve('.build/api'),
      },
      docModel: {enabled: model, apiJsonFilePath: resolve(`${MODEL_DIR}/${name}.${process.pid}.tmp`)},
      dtsRollup: {enabled: false},
      tsdocMetadata: {enabled: false},
      messages: {
        compilerMessageReporting: {default: {logLevel: 'warning'}},
        extractorMessageReporting: {default: {logLevel: 'none'}},
        tsdocMessageReporting: {default: {logLevel: 'none'}},
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: resolve('package.json'),
  });
  const problems = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback: (message) => {
      if (message.logLevel === 'warning' || message.logLevel === 'error') problems.push(message.text);
      message.handled = true;
    },
  });
  // Into place whole: the site's reference may be reading the model this very moment.
  const written = resolve(`${MODEL_DIR}/${name}.${process.pid}.tmp`);
  if (model && existsSync(written)) renameSync(written, resolve(`${MODEL_DIR}/${name}.api.json`));
  if (!result.succeeded || result.apiReportChanged)
    problems.push(`${name}: the API report ${update ? 'was written' : 'differs from api/' + name + '.api.md'}`);
  return {changed: result.apiReportChanged, problems};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const update = process.argv.includes('--update');
  let failed = false;
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const {changed, problems} = apiReport(name, entry, {update});
    if (update) console.log(`${name}: ${changed ? 'updated' : 'unchanged'}`);
    else if (problems.length) {
      failed = true;
      console.error(problems.join('\n'));
    }
  }
  if (failed) {
    console.error('The public API changed: if on purpose, run `node scripts/api-report.mjs --update` and commit api/.');
    process.exit(1);
  }
}
