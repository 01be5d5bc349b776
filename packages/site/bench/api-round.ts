import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processCpuSeconds, sampleGroupRss } from './group-rss.js';

/** One measured run: pages fetched, wall time of the crawl, and the peak RSS of the process group. */
export interface RoundResult {
  pages: number;
  seconds: number;
  peakRssMb: number;
  /** CPU seconds the crawling process used during the run: robust where wall time suffers from a loaded machine. */
  cpuSeconds: number;
}

const SERVER_MAIN = fileURLToPath(new URL('../../../apps/server/dist/main.js', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A token in SpiderSite's `client_id:api_key:api_secret` shape, registered through `SPIDERIQ_BOOTSTRAP_TOKEN`. */
function benchToken(): string {
  const id = randomBytes(16).toString('hex').slice(0, 16);
  return `cli_${id}:sk_${randomBytes(24).toString('hex')}:secret_${randomBytes(24).toString('hex')}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the real API server (`apps/server/dist/main.js`, SQLite in a fresh temp data dir, `workers`
 * site workers), submits one default-mode spiderSite job per site (compendium on, `max_pages`
 * `pages`), waits through the API until all are done, and stops the server. Time runs from the
 * first submit to the last job's `completed_at`; RSS is the server's whole process group.
 * `cpuProfileDir` runs the server under `node --cpu-prof`; `warmOrigins` are crawled the same way first,
 * off the clock (a running server's figures, not a fresh one's).
 */
export async function runApiRound(origins: readonly string[], pages: number, workers: number, cpuProfileDir?: string, warmOrigins: readonly string[] = []): Promise<RoundResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siq-bench-api-'));
  const port = await freePort();
  const token = benchToken();
  const args = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, SERVER_MAIN] : [SERVER_MAIN];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SPIDERIQ_DATA_DIR: dataDir,
      SPIDERIQ_BOOTSTRAP_TOKEN: token,
      SPIDERIQ_WORKERS_SITE: String(workers),
      SPIDERIQ_WORKERS_MAPS: '0',
      SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true',
      SPIDERIQ_RATE_LIMIT_PER_MINUTE: '1000000',
      SPIDERIQ_RATE_LIMIT_BURST: '1000000',
      // compare with the pages reduced on the main thread: SPIDERIQ_PAGE_THREADS=0 pnpm bench:crawl
      ...(process.env['SPIDERIQ_PAGE_THREADS'] ? { SPIDERIQ_PAGE_THREADS: process.env['SPIDERIQ_PAGE_THREADS'] } : {}),
    },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const rss = sampleGroupRss(child.pid!);
  const base = `http://127.0.0.1:${port}/api/v1`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  try {
    for (let tries = 0; ; tries++) {
      const ok = await fetch(`${base}/system/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (tries > 300 || child.exitCode !== null) throw new Error(`server did not start:\n${stderr}`);
      await sleep(50);
    }
    /** Submits one job per origin and waits through the API until all are done. */
    const crawlAll = async (list: readonly string[]): Promise<Map<string, { pages: number; completedAt: number }>> => {
      const ids = await Promise.all(
        list.map(async (origin) => {
          const res = await fetch(`${base}/jobs/spiderSite/submit`, { method: 'POST', headers, body: JSON.stringify({ payload: { url: `${origin}/`, max_pages: pages } }) });
          const body = (await res.json()) as { job_id?: string; detail?: unknown };
          if (!body.job_id) throw new Error(`submit failed (${res.status}): ${JSON.stringify(body)}`);
          return body.job_id;
        }),
      );
      const done = new Map<string, { pages: number; completedAt: number }>();
      while (done.size < ids.length) {
        await sleep(100);
        for (const id of ids) {
          if (done.has(id)) continue;
          if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${stderr}`);
          // A keep-alive socket the server just closed resets; the next poll asks again.
          const res = await fetch(`${base}/jobs/${id}/results`, { headers }).catch(() => null);
          if (!res) continue;
          const body = (await res.json()) as { status: string; completed_at: string | null; data: { pages_crawled: number; compendium: { available: boolean } } | null; error_message?: string };
          if (res.status === 410) throw new Error(`job ${id} ${body.status}: ${body.error_message}`);
          if (res.status !== 200) continue;
          if (!body.data?.compendium.available) throw new Error(`job ${id} has no compendium`);
          done.set(id, { pages: body.data.pages_crawled, completedAt: Date.parse(body.completed_at!) });
        }
      }
      return done;
    };
    // A running server's figures rather than a fresh one's: other sites crawled first, off the clock.
    if (warmOrigins.length > 0) await crawlAll(warmOrigins);
    const started = Date.now();
    const cpuBefore = processCpuSeconds(child.pid!);
    const done = await crawlAll(origins);
    const cpuSeconds = processCpuSeconds(child.pid!) - cpuBefore;
    const last = Math.max(...[...done.values()].map((d) => d.completedAt));
    const crawled = [...done.values()].reduce((n, d) => n + d.pages, 0);
    return { pages: crawled, seconds: (last - started) / 1000, peakRssMb: rss.stop(), cpuSeconds };
  } finally {
    rss.stop();
    // SIGTERM lets `--cpu-prof` write its profile; the group kill catches anything the server spawned.
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is already gone
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/**
 * Runs Crawlee's CheerioCrawler over the same sites in its own process group at `concurrency`
 * (`run-crawlee-sites.ts`), sampling the group's RSS the same way. tsx's esbuild helper process is
 * left out of the figure: a plain `node` run of the same script would not have it. `warmOrigins` are
 * crawled first in the same process, off the clock, by a crawler of their own.
 */
export async function runCrawleeRound(origins: readonly string[], concurrency: number, warmOrigins: readonly string[] = []): Promise<RoundResult> {
  const child = spawn(TSX, [fileURLToPath(new URL('./run-crawlee-sites.ts', import.meta.url)), String(concurrency), ...origins], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CRAWLEE_STORAGE_DIR: join(tmpdir(), 'spideriq-bench-crawlee'), CRAWLEE_PERSIST_STORAGE: 'false', BENCH_WARM_ORIGINS: warmOrigins.join(',') },
  });
  const rss = sampleGroupRss(child.pid!, 100, (comm) => comm !== 'esbuild');
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const peakRssMb = rss.stop();
  if (code !== 0) throw new Error(`crawlee exited with ${code}:\n${stderr}`);
  const { pages, seconds, cpuSeconds } = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Omit<RoundResult, 'peakRssMb'>;
  return { pages, seconds, peakRssMb, cpuSeconds };
}
