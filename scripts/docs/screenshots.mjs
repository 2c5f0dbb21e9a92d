// Retakes docs/screenshots/*.png from the built site (.build/docs-site, which the site test
// builds; built here when missing): the getting-started page with a value typed into its live
// example, and a reference page in dark. `node scripts/docs/screenshots.mjs`
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join} from 'node:path';
import {chromium} from 'playwright-core';

const SITE = '.build/docs-site';
const TYPES = {'.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml'};

if (!existsSync(`${SITE}/index.html`)) {
  execFileSync(process.execPath, ['scripts/docs/reference.mjs'], {stdio: 'inherit'});
  execFileSync(process.execPath, ['node_modules/vitepress/bin/vitepress.js', 'build', 'docs', '--outDir', SITE], {
    stdio: 'inherit',
  });
}
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = join(SITE, path.endsWith('/') ? `${path}index.html` : path);
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'}).end(readFileSync(file));
}).listen(0, '127.0.0.1');
await new Promise((done) => server.once('listening', done));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const light = await browser.newPage({viewport: {width: 1280, height: 900}, colorScheme: 'light'});
  await light.goto(`${base}/getting-started/`);
  await light.waitForFunction(() => customElements.get('state-bind'));
  await light.fill('#try-q', 'printer');
  await light.fill('#try-page', '3');
  await light.locator('#try-page').dispatchEvent('change');
  await light.waitForURL((url) => url.searchParams.get('try_p') === '3');
  await light.locator('#try-it').scrollIntoViewIfNeeded();
  await light.screenshot({path: 'docs/screenshots/getting-started.png'});
  const dark = await browser.newPage({viewport: {width: 1280, height: 900}, colorScheme: 'dark'});
  await dark.goto(`${base}/reference/api/page-state-core.html#StateStore`);
  await dark.waitForFunction(() => customElements.get('state-bind'));
  await dark.screenshot({path: 'docs/screenshots/reference-dark.png'});
  console.log('docs/screenshots/getting-started.png, docs/screenshots/reference-dark.png');
} finally {
  await browser.close();
  server.close();
}
