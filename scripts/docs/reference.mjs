// Generates the reference pages the site builds from the code: docs/reference/api/<entry>.md
// from the API Extractor model of each entry, docs/reference/elements.md from
// custom-elements.json. Both are outputs (git ignores them): edit the TSDoc, not the pages.
import {execFileSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {apiReport, ENTRIES, MODEL_DIR} from '../api-report.mjs';
import {apiPage, exportNames} from './api-pages.mjs';
import {elementsPage} from './elements-page.mjs';

/** What each entry is for: the first lines of its page. */
const INTRO = {
  'page-state':
    'The browser entry: everything of `page-state/core`, plus scopes, the URL, storage, identity and Lit. Importing it defines `<page-state>`.',
  'page-state/core': 'Definitions, vars and stores with no DOM: it imports in Node, workers and SSR.',
  'page-state/elements':
    'The markup elements; importing it defines them. Their attributes and events: [Elements](../elements).',
  'page-state/server': 'Node only: the session handler and its stores.',
  'page-state/testing': 'Tests only: an isolated page-state per test.',
  'page-state/react': 'Types only: the elements in TSX.',
  'page-state/vue': 'Types only: the elements in Vue templates.',
  'page-state/inspector': 'A development aid loaded on demand: `<state-inspector>`.',
  'page-state/devtools': 'A development aid: page-state in Redux DevTools.',
};

/** The entry's import specifier for an API report name (`page-state-core` → `page-state/core`). */
const entryOf = (report) => report.replace(/^page-state-/, 'page-state/');

// A clean clone has no build yet: the reference is made from what the build makes.
if (!existsSync('dist/page-state.js') || !existsSync('custom-elements.json'))
  execFileSync(process.execPath, ['scripts/build.mjs'], {stdio: 'inherit'});
// The model is made from dist/'s .d.ts: reuse one newer than its entry (the API report test
// writes them too), else make them all.
const fresh = Object.entries(ENTRIES).every(([name, dts]) => {
  const model = `${MODEL_DIR}/${name}.api.json`;
  return existsSync(model) && statSync(model).mtimeMs > statSync(dts).mtimeMs;
});
// (Its problems, a report that differs, are the API report test's to say, not the site's.)
if (!fresh) for (const [name, dts] of Object.entries(ENTRIES)) apiReport(name, dts, {model: true});
mkdirSync('docs/reference/api', {recursive: true});
// page-state re-exports all of page-state/core: its page points there rather than repeat it.
const core = {
  entry: 'page-state/core',
  page: './page-state-core',
  names: exportNames(`${MODEL_DIR}/page-state-core.api.json`),
};
for (const name of Object.keys(ENTRIES)) {
  const entry = entryOf(name);
  const from = name === 'page-state' ? core : undefined;
  const page = apiPage(`${MODEL_DIR}/${name}.api.json`, {entry, intro: INTRO[entry], from});
  writeFileSync(`docs/reference/api/${name}.md`, `${page}\n`);
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
writeFileSync('docs/reference/elements.md', `${elementsPage(manifest)}\n`);
// The live examples run the CDN file, served by the site itself.
mkdirSync('docs/public', {recursive: true});
copyFileSync('dist/page-state.js', 'docs/public/page-state.js');
console.log(`reference: ${Object.keys(ENTRIES).length} API pages and the elements page generated`);
