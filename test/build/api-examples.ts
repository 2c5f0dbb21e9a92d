// The TSDoc `@example` blocks the generated API reference shows (docs/reference/api, made from
// API Extractor's model of each entry), written out as files of a user's project and compiled
// against the packed package. An example is a fragment: what it uses of its entry is imported,
// and the app around it (`App`, `store`, an Express `app`, …) comes from a small fixture
// module, typed as the example means it, so a call that no longer fits the API fails to compile.
// All compile as one program, as in an app: a page-state/core example that speaks of DOM events
// (an ErrorDetail listener) has the browser entry's event types, which the browser fixture loads.
import {ApiDocumentedItem, ApiModel, type ApiItem} from '@microsoft/api-extractor-model';
import type {DocNode} from '@microsoft/tsdoc';
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';

/** One fenced block of an `@example`. */
export interface ApiExample {
  /** The entry whose reference page shows it (`page-state/server`). */
  entry: string;
  /** The documented symbol (`StateStore`, `stateVar.int`). */
  symbol: string;
  language: string;
  code: string;
}

/** Every fenced block of every `@example` in the models (`<entry>.api.json`) of `modelDir`. */
export function apiExamples(modelDir: string): {examples: ApiExample[]; exports: Map<string, Set<string>>} {
  const examples: ApiExample[] = [];
  const exports = new Map<string, Set<string>>();
  for (const file of readdirSync(modelDir).filter((f) => f.endsWith('.api.json'))) {
    const entry = file.replace(/\.api\.json$/, '').replace(/^page-state-/, 'page-state/');
    const [point] = new ApiModel().loadPackage(`${modelDir}/${file}`).entryPoints;
    exports.set(entry, new Set(point!.members.map((m) => m.displayName)));
    const blocks = (node: DocNode): {language: string; code: string}[] =>
      node.kind === 'FencedCode'
        ? [node as DocNode & {language: string; code: string}]
        : node.getChildNodes().flatMap(blocks);
    const visit = (item: ApiItem) => {
      const comment = item instanceof ApiDocumentedItem ? item.tsdocComment : undefined;
      for (const block of comment?.customBlocks ?? []) {
        if (block.blockTag.tagName !== '@example') continue;
        for (const {language, code} of blocks(block.content))
          examples.push({entry, symbol: item.getScopedNameWithinPackage(), language, code});
      }
      item.members.forEach(visit);
    };
    visit(point!);
  }
  return {examples, exports};
}

/** Names the examples take from other packages. */
const LIBRARIES: Record<string, readonly string[]> = {
  lit: ['html', 'LitElement'],
  superstruct: ['object', 'number'],
  vitest: ['afterEach', 'beforeEach', 'expect', 'it'],
  'node:http': ['IncomingMessage'],
  redis: ['createClient'],
};
/** The browser app the client examples speak of: the definitions and stores they name. */
const CLIENT_APP = `/// <reference types="vite/client" />
import {defineState, stateOf, stateVar, type StateStore, type Schema} from 'page-state';
import {object, number} from 'superstruct';
export {default as http} from 'node:http';
export const App = defineState('App', {urlPrefix: 'app_', vars: {
  priority: stateVar.int(1), tags: stateVar.list(stateVar.string(), []), page: stateVar.int(1)}});
export const AppWorkflow = defineState('AppWorkflow', {urlPrefix: 'app_', vars: {
  priority: stateVar.int(1), done: stateVar.boolean(false), taskId: stateVar.string('', {urlKey: 'tid'})}});
export const Filters = defineState('Filters', {urlPrefix: 'f_', vars: {
  q: stateVar.string(), page: stateVar.int(1, {urlKey: 'p'})}});
export const store: StateStore<typeof App.vars> = stateOf(App);
export const app: StateStore<typeof AppWorkflow.vars> = stateOf(AppWorkflow);
export declare const scopeElement: HTMLElement;
export declare const el: Element;
export declare const error: unknown;
export declare const form: HTMLFormElement;
export declare function signIn(form: HTMLFormElement): Promise<{id: string}>;
export const filtersSchema: Schema<{min: number}> = object({min: number()});
export declare function parse(text: string): {x: number; y: number};
export declare function serialize(point: {x: number; y: number}): string;
`;
/** The server the server examples speak of. */
const SERVER_APP = `import express from 'express';
import type {Quota, SessionHandler, SessionStore, StoredState} from 'page-state/server';
export {default as http} from 'node:http';
export const app = express();
export declare const store: SessionStore;
export declare const handler: SessionHandler;
export declare const id: string;
export declare const sessionId: string;
export declare const data: StoredState;
export declare const quota: Quota;
export declare function retryLater(): void;
`;
const exported = (fixture: string) => [...fixture.matchAll(/export (?:declare )?(?:const|function) (\w+)|as (\w+)}/g)];
const FIXTURES = {
  client: {file: 'client-app.js', names: exported(CLIENT_APP).map((m) => m[1] ?? m[2]!)},
  server: {file: 'server-app.js', names: exported(SERVER_APP).map((m) => m[1] ?? m[2]!)},
};

/** What the example declares itself (imports included): nothing of that name is imported for it. */
const declared = (code: string) =>
  new Set([
    ...[...code.matchAll(/\b(?:const|let|var|function|class|type|interface)\s+(\w+)/g)].map((m) => m[1]!),
    ...[...code.matchAll(/\bconst\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.match(/\w+(?=\s*(?:[,}]|$))/g) ?? []),
    ...[...code.matchAll(/\bimport\s+(?:type\s+)?(\w+)?\s*,?\s*(?:\{([^}]*)\})?\s*from/g)].flatMap((m) => [
      ...(m[1] ? [m[1]] : []),
      ...(m[2]?.match(/\w+(?=\s*(?:,|$))/g) ?? []),
    ]),
  ]);

/**
 * Writes each TypeScript example into `dir` as a module of its own: imports for the names it
 * uses of its entry (else of another entry, a library, or the fixture app), then the example as
 * written. Returns the files, one per example, named after the entry and symbol.
 */
export function writeExamples(dir: string, {examples, exports}: ReturnType<typeof apiExamples>): string[] {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  writeFileSync(`${dir}/client-app.ts`, CLIENT_APP);
  writeFileSync(`${dir}/server-app.ts`, SERVER_APP);
  const files: string[] = [];
  for (const [i, example] of examples.entries()) {
    if (!/^(ts|tsx|typescript)?$/.test(example.language)) continue;
    const own = declared(example.code);
    const used = new Set(example.code.match(/\b[A-Za-z_$][\w$]*\b/g));
    const needed = (name: string) => used.has(name) && !own.has(name);
    const from = new Map<string, string[]>();
    const take = (module: string, name: string) => from.set(module, [...(from.get(module) ?? []), name]);
    const sources = [example.entry, 'page-state', ...exports.keys()];
    const fixture = example.entry === 'page-state/server' ? FIXTURES.server : FIXTURES.client;
    for (const name of used) {
      if (!needed(name)) continue;
      const module =
        sources.find((entry) => exports.get(entry)?.has(name)) ??
        Object.keys(LIBRARIES).find((library) => LIBRARIES[library]!.includes(name)) ??
        (fixture.names.includes(name) ? `./${fixture.file}` : undefined);
      if (module) take(module, name);
    }
    // A user's file that shows an entry's example imports that entry: its global types come along.
    const imports = [
      `import type {} from '${example.entry}';`,
      ...[...from].map(([module, names]) => `import {${names.join(', ')}} from '${module}';`),
    ];
    const name = `${example.entry.replace(/\W/g, '-')}.${example.symbol.replace(/\W/g, '')}.${i}.ts`;
    writeFileSync(`${dir}/${name}`, `${imports.join('\n')}\n${example.code}\nexport {};\n`);
    files.push(name);
  }
  return files;
}

/** Attributes any element takes, ours included. */
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'style', 'slot', 'hidden', 'title', 'lang', 'dir']);

/**
 * What the HTML examples get wrong that a page would not say: an attribute of one of our elements
 * that `custom-elements.json` does not list (a typo such as `urlkey` is silently ignored by the
 * browser), and a script loaded from anywhere but the package's pinned CDN URL.
 */
export function htmlMistakes(
  examples: readonly ApiExample[],
  attributes: ReadonlyMap<string, ReadonlySet<string>>,
  cdn: string,
): string[] {
  const mistakes: string[] = [];
  for (const {symbol, language, code} of examples) {
    if (language !== 'html') continue;
    for (const [, tag, rest] of code.matchAll(/<([a-z][\w-]*)([^>]*)>/g)) {
      const names = [...rest!.matchAll(/([\w-]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((m) => m[1]!);
      const known = attributes.get(tag!);
      for (const name of known ? names : [])
        if (!known!.has(name) && !GLOBAL_ATTRIBUTES.has(name) && !/^(data|aria)-/.test(name))
          mistakes.push(`${symbol}: <${tag}> has no attribute "${name}"`);
      const src = tag === 'script' && /\bsrc="([^"]*)"/.exec(rest!)?.[1];
      if (src && !src.startsWith(cdn)) mistakes.push(`${symbol}: a script from ${src}, not ${cdn}`);
    }
  }
  return mistakes;
}
