import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerEngines } from '@spideriq/server';
import { startTestServer } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { serveFixtureSite } from '@spideriq/testkit';
import type { ServedFixtureSite } from '@spideriq/testkit';
import { buildPlayground, HAS_CHROMIUM, launchChromium, openPage, REPO_ROOT, screenshot, UPDATE_SCREENSHOTS } from './support/browser.ts';

describe.skipIf(!HAS_CHROMIUM)('a real spiderSite crawl of a local fixture site, through the playground', () => {
  let browser: Browser;
  let server: TestServer;
  let site: ServedFixtureSite;

  beforeAll(async () => {
    const dist = await buildPlayground('fixture');
    site = await serveFixtureSite('plumber-uk');
    // The fixture site is on 127.0.0.1, which the SSRF guard blocks unless private networks are allowed.
    server = await startTestServer(registerEngines, { SPIDERIQ_PLAYGROUND_DIR: dist, SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
  });

  it('crawls the site with the real engine, shows the contacts, and downloads the compendium', async () => {
    const { page, problems } = await openPage(browser, [server.url]);
    await page.goto(`${server.url}/`);
    await page.locator('#token').fill(server.tokens[0] ?? '');
    await page.locator('#token').press('Tab');
    await page.locator('#spiderSite-url').fill(site.url);
    await page.locator('#spiderSite-mode').selectOption('compendium');
    await page.locator('#spiderSite-max_pages').fill('5');
    await page.getByRole('button', { name: 'Crawl site' }).click();

    await page.getByTestId('result-status').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('result-status').textContent()).toBe('completed');
    expect(await page.getByTestId('progress-count').textContent()).toMatch(/^[1-5]( \/ \d+)?$/);

    await page.getByRole('tab', { name: /^YAML/ }).click();
    const yaml = (await page.getByTestId('result-yaml').textContent()) ?? '';
    for (const email of ['info@davesplumbing.co.uk', 'quotes@davesplumbing.co.uk']) expect(yaml).toContain(email);
    await page.getByRole('tab', { name: /^Markdown/ }).click();
    expect(await page.getByTestId('markdown-rendered').textContent()).toContain('info@davesplumbing.co.uk');
    for (const key of ['json', 'yaml', 'md']) {
      await expect.poll(() => page.getByTestId(`result-format-${key}-badge`).textContent(), { timeout: 20_000 }).toMatch(/^\d[\d,]* tokens$/);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    const resultsShot = await screenshot(page, 'playground-fixture-results');
    if (UPDATE_SCREENSHOTS) copyFileSync(resultsShot, join(REPO_ROOT, 'docs', 'playground-results.png'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download compendium' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = readFileSync((await download.path()) ?? '', 'utf8');
    expect(markdown).toMatch(/Plumbing/i);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
