import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';

/** Debian's Chromium; CI installs it from apt (`apt-get install chromium`). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
if (!HAS_CHROMIUM) {
  console.warn(`playground browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Screenshots and the test build; gitignored through the root `.gitignore`'s `test-artifacts/`. */
export const ARTIFACTS_DIR = join(appDir, 'test-artifacts');
export const REPO_ROOT = join(appDir, '..', '..');
/**
 * `SPIDERIQ_UPDATE_SCREENSHOTS=1` copies the README's two screenshots to docs/ (committed); a normal run
 * leaves them in test-artifacts/ so the tests never dirty the work tree.
 */
export const UPDATE_SCREENSHOTS = process.env['SPIDERIQ_UPDATE_SCREENSHOTS'] === '1';

/**
 * Builds the playground from source into test-artifacts/<name>, so the browser tests always run the code
 * they sit next to (never a stale dist) and the server serves it as it serves `apps/playground/dist`.
 * Each test file passes its own name: vitest runs files in parallel and a build empties its folder first.
 */
export async function buildPlayground(name: string): Promise<string> {
  const outDir = join(ARTIFACTS_DIR, `dist-${name}`);
  await build({ root: appDir, configFile: join(appDir, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Headless Chromium with a fresh profile, no background traffic and no QUIC. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page whose requests may only go to `origins` (127.0.0.1 servers); anything else is aborted and recorded. */
export interface GuardedPage {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave the allowed origins, and uncaught page errors. */
  problems: string[];
}

/** Opens a fresh context (its own localStorage) at a 1360×900 viewport, or the one given. */
export async function openPage(browser: Browser, origins: readonly string[], viewport = { width: 1360, height: 900 }): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
  const page = await context.newPage();
  const problems: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (origins.some((origin) => url.startsWith(`${origin}/`)) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request off the machine: ${url}`);
    return route.abort();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** Saves a screenshot under test-artifacts/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
