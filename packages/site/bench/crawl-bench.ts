import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateSite } from './generate-site.js';

/**
 * `pnpm bench:crawl`: serves a generated 500-page site on 127.0.0.1 and crawls it with this engine and
 * with Crawlee's CheerioCrawler, each in its own child process (so peak RSS is each crawler's own),
 * at the same concurrency. Prints pages/s and peak RSS for both, plus this engine with the contact
 * extractors running on every page.
 */
const PAGES = Number(process.env['BENCH_PAGES'] ?? 500);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const run = promisify(execFile);

interface Result {
  pages: number;
  seconds: number;
  peakRssMb: number;
}

const loadBefore = loadavg()[0]!;
const site = generateSite(PAGES);
const server = createServer((req, res) => {
  const body = site.get((req.url ?? '/').split('?')[0]!);
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
});
server.keepAliveTimeout = 10_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
async function child(script: string, ...args: string[]): Promise<Result> {
  const { stdout } = await run(tsx, [fileURLToPath(new URL(script, import.meta.url)), origin, String(PAGES), String(CONCURRENCY), ...args], {
    env: { ...process.env, CRAWLEE_STORAGE_DIR: '/tmp/spideriq-bench-crawlee', CRAWLEE_PERSIST_STORAGE: 'false' },
    maxBuffer: 1 << 20,
  });
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Result;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows: Array<[string, Result[]]> = [
  ['SpiderIQ crawl', []],
  ['Crawlee CheerioCrawler', []],
  ['SpiderIQ crawl + extractors', []],
];
for (let round = 0; round < ROUNDS; round++) {
  // Alternate the order so neither crawler always meets a warm server.
  const order = round % 2 === 0 ? [0, 1, 2] : [1, 0, 2];
  for (const index of order) {
    const script = index === 1 ? './run-crawlee.ts' : './run-spideriq.ts';
    rows[index]![1].push(await child(script, index === 2 ? 'extract' : 'plain'));
  }
}
server.close();

const summary = rows.map(([name, results]) => ({
  name,
  pages: median(results.map((r) => r.pages)),
  pagesPerSecond: median(results.map((r) => r.pages / r.seconds)),
  peakRssMb: median(results.map((r) => r.peakRssMb)),
}));
console.log(
  `\nCrawl benchmark: ${PAGES}-page local site, concurrency ${CONCURRENCY}, median of ${ROUNDS} runs, node ${process.version}, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`,
);
console.log('| crawler | pages | pages/s | peak RSS (MB) |');
console.log('|---|---:|---:|---:|');
for (const row of summary) console.log(`| ${row.name} | ${row.pages} | ${row.pagesPerSecond.toFixed(1)} | ${row.peakRssMb.toFixed(0)} |`);
const ours = summary[0]!;
const theirs = summary[1]!;
console.log(
  `\nSpiderIQ vs Crawlee: ${(ours.pagesPerSecond / theirs.pagesPerSecond).toFixed(2)}x pages/s, ${(ours.peakRssMb / theirs.peakRssMb).toFixed(2)}x peak RSS`,
);
