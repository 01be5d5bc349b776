/**
 * Benchmark target process: either the real API (auth, rate limit, SQLite store and the formats path in
 * front of `GET /results` of a completed job) or a bare Hono endpoint that returns the same bytes.
 * Prints `READY <url> <job_id> <token>` when listening.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { destination, pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/app.js';
import { createRuntime } from '../src/runtime.js';
import { generateToken } from '../src/auth/credentials.js';
import { resultsView } from '../src/views/job-views.js';
import { seedExamples } from '@spideriq/schema/examples';

const mode = process.argv[2] === 'bare' ? 'bare' : 'api';
const token = generateToken().token;
const config = loadConfig({
  PORT: '0',
  SPIDERIQ_DATA_DIR: mkdtempSync(join(tmpdir(), 'siq-bench-')),
  SPIDERIQ_BOOTSTRAP_TOKEN: token,
  SPIDERIQ_RATE_LIMIT_PER_MINUTE: '1000000',
  SPIDERIQ_RATE_LIMIT_BURST: '1000000',
});
// Logging as in production (info, buffered); it goes to /dev/null so the pipe to the bench stays clean.
const runtime = await createRuntime(config, () => undefined, pino({ level: process.env.BENCH_LOG_LEVEL ?? 'info' }, destination({ dest: '/dev/null', sync: false, minLength: 4096 })));

// A completed spiderSite job whose data is the seed's full CHAMP example.
const seed = seedExamples()[2]!.body as { data: unknown };
const { job } = await runtime.store.createJob({ id: randomUUID(), clientId: token.split(':')[0]!, type: 'spiderSite', payload: { url: 'https://techstart.com' }, priority: 0, dedupKey: null }, new Date());
const claimed = (await runtime.store.claim('bench', ['spiderSite'], 60_000, new Date()))!;
await runtime.store.complete(job.id, claimed.leaseToken, seed.data, new Date());
const completed = (await runtime.store.getJob(job.id))!;

let app: Hono;
if (mode === 'api') {
  app = createApp(runtime) as unknown as Hono;
} else {
  const body = JSON.stringify(resultsView(completed));
  app = new Hono();
  app.get('/api/v1/jobs/:job_id/results', (c) => c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' }));
}
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => {
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port} ${job.id} ${token}\n`);
});
process.on('SIGINT', () => process.exit(0));
