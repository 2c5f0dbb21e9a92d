import {strict as assert} from 'node:assert';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import pkg from '../../package.json' with {type: 'json'};

interface Declaration {
  tagName?: string;
  attributes?: {name: string; description?: string}[];
}
interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: {name: string}[];
}
const manifest = () => JSON.parse(readFileSync(pkg.customElements, 'utf8')) as {modules: Module[]};

describe('custom-elements.json', () => {
  it('describes every element with its documented attributes, and package.json points to it', () => {
    const tags = new Map(
      manifest()
        .modules.flatMap((m) => m.declarations ?? [])
        .filter((d) => d.tagName)
        .map((d) => [d.tagName!, d]),
    );
    const expected: Record<string, string[]> = {
      'page-state': ['url-mode', 'keep-params', 'endpoint', 'persist'],
      'state-namespace': [
        'name',
        'url-prefix',
        'url-selfish',
        'share-url-with',
        'restore-url-on-touch',
        'clear-on-default',
        'history',
        'persist',
        'version',
      ],
      'state-var': ['name', 'type', 'default', 'url-key', 'persist', 'history', 'values', 'of'],
      'state-bind': ['path', 'prop', 'event', 'display'],
      'state-focus': ['namespace'],
      'state-inspector': [],
    };
    for (const [tag, attributes] of Object.entries(expected)) {
      assert.ok(tags.has(tag), `${tag} is in the manifest`);
      const declared = tags.get(tag)?.attributes ?? [];
      assert.deepEqual(declared.map((a) => a.name).sort(), [...attributes].sort(), tag);
      assert.ok(
        declared.every((a) => a.description),
        `${tag} documents every attribute`,
      );
    }
  });

  it('lists each element class as an export of the entry that defines it', () => {
    const exports = (path: string) =>
      (manifest().modules.find((m) => m.path === path)?.exports ?? []).map((e) => e.name);
    assert.ok(exports('src/index.ts').includes('PageStateElement'));
    assert.deepEqual(exports('elements/index.ts').sort(), [
      'StateBindElement',
      'StateFocusElement',
      'StateNamespaceElement',
      'StateVarElement',
    ]);
  });
});
