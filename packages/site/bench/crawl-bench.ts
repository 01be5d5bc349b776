import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { runApiRound, runCrawleeRound } from './api-round.js';
import type { RoundResult } from './api-round.js';
import { generateBusinessSite } from './business-site.js';
import { generateSite } from './generate-site.js';

/**
 * `pnpm bench:crawl`, two sections, each alternating its contenders over `--rounds` rounds and
 * printing medians:
 *
 * 1. **Through the API**: `--sites` generated small-business sites of `--pages` pages each are
 *    served on 127.0.0.1; the real server (`apps/server/dist/main.js`, SQLite, `--workers` site
 *    workers) crawls them as default-mode spiderSite jobs (compendium on) submitted and awaited over
 *    HTTP; Crawlee's CheerioCrawler crawls the same sites in its own process at the same total
 *    concurrency with a comparable extraction handler. Peak RSS is each process group's, sampled
 *    from /proc every 100 ms.
 * 2. **Crawl only** (the engine in-process, no server): a 500-page site crawled by this engine, by
 *    Crawlee, and by this engine with the contact extractors on every page.
 *
 * Flags: `--rounds 3`, `--section api|crawl|all`, `--sites 10`, `--pages 50`, `--workers 4`,
 * `--cpu-prof <dir>` (runs the server under `node --cpu-prof`; read it with `bench/cpu-top.ts`),
 * `--warm` (API section: each contender first crawls as many other sites, off the clock, in the same
 * process: a running server's and a warmed-up Crawlee's figures rather than fresh processes').
 */
const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: process.env['BENCH_ROUNDS'] ?? '3' },
    section: { type: 'string', default: 'all' },
    sites: { type: 'string', default: '10' },
    pages: { type: 'string', default: '50' },
    workers: { type: 'string', default: '4' },
    'cpu-prof': { type: 'string' },
    warm: { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(flags.rounds);
const SITES = Number(flags.sites);
const SITE_PAGES = Number(flags.pages);
const WORKERS = Number(flags.workers);
/** Pages a spiderSite job fetches at once (the handler's default). */
const PER_JOB = 4;
const CRAWL_PAGES = Number(process.env['BENCH_PAGES'] ?? 500);
const CRAWL_CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
const run = promisify(execFile);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function serve(files: (origin: string) => Map<string, { type: string; body: string }>): Promise<{ origin: string; server: Server }> {
  let site = new Map<string, { type: string; body: string }>();
  const server = createServer((req, res) => {
    const file = site.get((req.url ?? '/').split('?')[0]!);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type });
    res.end(file.body);
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site = files(origin);
  return { origin, server };
}

interface Row {
  name: string;
  results: Array<Omit<RoundResult, 'cpuSeconds'> & { cpuSeconds?: number }>;
}

function table(title: string, rows: Row[]): void {
  console.log(`\n${title}\n`);
  console.log('| contender | pages | pages/s | peak RSS (MB) | CPU ms/page |');
  console.log('|---|---:|---:|---:|---:|');
  for (const { name, results } of rows) {
    const cpu = results.every((r) => r.cpuSeconds !== undefined) ? median(results.map((r) => (1000 * r.cpuSeconds!) / r.pages)).toFixed(1) : 'n/a';
    console.log(
      `| ${name} | ${median(results.map((r) => r.pages))} | ${median(results.map((r) => r.pages / r.seconds)).toFixed(1)} | ${median(results.map((r) => r.peakRssMb)).toFixed(0)} | ${cpu} |`,
    );
  }
  const [ours, theirs] = rows;
  const speed = median(ours!.results.map((r) => r.pages / r.seconds)) / median(theirs!.results.map((r) => r.pages / r.seconds));
  const rss = median(ours!.results.map((r) => r.peakRssMb)) / median(theirs!.results.map((r) => r.peakRssMb));
  console.log(`\n${ours!.name} vs ${theirs!.name}: ${speed.toFixed(2)}x pages/s, ${rss.toFixed(2)}x peak RSS`);
}

const loadBefore = loadavg()[0]!;
console.log(`node ${process.version}, ${ROUNDS} round(s), load average ${loadBefore.toFixed(1)}`);

if (flags.section === 'all' || flags.section === 'api') {
  const sites = await Promise.all(Array.from({ length: flags.warm ? 2 * SITES : SITES }, (_, i) => serve((origin) => generateBusinessSite(i, SITE_PAGES, origin).files)));
  const origins = sites.slice(0, SITES).map((s) => s.origin);
  const warmOrigins = sites.slice(SITES).map((s) => s.origin);
  const rows: Row[] = [
    { name: 'SpiderIQ API (server, default mode, compendium on)', results: [] },
    { name: 'Crawlee CheerioCrawler (+ extraction handler)', results: [] },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so neither contender always meets a warm machine.
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const result = index === 0 ? await runApiRound(origins, SITE_PAGES, WORKERS, flags['cpu-prof'], warmOrigins) : await runCrawleeRound(origins, WORKERS * PER_JOB, warmOrigins);
      rows[index]!.results.push(result);
      console.log(`round ${round + 1}: ${rows[index]!.name}: ${result.pages} pages in ${result.seconds.toFixed(2)} s, ${(result.pages / result.seconds).toFixed(1)} pages/s, peak RSS ${result.peakRssMb.toFixed(0)} MB, ${((1000 * result.cpuSeconds!) / result.pages).toFixed(1)} CPU ms/page`);
    }
  }
  for (const { server } of sites) server.close();
  table(
    `Through the API: ${SITES} local sites x ${SITE_PAGES} pages, ${WORKERS} site workers x ${PER_JOB} pages per job (Crawlee maxConcurrency ${WORKERS * PER_JOB}), median of ${ROUNDS}${flags.warm ? `, after ${SITES} other sites crawled off the clock` : ''}`,
    rows,
  );
}

if (flags.section === 'all' || flags.section === 'crawl') {
  const site = generateSite(CRAWL_PAGES);
  const { origin, server } = await serve(() => new Map([...site].map(([path, body]) => [path, { type: 'text/html; charset=utf-8', body }])));
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  const child = async (script: string, ...args: string[]): Promise<Row['results'][number]> => {
    const { stdout } = await run(tsx, [fileURLToPath(new URL(script, import.meta.url)), origin, String(CRAWL_PAGES), String(CRAWL_CONCURRENCY), ...args], {
      env: { ...process.env, CRAWLEE_STORAGE_DIR: '/tmp/spideriq-bench-crawlee', CRAWLEE_PERSIST_STORAGE: 'false' },
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Row['results'][number];
  };
  const rows: Row[] = [
    { name: 'SpiderIQ crawl', results: [] },
    { name: 'Crawlee CheerioCrawler', results: [] },
    { name: 'SpiderIQ crawl + extractors', results: [] },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const index of round % 2 === 0 ? [0, 1, 2] : [1, 0, 2]) {
      rows[index]!.results.push(await child(index === 1 ? './run-crawlee.ts' : './run-spideriq.ts', index === 2 ? 'extract' : 'plain'));
    }
  }
  server.close();
  table(`Crawl only (engine in-process): ${CRAWL_PAGES}-page local site, concurrency ${CRAWL_CONCURRENCY}, median of ${ROUNDS} (peak RSS: the process's maxRSS)`, rows);
}
console.log(`\nload average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
