import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { JobContext } from '@spideriq/jobs';
import { SpiderSitePayloadSchema } from '@spideriq/schema';
import { MemoryArtifactStorage, serveFixtureSite } from '@spideriq/testkit';
import type { ServedFixtureSite } from '@spideriq/testkit';
import { createSiteHandler } from '../../src/handler.js';
import type { SiteEngineOptions } from '../../src/handler.js';
import { PagePool } from '../../src/page-pool.js';
import { processPage } from '../../src/page-work.js';

function context(): JobContext {
  const noop = (): void => undefined;
  return {
    jobId: 'job-threads',
    clientId: 'client-ab12',
    attempt: 1,
    signal: new AbortController().signal,
    progress: noop,
    storage: new MemoryArtifactStorage(),
    logger: { debug: noop, info: noop, warn: noop, error: noop },
  };
}

const BASE: SiteEngineOptions = { version: '0.1.0', publicUrl: 'http://localhost:8000', allowPrivateNetworks: true, chromiumPath: null };

let server: ServedFixtureSite | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('page worker threads', () => {
  const inline = createSiteHandler(BASE);
  const threaded = createSiteHandler({ ...BASE, pageThreads: 2 });
  afterAll(async () => {
    await inline.close();
    await threaded.close();
  });

  it('a job gives the same data with its pages reduced on worker threads as on the calling thread', async () => {
    server = await serveFixtureSite('plumber-uk');
    const input = SpiderSitePayloadSchema.parse({ url: server.url, max_pages: 20 });
    const here = await inline.run(input, context());
    const there = await threaded.run(input, context());
    expect(here.emails.length + here.phones.length).toBeGreaterThan(0);
    const timeless = (data: typeof here) => ({ ...data, metadata: { ...data.metadata, pages: data.metadata.pages.map(({ time_ms: _t, ...page }) => page) } });
    expect(timeless(there)).toEqual(timeless(here));
  }, 60_000);

  it('a pool starts its threads on first use, or all of them at once with start()', async () => {
    const lazy = new PagePool(2);
    const eager = new PagePool(2);
    const loading = eager.start();
    expect([lazy.threads, eager.threads]).toEqual([0, 2]);
    await loading;
    const work = { url: 'https://acme.example/', html: '<p>Hi</p>', compendium: null };
    await Promise.all([lazy.run(work), eager.run(work)]);
    expect([lazy.threads, eager.threads]).toEqual([1, 2]);
    await Promise.all([lazy.close(), eager.close()]);
    expect([lazy.threads, eager.threads]).toEqual([0, 0]);
  }, 30_000);

  it('a handler told to start its page threads is ready once they have loaded', async () => {
    const handler = createSiteHandler({ ...BASE, pageThreads: 1, startPageThreads: true });
    await handler.ready();
    server = await serveFixtureSite('plumber-uk');
    const data = await handler.run(SpiderSitePayloadSchema.parse({ url: server.url, max_pages: 3 }), context());
    expect(data.pages_crawled).toBe(3);
    await handler.close();
  }, 30_000);

  it("reduces a job's remaining pages first once its crawl has ended, and only a few pages at a time go to a thread", async () => {
    const pool = new PagePool(1);
    await pool.start();
    const page = (name: string) => ({ url: `https://acme.example/${name}`, html: `<main><p>${'Words for the page. '.repeat(400)}</p></main>`, compendium: null });
    const order: string[] = [];
    const crawling = pool.lane();
    const ended = pool.lane();
    const runs = Array.from({ length: 30 }, (_, i) => crawling.run(page(`a${i}`)).then(() => order.push(`a${i}`)));
    runs.push(...Array.from({ length: 5 }, (_, i) => ended.run(page(`b${i}`)).then(() => order.push(`b${i}`))));
    ended.drain();
    await Promise.all(runs);
    crawling.drain();
    // the first pages were sent before the second job's arrived; the rest waited in the queue
    const firstEnded = order.indexOf('b0');
    expect(firstEnded).toBeGreaterThan(0);
    expect(firstEnded).toBeLessThanOrEqual(8);
    expect(order.slice(firstEnded, firstEnded + 5)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
    expect(order.filter((name) => name.startsWith('a'))).toEqual(Array.from({ length: 30 }, (_, i) => `a${i}`));
    await pool.close();
  }, 30_000);

  it('closing a pool rejects the pages still waiting for a thread', async () => {
    const pool = new PagePool(1);
    const work = { url: 'https://acme.example/', html: `<p>${'Hi. '.repeat(5000)}</p>`, compendium: null };
    const runs = Array.from({ length: 20 }, () => pool.run(work).then(() => 'done', (error: Error) => error.name));
    await pool.close();
    expect(await Promise.all(runs)).toEqual(Array.from({ length: 20 }, () => 'PagePoolError'));
  }, 30_000);

  it('a page is reduced the same on a thread, and a closed pool refuses work', async () => {
    const pool = new PagePool(1);
    const work = { url: 'https://acme.example/', html: '<main><p>Mail <a href="mailto:hi@acme.example">us</a></p></main>', compendium: { cleanup_level: 'fit' as const, priority_sections: [] } };
    expect(await pool.run(work)).toEqual(processPage(work));
    await pool.close();
    await expect(pool.run(work)).rejects.toMatchObject({ name: 'PagePoolError', code: 'worker_exited' });
  }, 30_000);
});
