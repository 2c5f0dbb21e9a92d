// The README is for users (issue 39): short, its samples the site's own files word for word, its
// CDN lines real URLs of files the package publishes, at the version it is; and it still tells a
// contributor the two commands that set up a fresh clone.
import {strict as assert} from 'node:assert';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {describe, it} from 'node:test';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string; exports: Record<string, unknown>};

describe('the README', () => {
  it('is under 300 lines, says how to install, and still names npm start and npm test', () => {
    assert.ok(readme.split('\n').length < 300, `${readme.split('\n').length} lines`);
    for (const command of ['npm install page-state', 'npm install && npm start', 'npm test'])
      assert.ok(readme.includes(command), command);
  });

  it('shows only samples that are files of docs/, word for word, which the site shows too', () => {
    const files = ['snippets', 'recipes', 'examples'].flatMap((dir) =>
      readdirSync(`docs/${dir}`, {recursive: true, encoding: 'utf8'}).map((f) => `${dir}/${f}`),
    );
    const contents = files
      .filter((f) => /\.(ts|tsx|html)$/.test(f))
      .map((f) => readFileSync(`docs/${f}`, 'utf8').trimEnd());
    const blocks = [...readme.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)]
      .filter(([, lang]) => lang !== 'sh')
      .map(([, , body]) => body!.trimEnd())
      .filter((body) => body.includes('\n')); // the one-line CDN tags: checked below
    assert.ok(blocks.length >= 3, `${blocks.length} samples`);
    assert.deepEqual(
      blocks.filter((body) => !contents.includes(body)).map((body) => body.split('\n')[0]),
      [],
    );
  });

  it('names the CDN files by a public npm CDN URL at this version, and the package publishes them', () => {
    const urls = [...readme.matchAll(/https:\/\/cdn\.jsdelivr\.net\/npm\/page-state@([^/]+)\/(\S+?)"/g)];
    assert.ok(urls.length >= 2, 'the ES module and the IIFE');
    for (const [, version, file] of urls) {
      assert.equal(version, pkg.version);
      assert.ok(pkg.exports[`./${file!.replace(/^dist\//, '')}`], `package.json exports ./${file}`);
    }
    assert.ok(urls.some(([, , file]) => file === 'dist/page-state.iife.js'));
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(((?:docs\/|[A-Z]+\.md)[^)#]*)/g)].map((m) => m[1]!);
    assert.ok(links.length > 10);
    assert.deepEqual(
      links.filter((l) => !existsSync(l)),
      [],
    );
  });
});
