import { existsSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../src/crawl/crawler.js';
import { HttpClient } from '../../src/fetch/http-client.js';
import { BrowserRenderer } from '../../src/render/renderer.js';
import { startLocalServer, staticSite } from '@spideriq/testkit';
import type { LocalServer } from '@spideriq/testkit';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[render] ${CHROMIUM} is absent: skipping the Chromium rendering test (apt-get install chromium)`);

const SPA = `<!doctype html><html><head><title>Shell</title></head><body><div id="root"></div>
<img src="/hero.png"><script>
  const root = document.getElementById('root');
  root.innerHTML = '<h1>Rendered by JavaScript</h1><a href="/kontakt">Kontakt</a><a href="mailto:hello@spa.test">hello@spa.test</a>';
</script></body></html>`;

let server: LocalServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('SPA rendering', () => {
  const renderer = new BrowserRenderer({ executablePath: CHROMIUM });
  afterAll(() => renderer.close());

  it.skipIf(!hasChromium)('renders an SPA shell in Chromium, blocks images and follows rendered links', async () => {
    server = await startLocalServer(
      staticSite({
        '/': { body: SPA },
        '/hero.png': { type: 'image/png', body: 'png' },
        '/kontakt': { body: `<html><body><h1>Kontakt</h1><p>${'Ruf uns an. '.repeat(40)}</p></body></html>` },
      }),
    );
    const http = new HttpClient({ userAgent: 'SpiderIQ/test', allowPrivateNetworks: true, retries: 0 });
    const html: string[] = [];
    const summary = await crawlSite({
      startUrl: `${server.origin}/`,
      http,
      maxPages: 5,
      strategy: 'bestfirst',
      targetPages: ['contact'],
      timeoutMs: 5000,
      concurrency: 2,
      productToken: 'SpiderIQ',
      enableSpa: true,
      spaTimeoutMs: 15_000,
      openRenderer: () => renderer.session({ userAgent: 'SpiderIQ/test', allowRequest: async () => true }),
      onPage: (page) => void (page.html && html.push(page.html)),
    });
    await http.close();
    const home = summary.pages.find((p) => p.url === `${server!.origin}/`);
    expect(home?.rendered).toBe(true);
    expect(html[0]).toContain('Rendered by JavaScript');
    expect(summary.pages.map((p) => new URL(p.url).pathname)).toContain('/kontakt');
    expect(summary.pages.find((p) => p.url.endsWith('/kontakt'))?.rendered).toBe(false);
    expect(summary.spaPagesDetected).toBe(1);
    expect(server.requests).not.toContain('/hero.png');
  });

  it.skipIf(!hasChromium)('waits for the network to settle and the DOM to stop changing before reading the page', async () => {
    // A spinner that ticks every 150 ms for 1.5 s, then a request, then the contact block: network
    // idleness alone (500 ms without requests) would read the page while it still says "Loading".
    const late = `<!doctype html><html><body><div id="root"><p id="spin">Loading</p></div><script>
      let ticks = 0;
      const spin = setInterval(() => {
        document.getElementById('spin').textContent = 'Loading' + '.'.repeat(++ticks % 4);
        if (ticks === 10) {
          clearInterval(spin);
          fetch('/api/contact.json').then((r) => r.json()).then((c) => {
            document.getElementById('root').innerHTML = '<footer><a href="mailto:' + c.email + '">' + c.email + '</a> ' + c.phone + '</footer>';
          });
        }
      }, 150);
    </script></body></html>`;
    server = await startLocalServer(
      staticSite({
        '/': { body: late },
        '/api/contact.json': { type: 'application/json', body: JSON.stringify({ email: 'late@spa.test', phone: '+49 30 2345 6789' }) },
      }),
    );
    const session = await renderer.session({ userAgent: 'SpiderIQ/test', allowRequest: async () => true });
    const result = await session!.render(`${server.origin}/`, { timeoutMs: 15_000 });
    await session!.close();
    expect(result.html).toContain('late@spa.test');
    expect(result.html).not.toContain('id="spin"');
    expect(result.timeMs).toBeLessThan(15_000);
  });

  it.skipIf(!hasChromium)('reads the content an app showed and then unmounted when a blocked widget request failed', async () => {
    // Like a React tree torn down by an uncaught error: the app renders its contact block, a 3D
    // widget's asset request is refused, and the error handler empties the root.
    const crash = `<!doctype html><html><body><div id="root"></div><script>
      const root = document.getElementById('root');
      root.innerHTML = '<main><p>${'Lashes and facials by appointment. '.repeat(8)}</p><a href="https://www.facebook.com/lash' + 'studio.test">Facebook</a></main>';
      fetch('/widget/scene.bin').then((r) => { if (!r.ok) throw new Error('scene'); }).catch(() => { root.innerHTML = ''; });
    </script></body></html>`;
    server = await startLocalServer(staticSite({ '/': { body: crash } }));
    const session = await renderer.session({ userAgent: 'SpiderIQ/test', allowRequest: async (url) => !url.includes('/widget/') });
    const result = await session!.render(`${server.origin}/`, { timeoutMs: 15_000 });
    await session!.close();
    expect(result.html).toContain('facebook.com/lashstudio.test');
  });

  it.skipIf(!hasChromium)('does not put back content an app replaced with more of its own', async () => {
    const swap = `<!doctype html><html><body><div id="root"><section id="old">${'Server-rendered teaser text. '.repeat(10)}</section></div><script>
      setTimeout(() => { document.getElementById('root').innerHTML = '<section id="n' + 'ew">${'The full client-rendered page. '.repeat(20)}</section>'; }, 100);
    </script></body></html>`;
    server = await startLocalServer(staticSite({ '/': { body: swap } }));
    const session = await renderer.session({ userAgent: 'SpiderIQ/test', allowRequest: async () => true });
    const result = await session!.render(`${server.origin}/`, { timeoutMs: 15_000 });
    await session!.close();
    expect(result.html).toContain('id="new"');
    expect(result.html).not.toContain('id="old"');
  });

  it.skipIf(!hasChromium)('aborts requests the guard refuses', async () => {
    server = await startLocalServer(staticSite({ '/': { body: SPA } }));
    const session = await renderer.session({ userAgent: 'SpiderIQ/test', allowRequest: async () => false });
    const result = await session!.render(`${server.origin}/`, { timeoutMs: 5000 }).catch((e: unknown) => e);
    await session!.close();
    expect(result).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(0);
  });

  it('crawls over plain HTTP when no browser is available', async () => {
    const missing = new BrowserRenderer({ executablePath: '/nonexistent/chromium' });
    expect(await missing.available()).toBe(false);
    expect(await missing.session({ userAgent: 't', allowRequest: async () => true })).toBeNull();
    server = await startLocalServer(staticSite({ '/': { body: SPA } }));
    const http = new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0 });
    const summary = await crawlSite({
      startUrl: `${server.origin}/`,
      http,
      maxPages: 2,
      strategy: 'bfs',
      targetPages: [],
      timeoutMs: 3000,
      concurrency: 1,
      productToken: 'SpiderIQ',
      enableSpa: true,
      spaTimeoutMs: 3000,
      openRenderer: () => missing.session({ userAgent: 't', allowRequest: async () => true }),
    });
    await http.close();
    expect(summary.pagesCrawled).toBe(1);
    expect(summary.pages[0]?.rendered).toBe(false);
    expect(summary.browserRenderingAvailable).toBe(false);
  });
});
