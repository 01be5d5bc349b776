import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { registerTestEngines, startTestServer, type TestServer } from '@spideriq/testkit/server';
import { buildPlayground, HAS_CHROMIUM, launchChromium, openPage } from './support/browser.js';

/** An iPhone-sized screen (375 × 812 CSS px), the narrowest layout the playground supports. */
const PHONE = { width: 375, height: 812 };

/** How far the page is wider than the screen, and the elements that stick out past its right edge. */
async function overflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll('body *')]
      // What scrolls inside its own box (a code block, a wide table in a scroller) does not widen the page.
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && getComputedStyle(el).position !== 'fixed')
      .filter((el) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (getComputedStyle(up).overflowX !== 'visible') return false;
        }
        return true;
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} → ${Math.round(el.getBoundingClientRect().right)}px`)
      .slice(0, 8);
    return { by: document.documentElement.scrollWidth - width, culprits };
  });
}

describe.skipIf(!HAS_CHROMIUM)('the playground on a phone', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    const dist = await buildPlayground('phone');
    server = await startTestServer(registerTestEngines, { SPIDERIQ_PLAYGROUND_DIR: dist });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['spiderSite', 'spiderMaps'])('shows the %s form at 375 px with no horizontal scroll', async (form) => {
    const { page, context, problems } = await openPage(browser, [server.url], PHONE);
    await page.goto(`${server.url}/`);
    await page.getByRole('tab', { name: form }).click();
    await page.getByRole('tab', { name: 'curl' }).click();
    const { by, culprits } = await overflow(page);
    expect({ by, culprits }).toEqual({ by: 0, culprits: [] });
    expect(problems).toEqual([]);
    await context.close();
  });
});
