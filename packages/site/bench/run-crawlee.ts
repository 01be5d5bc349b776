import { CheerioCrawler, Configuration, log } from '@crawlee/cheerio';

// Child process: crawls the bench site with Crawlee's CheerioCrawler (in-memory storage, nothing
// written or downloaded) and prints one JSON line. Configured as its docs suggest, at the same fixed
// concurrency as our engine. Observed on this graph (10 links per page, most already queued): after
// ~200 pages, `enqueueLinks` calls start to block for 4-11 s each, which dominates Crawlee's time;
// swapping in RequestQueueV1 did not change that.
const [origin, maxPagesArg, concurrencyArg] = process.argv.slice(2);
const maxPages = Number(maxPagesArg);
const concurrency = Number(concurrencyArg);
log.setLevel(log.LEVELS.OFF);
const config = new Configuration({ persistStorage: false, purgeOnStart: true });
let pages = 0;
const crawler = new CheerioCrawler(
  {
    maxRequestsPerCrawl: maxPages,
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestRetries: 2,
    async requestHandler({ enqueueLinks }) {
      pages++;
      await enqueueLinks({ strategy: 'same-hostname' });
    },
  },
  config,
);
const started = performance.now();
await crawler.run([`${origin}/`]);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ pages, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
