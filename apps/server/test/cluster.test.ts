/**
 * Scale-out fault tests: real API and worker processes on PostgreSQL and BullMQ (a redis-server each test
 * starts on a spare port, or BullMQ's PostgreSQL backend), with the stand-in handlers.
 */
import { randomUUID } from 'node:crypto';
import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { generateToken } from '../src/auth/credentials.js';
import { PG_URL, collectEvents, freshSchema, killAll, sparePort, startRedis, startClusterProcess, until } from '@spideriq/testkit/server';
import type { ServerProcess } from '@spideriq/testkit/server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  killAll();
  for (const clean of cleanups.splice(0).reverse()) await clean().catch(() => undefined);
});

/** A cluster's shared settings: one schema, one queue prefix, one client token; Redis when given. */
async function clusterEnv(redisUrl: string | null): Promise<{ env: Record<string, string>; token: string; schema: string }> {
  const { schema, drop } = freshSchema();
  cleanups.push(drop);
  const token = generateToken().token;
  const env: Record<string, string> = {
    SPIDERIQ_DATABASE_URL: PG_URL,
    SPIDERIQ_DATABASE_SCHEMA: schema,
    SPIDERIQ_QUEUE_PREFIX: `q${randomUUID().replace(/-/g, '').slice(0, 10)}`,
    SPIDERIQ_BOOTSTRAP_TOKEN: token,
    SPIDERIQ_LEASE_SECONDS: '2',
    SPIDERIQ_RECONCILE_SECONDS: '1',
    SPIDERIQ_SHUTDOWN_GRACE_SECONDS: '2',
    SPIDERIQ_RATE_LIMIT_PER_MINUTE: '1000000',
    SPIDERIQ_RATE_LIMIT_BURST: '1000000',
  };
  if (redisUrl) env.SPIDERIQ_REDIS_URL = redisUrl;
  return { env, token, schema };
}

const client = (url: string, token: string) => {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    submit: async (jobUrl: string): Promise<string> => {
      const res = await fetch(`${url}/api/v1/jobs/spiderSite/submit`, { method: 'POST', headers, body: JSON.stringify({ payload: { url: jobUrl } }) });
      if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { job_id: string }).job_id;
    },
    get: (path: string) => fetch(`${url}${path}`, { headers }),
    status: async (id: string) => ((await (await fetch(`${url}/api/v1/jobs/${id}/status`, { headers })).json()) as { status: string }).status,
    cancel: (id: string) => fetch(`${url}/api/v1/jobs/${id}`, { method: 'DELETE', headers }),
  };
};

const rows = async (schema: string, sql: string): Promise<Record<string, unknown>[]> => {
  const db = new pg.Client({ connectionString: PG_URL });
  await db.connect();
  try {
    return (await db.query(sql.replaceAll('jobs', `"${schema}".jobs`))).rows;
  } finally {
    await db.end();
  }
};

/** A local site whose `/hold` requests never get an answer; it records when each one's socket closes. */
async function holdingSite(): Promise<{ url: string; opened: number; closedAt: number | null; close(): Promise<void> }> {
  const state = { opened: 0, closedAt: null as number | null };
  const server = createHttpServer((req) => {
    state.opened++;
    req.socket.once('close', () => (state.closedAt = Date.now()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

describe.each([['Redis'], ['PostgreSQL only']])('a cluster on %s', (backend) => {
  it('streams events from every worker, cancels across processes within 2 s, re-runs a kill -9 worker’s job once, and reports live workers', async () => {
    const redis = backend === 'Redis' ? await startRedis(await sparePort()) : null;
    const { env, token } = await clusterEnv(redis?.url ?? null);
    const workerPort = await sparePort();
    const worker = (instance: string) => startClusterProcess({ ...env, SPIDERIQ_ROLE: 'worker', SPIDERIQ_INSTANCE: instance, PORT: String(workerPort), SPIDERIQ_WORKERS_SITE: '1', SPIDERIQ_WORKERS_MAPS: '1' });
    const [api, w1, w2] = await Promise.all([startClusterProcess({ ...env, SPIDERIQ_ROLE: 'api', SPIDERIQ_INSTANCE: 'api1' }), worker('w1'), worker('w2')]);
    const workers: Record<string, ServerProcess> = { w1: w1!, w2: w2! };
    expect(w1!.url).toBeNull();
    // A worker opens no port, even with PORT set.
    await expect(new Promise((resolve, reject) => connect(workerPort, '127.0.0.1').once('connect', resolve).once('error', reject))).rejects.toThrow(/ECONNREFUSED/);
    const c = client(api!.url!, token);

    // Health on the api process counts both workers' slots (the api process itself has none).
    await until('both workers in health', async () => {
      const body = (await (await c.get('/api/v1/system/health')).json()) as { services: { workers: { spider_site: number; spider_maps: number } } };
      return body.services.workers.spider_site === 2 && body.services.workers.spider_maps === 2 ? true : undefined;
    }, 10_000);
    const stream = await collectEvents(api!.url!, token);
    cleanups.push(async () => stream.close());

    // Cancel: the worker's open request for the job closes within 2 s of the DELETE's answer.
    const site = await holdingSite();
    cleanups.push(site.close);
    const held = await c.submit(`${site.url}/hold?${randomUUID()}`);
    await until('the held request', () => (site.opened > 0 ? true : undefined), 15_000);
    const cancelled = await c.cancel(held);
    expect(cancelled.status).toBe(200);
    const answeredAt = Date.now();
    await until('the held request to close', () => (site.closedAt ? true : undefined), 5000, 10);
    expect(site.closedAt! - answeredAt).toBeLessThan(2000);
    expect(site.opened).toBe(1);
    expect(await c.status(held)).toBe('cancelled');

    // kill -9 the worker running a job: the other one re-runs it; one result, one job.completed event.
    const slow = await c.submit(`https://slow.test/?ms=3000&${randomUUID()}`);
    const first = await until('job.processing', () => stream.events.find((e) => e.event === 'job.processing' && e.job_id === slow), 15_000);
    const victim = /-(w\d)-\d+$/.exec(first.worker_id!)![1]!;
    await until('progress', () => stream.events.find((e) => e.event === 'job.progress' && e.job_id === slow), 5000);
    await workers[victim]!.kill();
    await until('the re-run to complete', async () => ((await c.status(slow)) === 'completed' ? true : undefined), 60_000, 200);
    const results = (await (await c.get(`/api/v1/jobs/${slow}/results`)).json()) as { worker_id: string };
    const survivor = victim === 'w1' ? 'w2' : 'w1';
    expect(results.worker_id).toContain(`-${survivor}-`);
    await until('the completed event', () => stream.events.find((e) => e.event === 'job.completed' && e.job_id === slow), 5000);
    await new Promise((r) => setTimeout(r, 500));
    expect(stream.events.filter((e) => e.event === 'job.completed' && e.job_id === slow)).toHaveLength(1);
    expect(stream.events.filter((e) => e.event === 'job.processing' && e.job_id === slow).length).toBeGreaterThanOrEqual(2);

    // The dead worker leaves health and queue-stats (heartbeat TTL), the live one stays.
    await until('the dead worker to drop', async () => {
      const stats = (await (await c.get('/api/v1/system/queue-stats')).json()) as { workers: { spider_site: { total: number; idle: number } } };
      return stats.workers.spider_site.total === 1 && stats.workers.spider_site.idle === 1 ? true : undefined;
    }, 30_000, 500);
  }, 120_000);
});

describe('a cluster on Redis', () => {
  it('completes every queued and running job once after Redis restarts empty', async () => {
    const port = await sparePort();
    let redis = await startRedis(port);
    const { env, token, schema } = await clusterEnv(redis.url);
    const [api] = await Promise.all([
      startClusterProcess({ ...env, SPIDERIQ_INSTANCE: 'api1', SPIDERIQ_ROLE: 'api' }),
      startClusterProcess({ ...env, SPIDERIQ_INSTANCE: 'w1', SPIDERIQ_ROLE: 'worker', SPIDERIQ_WORKERS_SITE: '2' }),
    ]);
    const c = client(api!.url!, token);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await c.submit(`https://slow.test/?ms=1200&${randomUUID()}`));
    await until('a running job', async () => ((await c.status(ids[0]!)) === 'processing' ? true : undefined), 15_000);
    await redis.kill();
    await new Promise((r) => setTimeout(r, 500));
    redis = await startRedis(port);
    await until('every job to complete', async () => {
      const done = await rows(schema, `SELECT status FROM jobs WHERE status = 'completed'`);
      return done.length === ids.length ? true : undefined;
    }, 90_000, 500);
    const all = await rows(schema, 'SELECT id, status, result IS NOT NULL AS has_result FROM jobs');
    expect(all.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(all.every((r) => r.status === 'completed' && r.has_result)).toBe(true);
  }, 120_000);

  it('runs 1,000 jobs through 2 API processes and 3 workers: all complete, none twice, none missing', async () => {
    const redis = await startRedis(await sparePort());
    const { env, token, schema } = await clusterEnv(redis.url);
    const procs = await Promise.all([
      startClusterProcess({ ...env, SPIDERIQ_INSTANCE: 'api1', SPIDERIQ_ROLE: 'api' }),
      startClusterProcess({ ...env, SPIDERIQ_INSTANCE: 'api2', SPIDERIQ_ROLE: 'api' }),
      ...['w1', 'w2', 'w3'].map((instance) => startClusterProcess({ ...env, SPIDERIQ_INSTANCE: instance, SPIDERIQ_ROLE: 'worker', SPIDERIQ_WORKERS_SITE: '8' })),
    ]);
    const apis = [client(procs[0]!.url!, token), client(procs[1]!.url!, token)];
    const stream = await collectEvents(procs[1]!.url!, token);
    cleanups.push(async () => stream.close());
    const ids: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async (_, lane) => {
        while (next < 1000) {
          const i = next++;
          ids.push(await apis[lane % 2]!.submit(`https://ok.test/page?n=${i}`));
        }
      }),
    );
    expect(new Set(ids).size).toBe(1000);
    await until('1,000 completions', () => (new Set(stream.events.filter((e) => e.event === 'job.completed').map((e) => e.job_id)).size === 1000 ? true : undefined), 120_000, 200);
    const completed = stream.events.filter((e) => e.event === 'job.completed');
    expect(completed).toHaveLength(1000);
    const all = await rows(schema, 'SELECT id, status, attempts, worker_id FROM jobs');
    expect(all).toHaveLength(1000);
    expect(all.every((r) => r.status === 'completed' && r.attempts === 1)).toBe(true);
    expect(new Set(all.map((r) => r.id))).toEqual(new Set(ids));
    // Every worker process took a share.
    expect(new Set(all.map((r) => /-(w\d)-/.exec(String(r.worker_id))?.[1]))).toEqual(new Set(['w1', 'w2', 'w3']));
  }, 180_000);

  it('answers 503 with a detail while PostgreSQL is unreachable, and loses nothing', async () => {
    const redis = await startRedis(await sparePort());
    const proxy = await tcpProxy(5432);
    cleanups.push(proxy.close);
    const { env, token, schema } = await clusterEnv(redis.url);
    const viaProxy = { ...env, SPIDERIQ_DATABASE_URL: PG_URL.replace(':5432', `:${proxy.port}`), SPIDERIQ_AUTH_CACHE_SECONDS: '0' };
    const [api] = await Promise.all([
      startClusterProcess({ ...viaProxy, SPIDERIQ_INSTANCE: 'api1', SPIDERIQ_ROLE: 'api' }),
      startClusterProcess({ ...viaProxy, SPIDERIQ_INSTANCE: 'w1', SPIDERIQ_ROLE: 'worker' }),
    ]);
    const c = client(api!.url!, token);
    const before = await c.submit(`https://slow.test/?ms=300&${randomUUID()}`);
    proxy.cut();
    for (const res of [await c.get('/api/v1/jobs/list'), await c.get(`/api/v1/jobs/${before}/status`)]) {
      expect(res.status).toBe(503);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/database/i);
    }
    const health = await c.get('/api/v1/system/health');
    expect(health.status).toBe(503);
    proxy.restore();
    const after = await until('the API to recover', async () => {
      try {
        return await c.submit(`https://ok.test/${randomUUID()}`);
      } catch {
        return undefined;
      }
    }, 20_000, 200);
    await until('both jobs to complete', async () => ((await rows(schema, `SELECT id FROM jobs WHERE status = 'completed'`)).length === 2 ? true : undefined), 30_000, 200);
    expect((await rows(schema, 'SELECT id FROM jobs')).map((r) => r.id).sort()).toEqual([before, after].sort());
  }, 90_000);

  it('leaves no half-created job when an API process is killed while answering submits', async () => {
    const redis = await startRedis(await sparePort());
    const { env, token, schema } = await clusterEnv(redis.url);
    const [api] = await Promise.all([
      startClusterProcess({ ...env, SPIDERIQ_INSTANCE: 'api1', SPIDERIQ_ROLE: 'api' }),
      startClusterProcess({ ...env, SPIDERIQ_INSTANCE: 'w1', SPIDERIQ_ROLE: 'worker', SPIDERIQ_WORKERS_SITE: '4' }),
    ]);
    const c = client(api!.url!, token);
    const answered: string[] = [];
    const inFlight = Array.from({ length: 60 }, (_, i) => c.submit(`https://ok.test/kill?n=${i}`).then((id) => void answered.push(id), () => undefined));
    await until('the first answers', () => (answered.length >= 5 ? true : undefined), 10_000, 1);
    await api!.kill();
    await Promise.all(inFlight);
    expect(answered.length).toBeLessThan(60);
    // Every row the dead API committed runs to completion (the reconciler enqueues the ones it never did).
    const second = await startClusterProcess({ ...env, SPIDERIQ_INSTANCE: 'api2', SPIDERIQ_ROLE: 'api' });
    expect(second.url).not.toBeNull();
    await until('every created job to complete', async () => {
      const open = await rows(schema, `SELECT id FROM jobs WHERE status <> 'completed'`);
      return open.length === 0 ? true : undefined;
    }, 30_000, 200);
    const all = await rows(schema, 'SELECT id, payload FROM jobs');
    expect(all.map((r) => r.id)).toEqual(expect.arrayContaining(answered));
    expect(all.every((r) => typeof (r.payload as { url?: unknown }).url === 'string')).toBe(true);
  }, 60_000);
});

describe('graceful shutdown of a worker', () => {
  it('on SIGTERM hands a job that outlasts the grace period back to the queue, without spending an attempt', async () => {
    const redis = await startRedis(await sparePort());
    const { env, token, schema } = await clusterEnv(redis.url);
    const worker = (instance: string) => startClusterProcess({ ...env, SPIDERIQ_ROLE: 'worker', SPIDERIQ_INSTANCE: instance, SPIDERIQ_SHUTDOWN_GRACE_SECONDS: '1' });
    const [api, w1, w2] = await Promise.all([startClusterProcess({ ...env, SPIDERIQ_ROLE: 'api', SPIDERIQ_INSTANCE: 'api1' }), worker('w1'), worker('w2')]);
    const workers: Record<string, ServerProcess> = { w1: w1!, w2: w2! };
    const c = client(api!.url!, token);
    const id = await c.submit(`https://slow.test/?ms=4000&${randomUUID()}`);
    const runner = await until('the job to run', async () => {
      const [row] = await rows(schema, `SELECT status, worker_id FROM jobs WHERE id = '${id}'`);
      return row?.status === 'processing' ? /-(w\d)-/.exec(String(row.worker_id))![1]! : undefined;
    }, 15_000);
    const other = runner === 'w1' ? 'w2' : 'w1';
    const stopped = Date.now();
    expect(await workers[runner]!.terminate()).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(15_000);
    await until('the job to complete on the other worker', async () => ((await c.status(id)) === 'completed' ? true : undefined), 60_000, 200);
    const [row] = await rows(schema, `SELECT attempts, worker_id FROM jobs WHERE id = '${id}'`);
    expect(row).toMatchObject({ attempts: 1, worker_id: expect.stringContaining(`-${other}-`) });
    await workers[other]!.terminate();
  }, 90_000);
});

/** A TCP proxy to a local port that the test can cut (every connection dropped, new ones refused) and restore. */
async function tcpProxy(targetPort: number): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let up = true;
  const server: Server = createServer((inbound) => {
    if (!up) return inbound.destroy();
    const outbound = connect(targetPort, '127.0.0.1');
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        sockets.delete(s);
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      up = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      up = true;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
