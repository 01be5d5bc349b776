import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isExecutable } from './chromium.js';
import { waitForDomQuiet } from './dom-settle.js';
import { MIN_CONTENT, restoreCollapsedContent, trackRemovedContent } from './collapse.js';

/** A rendered page. */
export interface RenderResult {
  html: string;
  status: number | null;
  finalUrl: string;
  timeMs: number;
}

/** Rendering for one job: its own browser context (cookies and cache never leak between jobs). */
export interface RenderSession {
  render(url: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<RenderResult>;
  close(): Promise<void>;
}

/** What a job's browser context needs. */
export interface RenderSessionOptions {
  userAgent: string;
  /**
   * Asked for every request the page makes (documents, scripts, XHR); returning false aborts it.
   * The crawler passes its SSRF guard here so a rendered page cannot reach private addresses either.
   */
  allowRequest(url: string): Promise<boolean>;
}

/** Settings of the shared browser. */
export interface BrowserRendererOptions {
  /** Path of a Chromium executable, or null to disable rendering. */
  executablePath: string | null;
  launchTimeoutMs?: number;
}

const BLOCKED_RESOURCES = new Set(['image', 'font', 'media']);

/**
 * Waits, within the deadline, for the network to settle and then for the DOM to stop changing
 * (`waitForDomQuiet`), twice over: content rendered after the last request may start new requests
 * (a contact widget loading its data) that change the DOM again.
 */
async function settle(page: Page, deadline: number): Promise<void> {
  const left = (cap: number): number => Math.min(cap, deadline - performance.now());
  for (const [idleMs, quietMs, maxQuietMs] of [[5_000, 750, 10_000], [2_000, 500, 3_000]] as const) {
    if (left(idleMs) > 0) await page.waitForLoadState('networkidle', { timeout: left(idleMs) }).catch(() => undefined);
    if (left(maxQuietMs) <= 0) return;
    await page.evaluate(waitForDomQuiet, { quietMs, maxMs: left(maxQuietMs) }).catch(() => undefined);
  }
}

/**
 * One shared headless Chromium (driven by playwright-core, both loaded and launched on first use) handing out a
 * context per job, with images, fonts and media blocked. When the executable is missing or will not
 * start, `available()` is false and the crawl carries on over plain HTTP.
 */
export class BrowserRenderer {
  readonly #options: BrowserRendererOptions;
  #browser: Promise<Browser | null> | null = null;
  #available: boolean | null = null;

  constructor(options: BrowserRendererOptions) {
    this.#options = options;
  }

  /** Whether a browser can be used (checks the executable once; a failed launch also turns it off). */
  async available(): Promise<boolean> {
    if (this.#available === null) this.#available = await isExecutable(this.#options.executablePath);
    return this.#available;
  }

  async #launch(): Promise<Browser | null> {
    if (!(await this.available())) return null;
    // playwright-core is loaded with the first launch: its modules cost a process about 90 MB of RSS,
    // which a server whose sites never need a browser should not pay.
    this.#browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({
        executablePath: this.#options.executablePath!,
        headless: true,
        timeout: this.#options.launchTimeoutMs ?? 30_000,
        args: ['--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--mute-audio'],
        // Running as root in a container needs the sandbox off; the page still cannot reach private networks.
        chromiumSandbox: false,
      }))
      .then((browser) => {
        browser.on('disconnected', () => {
          this.#browser = null;
        });
        return browser;
      })
      .catch(() => {
        this.#available = false;
        this.#browser = null;
        return null;
      });
    return this.#browser;
  }

  /** A context for one job, or null when no browser is available. */
  async session(options: RenderSessionOptions): Promise<RenderSession | null> {
    const browser = await this.#launch();
    if (!browser) return null;
    let context: BrowserContext;
    try {
      context = await browser.newContext({ userAgent: options.userAgent, javaScriptEnabled: true, serviceWorkers: 'block' });
    } catch {
      return null;
    }
    // Installed before any page script, so content an app renders and then unmounts can be put back.
    await context.addInitScript(trackRemovedContent, MIN_CONTENT).catch(() => undefined);
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (BLOCKED_RESOURCES.has(request.resourceType())) return route.abort('blockedbyclient');
      let allowed = false;
      try {
        allowed = await options.allowRequest(request.url());
      } catch {
        allowed = false;
      }
      return allowed ? route.continue() : route.abort('blockedbyclient');
    });
    return {
      async render(url, { timeoutMs, signal }) {
        const started = performance.now();
        signal?.throwIfAborted();
        const page = await context.newPage();
        const onAbort = (): void => void page.close().catch(() => undefined);
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
          await settle(page, started + timeoutMs);
          await page.evaluate(restoreCollapsedContent).catch(() => false);
          const html = await page.content();
          return { html, status: response?.status() ?? null, finalUrl: page.url(), timeMs: Math.round(performance.now() - started) };
        } finally {
          signal?.removeEventListener('abort', onAbort);
          await page.close().catch(() => undefined);
        }
      },
      async close() {
        await context.close().catch(() => undefined);
      },
    };
  }

  /** Closes the shared browser (server shutdown). */
  async close(): Promise<void> {
    const browser = await this.#browser;
    this.#browser = null;
    await browser?.close().catch(() => undefined);
  }
}
