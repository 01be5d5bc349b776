// Loads the built site in headless Chromium, served under /docs/ on 127.0.0.1 like the server does, and fails
// if any page asks for anything that is not on that origin. Off-origin requests are aborted before they leave
// the machine (no DNS lookup, no packet). Also proves the API reference renders the results operation.
// `pnpm --filter @spideriq/docs check:browser [chromium path]`; CHROMIUM_PATH or /usr/bin/chromium by default.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const siteDir = join(dirname(fileURLToPath(import.meta.url)), 'site');
const executablePath = process.argv[2] ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGES = ['index.html', 'guides/quickstart.html', 'guides/polling.html', 'reference/index.html', 'events/index.html', 'api/index.html', 'api/client/index.html'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.yaml': 'text/yaml' };

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (!pathname.startsWith('/docs/')) return void res.writeHead(404).end();
  let path = normalize(decodeURIComponent(pathname.slice('/docs/'.length)));
  if (path === '.' || path.endsWith('/')) path = join(path, 'index.html');
  try {
    const body = await readFile(join(siteDir, path));
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const problems = [];
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/docs/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request off the site: ${url}`);
    return route.abort();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  for (const path of PAGES) {
    await page.goto(`${origin}/docs/${path}`, { waitUntil: 'networkidle' });
  }
  await page.goto(`${origin}/docs/reference/index.html`, { waitUntil: 'networkidle' });
  await page.getByText('Get a job’s results').first().waitFor({ timeout: 15_000 });
} catch (error) {
  problems.push(`failed: ${error instanceof Error ? error.message : error}`);
} finally {
  await browser.close();
  server.close();
}
for (const problem of problems) console.error(`docs browser check: ${problem}`);
if (problems.length) process.exitCode = 1;
else console.log(`docs browser check: ${PAGES.length} pages loaded under /docs/ with no off-site request; the reference renders the results operation`);
