/**
 * `pnpm bench:queue`: end-to-end jobs/s of trivial jobs (submitted over HTTP, run by a handler that
 * returns at once, completion seen on the event bus) on the embedded backend, on PostgreSQL only (BullMQ's
 * PostgreSQL backend) and on PostgreSQL + Redis, next to BullMQ's own add/process throughput on the same
 * Redis in the same run; then each scaled-out backend again at 80% of its measured rate, for the p99 queue
 * wait (started_at − created_at) at a sustainable load. Then the same with real SpiderSite jobs, each
 * crawling a one-page local site (the workload: fetch, extraction, compendium stored), where the
 * engine's own work, not the queue, sets the rate. Loopback only: a redis-server of its own on a spare
 * port, the one-page site on 127.0.0.1, and the local PostgreSQL (SPIDERIQ_TEST_DATABASE_URL) in a
 * throw-away schema. Two reference lines frame the target: a bare `node:http` endpoint in front of BullMQ
 * (what HTTP alone costs), and raw BullMQ measured again after the rounds (its own figure warms up too).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createHttpServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { SiteDataSchema, SpiderSitePayloadSchema } from '@spideriq/schema';
import { generateToken } from '../src/auth/credentials.js';
import { loadConfig } from '../src/config.js';
import { registerEngines } from '../src/engines.js';
import { startServer } from '../src/server.js';
import type { RegisterEngines } from '../src/runtime.js';
import { siteData } from '@spideriq/testkit/server';

const JOBS = Number(process.env.BENCH_JOBS ?? 1000);
/**
 * Jobs run before the clock starts, on the same server (and BullMQ worker): the figures are a running
 * server's, not a cold start's (V8 compiles the hot paths during the first few hundred jobs).
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 16);
const LANES = Number(process.env.BENCH_LANES ?? 32);
const PG_URL = process.env.SPIDERIQ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const trivial: RegisterEngines = (registry) => {
  registry.register({ type: 'spiderSite', payloadSchema: SpiderSitePayloadSchema, run: async (p) => siteData(p.url) }, SiteDataSchema);
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function sparePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startRedis(): Promise<{ url: string; stop(): void }> {
  const port = await sparePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => /Ready to accept/.test(d.toString()) && resolve()));
  return { url: `redis://127.0.0.1:${port}/0`, stop: () => child.kill('SIGKILL') };
}

/**
 * BullMQ alone: add `jobs` jobs from LANES concurrent producers while a worker with SLOTS slots drains
 * them; resolves with the jobs/s.
 */
async function rawRound(queue: Queue, worker: Worker, jobs: number): Promise<number> {
  let done = 0;
  let finish = () => undefined as void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const onCompleted = () => ++done === jobs && finish();
  worker.on('completed', onCompleted);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < jobs) {
        const i = next++;
        await queue.add('raw', { i }, { jobId: randomUUID(), priority: 11, removeOnComplete: true });
      }
    }),
  );
  await finished;
  worker.off('completed', onCompleted);
  return jobs / ((performance.now() - started) / 1000);
}

/** BullMQ's own throughput on this Redis: WARMUP jobs first, then JOBS timed. */
async function rawBullmq(redisUrl: string): Promise<number> {
  const prefix = `raw${randomUUID().slice(0, 8)}`;
  const queue = new Queue('raw', { prefix, connection: { url: redisUrl } });
  const worker = new Worker('raw', async () => ({ ok: true }), { prefix, concurrency: SLOTS, connection: { url: redisUrl, maxRetriesPerRequest: null } });
  await worker.waitUntilReady();
  if (WARMUP > 0) await rawRound(queue, worker, WARMUP);
  const rate = await rawRound(queue, worker, JOBS);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

/**
 * The least any HTTP API in front of BullMQ does: a bare `node:http` handler that reads the JSON body,
 * adds the job (one `addBulk` per event-loop turn) and answers 201 with its id, and a BullMQ worker whose
 * handler returns at once; no store, auth, dedup, rate limit or events. Submitted by the same client
 * thread as the real rounds, so the distance from raw BullMQ to this line is what HTTP alone costs on
 * this machine, and from this line to ours is what our API and its durable rows cost.
 */
async function bareHttpBullmq(redisUrl: string): Promise<number> {
  const prefix = `bare${randomUUID().slice(0, 8)}`;
  const queue = new Queue('bare', { prefix, connection: { url: redisUrl } });
  const worker = new Worker('bare', async () => ({ ok: true }), { prefix, concurrency: SLOTS, connection: { url: redisUrl, maxRetriesPerRequest: null } });
  await worker.waitUntilReady();
  let waiting: { id: string; res: ServerResponse }[] = [];
  const addWaiting = async () => {
    const batch = waiting;
    waiting = [];
    await queue.addBulk(batch.map(({ id }) => ({ name: 'bare', data: {}, opts: { jobId: id, priority: 11, removeOnComplete: true } })));
    for (const { id, res } of batch) res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ job_id: id, status: 'queued' }));
  };
  const server = createHttpServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      JSON.parse(body);
      if (waiting.length === 0) setImmediate(() => void addWaiting());
      waiting.push({ id: randomUUID(), res });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/submit`;
  const undici = createRequire(import.meta.url).resolve('undici');
  let done = 0;
  let expected = 0;
  let finish = () => undefined as void;
  worker.on('completed', () => ++done === expected && finish());
  const round = async (jobs: number) => {
    expected += jobs;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let started = 0;
    await submitAll({ site: TRIVIAL.site, payload: TRIVIAL.payload, undici, url, headers: { 'content-type': 'application/json' }, jobs, lanes: LANES, pace: null, run: randomUUID() }, () => (started = performance.now()));
    await finished;
    return jobs / ((performance.now() - started) / 1000);
  };
  if (WARMUP > 0) await round(WARMUP);
  const rate = await round(JOBS);
  server.close();
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}

/**
 * The HTTP clients, in a thread of their own: SpiderIQ's clients are other programs, so the server's
 * thread must not also pay for building requests and reading answers (undici's fetch and its streams were
 * about a tenth of the server thread's profile). BullMQ's raw producers run in its thread because `add` is
 * what its clients call. The load generator is undici's keep-alive `Pool` (one connection per lane), as
 * HTTP load tools use, not `fetch`: on this two-core machine the client shares the cores with the server,
 * PostgreSQL and Redis, and `fetch` cost the submitting thread about 1 ms of CPU per request. A submit
 * whose reused connection is reset under load is retried: safe, because an identical payload within 24
 * hours returns the same job (dedup).
 */
const SUBMITTERS = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { Pool } = require(w.undici);
const target = new URL(w.url);
const pool = new Pool(target.origin, { connections: w.lanes });
async function submitOnce(body) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await pool.request({ path: target.pathname, method: 'POST', headers: w.headers, body });
      return { status: res.statusCode, json: () => res.body.json(), text: () => res.body.text() };
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
parentPort.postMessage({ ready: true });
parentPort.once('message', () => run().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) })));
async function run() {
  const ids = [];
  const started = performance.timeOrigin + performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: w.lanes }, async () => {
    while (next < w.jobs) {
      const i = next++;
      if (w.pace) {
        const wait = started + (i / w.pace) * 1000 - (performance.timeOrigin + performance.now());
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const res = await submitOnce(JSON.stringify({ payload: { url: w.site + w.run + '/' + i, ...w.payload } }));
      if (res.status !== 201) throw new Error('submit answered ' + res.status + ': ' + (await res.text()));
      ids.push((await res.json()).job_id);
    }
  }));
  parentPort.postMessage({ ids, ms: performance.timeOrigin + performance.now() - started });
  await pool.close();
}
`;

type FromSubmitters = { ready: true } | { ids: string[]; ms: number } | { error: string };

/**
 * Starts the submitters' thread and, once it is up, lets it go (`onGo` marks the start of the clock):
 * resolves with the job ids it was given back and how long submitting took.
 */
function submitAll(options: { undici: string; url: string; site: string; payload: Record<string, unknown>; headers: Record<string, string>; jobs: number; lanes: number; pace: number | null; run: string }, onGo: () => void): Promise<{ ids: string[]; ms: number }> {
  return new Promise((resolve, reject) => {
    const thread = new Thread(SUBMITTERS, { eval: true, workerData: options });
    thread.on('message', (m: FromSubmitters) => {
      if ('ready' in m) {
        onGo();
        thread.postMessage('go');
      } else if ('error' in m) reject(new Error(m.error));
      else resolve(m);
      if (!('ready' in m)) void thread.terminate();
    });
    thread.once('error', reject);
  });
}

interface Run {
  rate: number;
  p50: number;
  p99: number;
}

/** What the jobs are: the trivial handler (the queue's own cost), or the real SpiderSite engine crawling one local page. */
interface Workload {
  engines: RegisterEngines;
  /** Each job's URL is this, then the round's id and the job's number (distinct, so none is a dedup hit). */
  site: string;
  payload: Record<string, unknown>;
}

const TRIVIAL: Workload = { engines: trivial, site: 'https://ok.test/', payload: {} };

/**
 * A one-page site on 127.0.0.1, in a thread of its own (as a real site is another machine): every path
 * answers the same small contact page, robots.txt and the sitemap 404.
 */
const ONE_PAGE_SITE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const page = '<!doctype html><html lang="en"><head><title>Bench Works</title></head><body><header><a href="/">Bench Works</a></header>'
  + '<main><h1>Repairs and installs</h1><p>We repair and install doors and windows across the county.</p></main>'
  + '<footer><p>12 High Street, Ashford, Kent, TN23 1AA</p><p>Phone: 01233 612345 · <a href="mailto:office@bench-works.co.uk">office@bench-works.co.uk</a></p></footer></body></html>';
const server = http.createServer((req, res) => {
  if (req.url === '/robots.txt' || req.url.startsWith('/sitemap')) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

async function startOnePageSite(): Promise<{ origin: string; stop(): Promise<void> }> {
  const thread = new Thread(ONE_PAGE_SITE, { eval: true });
  const port = await new Promise<number>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  return { origin: `http://127.0.0.1:${port}`, stop: async () => void (await thread.terminate()) };
}

/**
 * On a fresh server: WARMUP jobs submitted and completed first, then JOBS submitted over HTTP (as fast as
 * LANES allow, or at `pace` jobs/s) and timed until every completion; the waits are the timed jobs'.
 */
async function endToEnd(env: Record<string, string>, pace: number | null, work: Workload = TRIVIAL): Promise<Run> {
  const token = generateToken().token;
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    SPIDERIQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'siq-qbench-')),
    SPIDERIQ_BOOTSTRAP_TOKEN: token,
    SPIDERIQ_RATE_LIMIT_PER_MINUTE: '1000000',
    SPIDERIQ_RATE_LIMIT_BURST: '1000000',
    SPIDERIQ_WORKERS_SITE: String(SLOTS),
    SPIDERIQ_LOG_LEVEL: 'silent',
    SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true',
    ...env,
  });
  const server = await startServer(config, work.engines);
  const { runtime } = server;
  const completed = new Set<string>();
  let expected = 0;
  let allDone = () => undefined as void;
  runtime.bus.subscribe(({ event }) => {
    if (event.event === 'job.completed' && completed.add(event.job_id).size === expected) allDone();
  });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const url = `${server.url}/api/v1/jobs/spiderSite/submit`;
  const undici = createRequire(import.meta.url).resolve('undici');
  /** Submits `jobs` more jobs; resolves once every job so far has completed, with the ids and jobs/s. */
  const round = async (jobs: number, roundPace: number | null) => {
    expected += jobs;
    const done = new Promise<void>((resolve) => (allDone = resolve));
    let started = 0;
    const lanes = roundPace ? Math.min(LANES, 64) : LANES;
    const { ids, ms } = await submitAll({ undici, url, site: work.site, payload: work.payload, headers, jobs, lanes, pace: roundPace, run: randomUUID() }, () => (started = performance.now()));
    await done;
    if (process.env.BENCH_DEBUG) console.log(`  submits took ${ms.toFixed(0)} ms`);
    return { ids, rate: jobs / ((performance.now() - started) / 1000) };
  };
  if (WARMUP > 0) await round(WARMUP, pace);
  const { ids, rate } = await round(JOBS, pace);
  const waits: number[] = [];
  for (const id of new Set(ids)) {
    const job = (await runtime.store.getJob(id))!;
    waits.push(Date.parse(job.startedAt!) - Date.parse(job.createdAt));
  }
  await server.close();
  return { rate, p50: percentile(waits, 50), p99: percentile(waits, 99) };
}

async function dropSchemas(schemas: string[]): Promise<void> {
  const db = new pg.Client({ connectionString: PG_URL });
  await db.connect();
  for (const s of schemas) await db.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE; DROP SCHEMA IF EXISTS "${s}_queue" CASCADE`);
  await db.end();
}

const redis = await startRedis();
const schemas: string[] = [];
const pgEnv = () => {
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  schemas.push(schema);
  return { SPIDERIQ_DATABASE_URL: PG_URL, SPIDERIQ_DATABASE_SCHEMA: schema, SPIDERIQ_QUEUE_PREFIX: `b${randomUUID().replace(/-/g, '').slice(0, 8)}` };
};
const fmt = (n: number) => n.toFixed(0).padStart(6);
const line = (name: string, r: Run, extra = '') => console.log(`${name.padEnd(34)} ${fmt(r.rate)} jobs/s   wait p50 ${fmt(r.p50)} ms   p99 ${fmt(r.p99)} ms${extra}`);
try {
  console.log(`${JOBS} trivial jobs (after ${WARMUP} to warm up), ${SLOTS} worker slots, ${LANES} concurrent submitters, one process (API + workers)\n`);
  const raw = await rawBullmq(redis.url);
  console.log(`${'BullMQ raw add + process (Redis)'.padEnd(34)} ${fmt(raw)} jobs/s`);
  const bare = await bareHttpBullmq(redis.url);
  console.log(`${'bare node:http + BullMQ, no API'.padEnd(34)} ${fmt(bare)} jobs/s   = ${((bare / raw) * 100).toFixed(0)}% of raw BullMQ (the most an HTTP API over BullMQ gets here)`);
  const embedded = await endToEnd({}, null);
  line('embedded (SQLite, in-process)', embedded);
  const pgOnly = await endToEnd(pgEnv(), null);
  line('PostgreSQL only (BullMQ on PG)', pgOnly);
  const withRedis = await endToEnd({ ...pgEnv(), SPIDERIQ_REDIS_URL: redis.url }, null);
  line('PostgreSQL + Redis (BullMQ)', withRedis, `   = ${((withRedis.rate / raw) * 100).toFixed(0)}% of raw BullMQ, ${((withRedis.rate / bare) * 100).toFixed(0)}% of bare HTTP + BullMQ`);
  const pacedPg = await endToEnd(pgEnv(), pgOnly.rate * 0.8);
  line(`PostgreSQL only at ${pgOnly.rate.toFixed(0)}×0.8 jobs/s`, pacedPg);
  const paced = await endToEnd({ ...pgEnv(), SPIDERIQ_REDIS_URL: redis.url }, withRedis.rate * 0.8);
  line(`PostgreSQL + Redis at ${withRedis.rate.toFixed(0)}×0.8 jobs/s`, paced);
  // The same, with real SpiderSite jobs: each crawls one local page (fetch, extraction, compendium stored).
  const site = await startOnePageSite();
  try {
    const onePage: Workload = { engines: registerEngines, site: `${site.origin}/r/`, payload: { max_pages: 1 } };
    console.log(`\nSpiderSite jobs crawling a one-page local site (${site.origin}):`);
    line('embedded (SQLite, in-process)', await endToEnd({}, null, onePage));
    line('PostgreSQL only (BullMQ on PG)', await endToEnd(pgEnv(), null, onePage));
    const siteRedis = await endToEnd({ ...pgEnv(), SPIDERIQ_REDIS_URL: redis.url }, null, onePage);
    line('PostgreSQL + Redis (BullMQ)', siteRedis, `   = ${((siteRedis.rate / raw) * 100).toFixed(0)}% of raw BullMQ`);
    line(`PostgreSQL + Redis at ${siteRedis.rate.toFixed(0)}×0.8 jobs/s`, await endToEnd({ ...pgEnv(), SPIDERIQ_REDIS_URL: redis.url }, siteRedis.rate * 0.8, onePage));
  } finally {
    await site.stop();
  }
  // BullMQ's own figure grows as V8 warms its code up: measured again last, it is often higher.
  const rawAgain = await rawBullmq(redis.url);
  console.log(`\n${'BullMQ raw again, after the rounds'.padEnd(34)} ${fmt(rawAgain)} jobs/s   (PostgreSQL + Redis = ${((withRedis.rate / rawAgain) * 100).toFixed(0)}% of it)`);
  console.log(`targets (trivial jobs): PostgreSQL + Redis ≥ 50% of raw BullMQ: ${withRedis.rate >= raw * 0.5 ? 'met' : 'NOT met'}; p99 wait < 1 s at 80%: ${paced.p99 < 1000 ? 'met' : 'NOT met'}`);
} finally {
  redis.stop();
  await dropSchemas(schemas);
}
process.exit(0);
