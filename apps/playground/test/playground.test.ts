import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SiteDataSchema } from '@spideriq/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import type { RegisterEngines } from '@spideriq/server';
import { registerTestEngines, testSiteHandler } from '@spideriq/testkit/server';
import { buildPlayground, HAS_CHROMIUM, launchChromium, openPage, REPO_ROOT, screenshot, UPDATE_SCREENSHOTS } from './support/browser.ts';



const TOKEN_COUNT = /^\d[\d,]* tokens$/;

describe.skipIf(!HAS_CHROMIUM)('the playground in Chromium against a real server', () => {
  let browser: Browser;
  let server: TestServer;
  let dist: string;

  beforeAll(async () => {
    dist = await buildPlayground('playground');
    server = await startTestServer(registerTestEngines, { SPIDERIQ_PLAYGROUND_DIR: dist });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the playground and enters the token (saved on change). */
  async function openPlayground(token: string = server.tokens[0] ?? '', origin = server.url): Promise<{ page: Page; problems: string[] }> {
    const { page, problems } = await openPage(browser, [origin]);
    await page.goto(`${origin}/`);
    await page.locator('#token').fill(token);
    await page.locator('#token').press('Tab');
    return { page, problems };
  }

  async function jobCount(): Promise<number> {
    const body = (await (await server.api('/api/v1/jobs/list?page_size=1')).json()) as { total: number };
    return body.total;
  }

  it('submits a spiderSite job, shows live progress from the event stream, and renders JSON, YAML and Markdown with token counts', async () => {
    const { page, problems } = await openPlayground();
    const url = 'https://slow.test/?ms=1500';
    await page.locator('#spiderSite-url').fill(url);
    await page.locator('#spiderSite-mode').selectOption('compendium');
    await page.locator('#spiderSite-max_pages').fill('30');
    await page.locator('#spiderSite-crawl_strategy').selectOption('bfs');
    await page.locator('#spiderSite-compendium-cleanup_level').selectOption('fit');

    // The snippets follow the form.
    await page.getByRole('tab', { name: 'CLI' }).click();
    await expect.poll(() => page.getByTestId('snippet-cli').textContent()).toContain(`spideriq site '${url}' --mode compendium --max-pages 30 --strategy bfs --compendium fit`);
    await page.getByRole('tab', { name: 'curl' }).click();
    expect(await page.getByTestId('snippet-curl').textContent()).toContain('"max_pages":30');

    await page.getByRole('button', { name: 'Crawl site' }).click();
    // Progress from the SSE stream: pages crawled out of the total, the page being crawled, the clock.
    await expect.poll(() => page.getByTestId('progress-count').textContent(), { timeout: 10_000 }).toMatch(/^\d+ \/ 30$/);
    expect(await page.getByTestId('progress-status').textContent()).toBe('processing');
    expect(await page.getByTestId('progress-message').textContent()).toMatch(/^https:\/\/slow\.test\/page-\d+$/);
    expect(await page.getByTestId('progress-elapsed').textContent()).toMatch(/^\d+\.\d s$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    const submitShot = await screenshot(page, 'playground-submit');

    await page.getByTestId('result-status').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('result-status').textContent()).toBe('completed');
    expect(await page.getByTestId('progress-count').textContent()).toBe('30 / 30');
    expect(await page.getByTestId('progress-status').textContent()).toBe('completed');

    // JSON, YAML and Markdown, each with its token count.
    const counts: Record<string, number> = {};
    for (const [tab, key, shows] of [
      ['JSON', 'json', '"status": "completed"'],
      ['YAML', 'yaml', 'status: completed'],
      ['Markdown', 'md', 'slow.test'],
    ] as const) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      const badge = page.getByTestId(`result-format-${key}-badge`);
      await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toMatch(TOKEN_COUNT);
      counts[key] = Number((await badge.textContent())?.replace(/\D/g, ''));
      const panel = key === 'md' ? page.getByTestId('markdown-rendered') : page.getByTestId(`result-${key}`);
      expect(await panel.isVisible()).toBe(true);
      expect(await panel.textContent()).toContain(shows);
    }
    // YAML drops the nulls JSON keeps, so it is cheaper; the counts are real o200k counts, not lengths.
    expect(counts['yaml']).toBeLessThan(counts['json'] ?? 0);
    expect(await page.locator('.markdown-body h1, .markdown-body h2').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Raw' }).click();
    expect(await page.getByTestId('markdown-raw').textContent()).toMatch(/^# /m);
    await page.getByRole('tab', { name: 'Rendered' }).click();
    await screenshot(page, 'playground-results');

    // The token survives a reload, and the finished job is in the list.
    await page.reload();
    expect(await page.locator('#token').inputValue()).toBe(server.tokens[0]);
    await expect.poll(() => page.locator('.jobs-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.jobs-table tbody').textContent()).toContain(url);

    if (UPDATE_SCREENSHOTS) copyFileSync(submitShot, join(REPO_ROOT, 'docs', 'playground-submit.png'));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('runs a spiderMaps job from the schema-built maps form', async () => {
    const { page, problems } = await openPlayground();
    await page.getByRole('tab', { name: 'spiderMaps' }).click();
    await page.locator('#spiderMaps-lang').fill('english');
    await page.getByRole('button', { name: 'Search listings' }).click();
    expect(await page.locator('#spiderMaps-search_query-error').textContent()).toContain('required');
    expect(await page.locator('#spiderMaps-lang-error').textContent()).toContain('language code');
    await page.locator('#spiderMaps-search_query').fill('plumbers in Austin, TX');
    await page.locator('#spiderMaps-max_results').fill('5');
    await page.locator('#spiderMaps-lang').fill('en');
    await page.getByRole('tab', { name: 'CLI' }).click();
    expect(await page.getByTestId('snippet-cli').textContent()).toContain("spideriq maps 'plumbers in Austin, TX' --max-results 5 --lang en");
    await page.getByRole('button', { name: 'Search listings' }).click();
    await expect.poll(() => page.getByTestId('result-status').textContent(), { timeout: 10_000 }).toBe('completed');
    await page.getByRole('tab', { name: /^Markdown/ }).click();
    expect(await page.getByTestId('markdown-rendered').textContent()).toContain('Result for plumbers in Austin, TX');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('catches max pages 51 next to the field before anything is sent (422 from the schema, client-side)', async () => {
    const { page, problems } = await openPlayground();
    const before = await jobCount();
    await page.locator('#spiderSite-url').fill('https://ok.test/');
    await page.locator('#spiderSite-max_pages').fill('51');
    await page.getByRole('button', { name: 'Crawl site' }).click();
    const error = page.locator('#spiderSite-max_pages-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/50/);
    expect(await page.locator('#spiderSite-max_pages').getAttribute('aria-invalid')).toBe('true');

    await page.locator('#spiderSite-url').fill('example.com');
    await page.locator('#spiderSite-max_pages').fill('5');
    await page.getByRole('button', { name: 'Crawl site' }).click();
    expect(await page.locator('#spiderSite-url-error').textContent()).toContain('http');
    expect(await jobCount()).toBe(before);
    await screenshot(page, 'playground-422-client');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows 401 for a wrong token as a readable message', async () => {
    const [clientId, apiKey] = (server.tokens[0] ?? '').split(':');
    const { page, problems } = await openPlayground(`${clientId}:${apiKey}:wrong-secret-000000000000000000`);
    await page.locator('#spiderSite-url').fill('https://ok.test/401');
    await page.getByRole('button', { name: 'Crawl site' }).click();
    const error = page.getByTestId('error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Invalid token (401)');
    expect(text).toContain('Check the token field');
    expect(text).not.toMatch(/at \w+ \(|Error:/);
    await screenshot(page, 'playground-401');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a failed job’s error_message (410)', async () => {
    const { page, problems } = await openPlayground();
    await page.locator('#spiderSite-url').fill('https://fail.test/');
    await page.getByRole('button', { name: 'Crawl site' }).click();
    const error = page.getByTestId('error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toContain('Job failed (410)');
    expect(await error.textContent()).toContain('Failed to connect to target URL: connection refused');
    expect(await page.getByTestId('progress-status').textContent()).toBe('failed');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('lists jobs with status and type filters, and cancels a running one', async () => {
    const { page, problems } = await openPlayground();
    await page.locator('#spiderSite-url').fill('https://slow.test/?ms=30000');
    await page.getByRole('button', { name: 'Crawl site' }).click();
    await expect.poll(() => page.getByTestId('progress-status').textContent(), { timeout: 10_000 }).toBe('processing');

    await page.getByRole('button', { name: 'Refresh' }).click();
    const running = page.locator('.jobs-table tbody tr', { hasText: 'slow.test/?ms=30000' });
    await expect.poll(() => running.locator('.status').textContent()).toBe('processing');
    await running.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => running.locator('.status').textContent(), { timeout: 10_000 }).toBe('cancelled');
    // The wait in the output panel ends too, with the API's message.
    await expect.poll(() => page.getByTestId('error').textContent(), { timeout: 10_000 }).toContain('Job cancelled (410)');

    await page.getByLabel('Filter by status').selectOption('cancelled');
    await expect.poll(async () => (await page.locator('.jobs-table tbody .status').allTextContents()).join(',')).toBe('cancelled');
    await page.getByLabel('Filter by status').selectOption('');
    await page.getByLabel('Filter by type').selectOption('spiderMaps');
    await expect.poll(async () => [...new Set(await page.locator('.jobs-table tbody td:nth-child(2)').allTextContents())].join(',')).toBe('spiderMaps');
    await page.getByLabel('Filter by type').selectOption('spiderSite');
    await expect.poll(() => page.locator('.jobs-table tbody tr').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('jobs-page').textContent()).toMatch(/^Page 1 of 1 · \d+ jobs$/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('pages through more jobs than fit on one page', async () => {
    for (let i = 0; i < 11; i++) {
      const res = await server.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: `https://ok.test/page-${i}` } }) });
      expect(res.status).toBe(201);
    }
    const { page, problems } = await openPlayground();
    await expect.poll(() => page.getByTestId('jobs-page').textContent()).toMatch(/^Page 1 of \d+ · \d+ jobs$/);
    const total = Number(/· (\d+) jobs/.exec((await page.getByTestId('jobs-page').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('.jobs-table tbody tr').count()).toBe(10);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.getByTestId('jobs-page').textContent()).toMatch(/^Page 2 of/);
    expect(await page.locator('.jobs-table tbody tr').count()).toBe(Math.min(10, total - 10));

    // Open shows a finished job's results without submitting anything.
    const done = page.locator('.jobs-table tbody tr', { hasText: 'ok.test/page-0' });
    // Newest first: page-0 is the 11th newest job, the first row of page 2.
    expect(await done.count()).toBe(1);
    await done.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('result-status').textContent()).toBe('completed');
    await page.getByRole('tab', { name: /^YAML/ }).click();
    expect(await page.getByTestId('result-yaml').textContent()).toContain('https://ok.test/page-0');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('the playground against servers that refuse', () => {
  let browser: Browser;
  let dist: string;

  beforeAll(async () => {
    dist = await buildPlayground('refusals');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a server-side 422 (a job type this server does not run) as a readable message', async () => {
    // Only spiderSite is registered, so the server itself answers 422 for a spiderMaps submit.
    const siteOnly: RegisterEngines = (registry) => {
      registry.register(testSiteHandler, SiteDataSchema);
    };
    const server = await startTestServer(siteOnly, { SPIDERIQ_PLAYGROUND_DIR: dist });
    try {
      const { page, problems } = await openPage(browser, [server.url]);
      await page.goto(`${server.url}/`);
      await page.locator('#token').fill(server.tokens[0] ?? '');
      await page.locator('#token').press('Tab');
      await page.getByRole('tab', { name: 'spiderMaps' }).click();
      await page.locator('#spiderMaps-search_query').fill('plumbers in Austin, TX');
      await page.locator('#spiderMaps-max_results').fill('5');
      await page.getByRole('button', { name: 'Search listings' }).click();
      const error = page.getByTestId('error');
      await error.waitFor();
      expect(await error.textContent()).toContain('The server rejected the request (422)');
      expect(await error.textContent()).toContain('type: Job type spiderMaps is not enabled on this server');
      await screenshot(page, 'playground-422-server');
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
    }
  });

  it('shows 429 with how long to wait', async () => {
    const server = await startTestServer(registerTestEngines, {
      SPIDERIQ_PLAYGROUND_DIR: dist,
      SPIDERIQ_RATE_LIMIT_PER_MINUTE: '1',
      SPIDERIQ_RATE_LIMIT_BURST: '1',
    });
    try {
      const { page, problems } = await openPage(browser, [server.url]);
      await page.goto(`${server.url}/`);
      await page.locator('#token').fill(server.tokens[0] ?? '');
      await page.locator('#token').press('Tab'); // the jobs list uses the one request of the burst
      await expect.poll(() => page.getByTestId('jobs-message').textContent()).toBe('No jobs match.');
      await page.locator('#spiderSite-url').fill('https://ok.test/429');
      await page.getByRole('button', { name: 'Crawl site' }).click();
      const error = page.getByTestId('error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/Rate limited \(429\)Too many requests\. Try again in \d+ s\./);
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
    }
  });

  it('serves the docs at /docs/ with the results operation in the API reference', async (ctx) => {
    const docsDir = join(REPO_ROOT, 'docs', 'site');
    if (!existsSync(join(docsDir, 'index.html'))) {
      console.warn(`docs check skipped: ${docsDir} is not built (run \`pnpm docs\`)`);
      ctx.skip();
    }
    const server = await startTestServer(registerTestEngines, { SPIDERIQ_PLAYGROUND_DIR: dist, SPIDERIQ_DOCS_DIR: docsDir });
    try {
      const { page, problems } = await openPage(browser, [server.url]);
      await page.goto(`${server.url}/`);
      await page.getByRole('link', { name: 'Docs' }).click();
      await page.waitForURL(`${server.url}/docs/`);
      await page.goto(`${server.url}/docs/reference/index.html`);
      await page.getByText(/Get a job.s results/).first().waitFor({ timeout: 20_000 });
      expect(await page.content()).toContain('getJobResults');
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await server.close();
    }
  });
});
