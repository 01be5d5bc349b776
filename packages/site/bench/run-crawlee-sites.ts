import { CheerioCrawler, Configuration, log } from '@crawlee/cheerio';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';

// Child process of the API benchmark: crawls the bench sites with one Crawlee CheerioCrawler at the
// same total concurrency as the server (site workers × pages per job), with a handler comparable to
// ours: Cheerio parse (done by Crawlee), emails from mailto links and text, phones with
// libphonenumber's finder, links, one dataset record per page. In-memory storage only. Prints one
// JSON line. No `maxRequestsPerCrawl`: every site has exactly the page budget (see run-crawlee.ts).
const [concurrencyArg, ...origins] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const EMAIL = /[a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9-]+\.)+[a-z]{2,24}/gi;
log.setLevel(log.LEVELS.OFF);
let pages = 0;
/** One CheerioCrawler over `starts` with the extraction handler; a new one each call, so its queue starts empty. */
const crawl = async (starts: readonly string[]): Promise<void> => {
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  const crawler = new CheerioCrawler(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestRetries: 2,
      async requestHandler({ request, $, enqueueLinks, pushData }) {
        pages++;
        const text = $('body').text();
        const emails = new Set<string>(text.match(EMAIL) ?? []);
        $('a[href^="mailto:"]').each((_, el) => {
          emails.add(($(el).attr('href') ?? '').slice(7).split('?')[0]!);
        });
        const phones = findPhoneNumbersInText(text).map((m) => m.number.number);
        const links = $('a[href]').map((_, el) => $(el).attr('href')).get();
        await pushData({ url: request.loadedUrl, title: $('title').text(), emails: [...emails], phones, links: links.length });
        await enqueueLinks({ strategy: 'same-origin' });
      },
    },
    config,
  );
  await crawler.run(starts.map((origin) => `${origin}/`));
};
// BENCH_WARM_ORIGINS: other sites crawled first, off the clock (a warmed-up process, as the server's warm round).
const warm = (process.env['BENCH_WARM_ORIGINS'] ?? '').split(',').filter(Boolean);
if (warm.length > 0) await crawl(warm);
pages = 0;
const started = performance.now();
const cpu = process.cpuUsage();
await crawl(origins);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ pages, seconds, cpuSeconds: (used.user + used.system) / 1e6 })}\n`);
