import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { SERVER_PROCESS_SCRIPT } from './server-process-script.js';

/** The PostgreSQL this project's machines run (trust auth); `.ci/run` starts it when it is down. */
export const PG_URL = process.env.SPIDERIQ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A spawned server or worker process. `url` is null for a worker (it opens no port). */
export interface ServerProcess {
  child: ChildProcess;
  url: string | null;
  /** kill -9, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, resolved with the exit code. */
  terminate(): Promise<number | null>;
}

const children = new Set<ChildProcess>();

/** Kills every process these helpers started (call in `afterEach`/`afterAll`). */
export function killAll(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** Starts `server-process.ts` (the real server or worker with the stand-in handlers) and waits for READY. */
export function startClusterProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--conditions=@spideriq/source', '--import', 'tsx', SERVER_PROCESS_SCRIPT], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SPIDERIQ_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const handle = (url: string | null): ServerProcess => ({
    child,
    url,
    async kill() {
      child.kill('SIGKILL');
      await exitOf(child);
    },
    async terminate() {
      child.kill('SIGTERM');
      return exitOf(child);
    },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(handle(match[1] === 'worker' ? null : match[1]!));
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}: ${out}`)));
  });
}

/** A free TCP port on 127.0.0.1. */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A throw-away redis-server on its own port, keeping nothing on disk (a restart comes back empty). */
export async function startRedis(port: number): Promise<{ url: string; kill(): Promise<void> }> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Ready to accept connections/.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}/0`,
    async kill() {
      child.kill('SIGKILL');
      await exitOf(child);
    },
  };
}

/** A unique schema name and a function dropping it (and BullMQ's `<schema>_queue`). */
export function freshSchema(): { schema: string; drop(): Promise<void> } {
  const schema = `c_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  return {
    schema,
    async drop() {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`);
      await admin.end();
    },
  };
}

/** One SSE event as the stream sends it. */
export interface StreamedEvent {
  event: string;
  job_id?: string;
  worker_id?: string;
  [key: string]: unknown;
}

/** Subscribes to a client's event stream and collects every event until `close()`. */
export async function collectEvents(url: string, token: string): Promise<{ events: StreamedEvent[]; close(): void }> {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/v1/events/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}`);
  const events: StreamedEvent[] = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let connected = () => undefined as void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (!data) continue;
          const event = JSON.parse(data.slice(5)) as StreamedEvent;
          if (event.event === 'connected') connected();
          else events.push(event);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  await ready;
  return { events, close: () => controller.abort() };
}

/** Polls `check` every `everyMs` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
