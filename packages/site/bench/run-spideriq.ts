import { crawlSite } from '../src/crawl/crawler.js';
import { HttpClient } from '../src/fetch/http-client.js';
import { extractPage } from '../src/extract/index.js';

// Child process: crawls the bench site with this engine and prints one JSON line.
const [origin, maxPagesArg, concurrencyArg, withExtract] = process.argv.slice(2);
const maxPages = Number(maxPagesArg);
const concurrency = Number(concurrencyArg);
const http = new HttpClient({ userAgent: 'SpiderIQ/bench (+http://127.0.0.1)', allowPrivateNetworks: true, connectionsPerOrigin: concurrency });
const started = performance.now();
let emails = 0;
const summary = await crawlSite({
  startUrl: `${origin}/`,
  http,
  maxPages,
  strategy: 'bestfirst',
  targetPages: ['contact', 'about', 'team', 'news', 'blog'],
  timeoutMs: 30_000,
  concurrency,
  productToken: 'SpiderIQ',
  enableSpa: true,
  spaTimeoutMs: 30_000,
  onPage: (page) => {
    if (withExtract === 'extract' && page.html) emails += extractPage({ url: page.finalUrl, html: page.html }).emails.length;
  },
});
const seconds = (performance.now() - started) / 1000;
await http.close();
process.stdout.write(
  `${JSON.stringify({ pages: summary.pagesCrawled, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, emails })}\n`,
);
