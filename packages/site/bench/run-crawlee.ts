import { CheerioCrawler, Configuration, log } from '@crawlee/cheerio';

// Child process: crawls the bench site with Crawlee's CheerioCrawler (in-memory storage, nothing
// written or downloaded) and prints one JSON line, at the same fixed concurrency as our engine.
// No `maxRequestsPerCrawl`: the site has exactly the page budget, and with that option set Crawlee's
// `enqueueLinks` stalls for seconds once the cap nears (8 pages/s instead of ~110 on this machine),
// which would make the comparison meaningless.
const [origin, , concurrencyArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
log.setLevel(log.LEVELS.OFF);
const config = new Configuration({ persistStorage: false, purgeOnStart: true });
let pages = 0;
const crawler = new CheerioCrawler(
  {
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
