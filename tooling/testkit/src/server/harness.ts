import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp, createRuntime, generateToken, loadConfig } from '@spideriq/server';
import type { RegisterEngines, Runtime } from '@spideriq/server';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** A server on 127.0.0.1 with a fresh data folder and bootstrap clients. */
export interface TestServer {
  url: string;
  tokens: string[];
  runtime: Runtime;
  dataDir: string;
  close(): Promise<void>;
  /** fetch against the server with the first token (or `token`). */
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
}

/** Starts a real HTTP server over the real runtime, with the given engines. */
export async function startTestServer(engines: RegisterEngines, env: Record<string, string> = {}, clients = 2): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siq-server-'));
  const tokens = Array.from({ length: clients }, () => generateToken().token);
  // Bind first so the public URL (compendium links) carries the real port.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: (request) => handle(request), hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    SPIDERIQ_PUBLIC_URL: url,
    SPIDERIQ_DATA_DIR: dataDir,
    SPIDERIQ_BOOTSTRAP_TOKEN: tokens.join(','),
    SPIDERIQ_RATE_LIMIT_PER_MINUTE: '100000',
    SPIDERIQ_RATE_LIMIT_BURST: '100000',
    SPIDERIQ_SHUTDOWN_GRACE_SECONDS: '1',
    ...env,
  });
  const runtime = await createRuntime(config, engines, pino({ level: 'silent' }));
  const app = createApp(runtime);
  handle = (request) => app.fetch(request);
  return {
    url,
    tokens,
    runtime,
    dataDir,
    api(path, init = {}) {
      const { token = tokens[0], ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      if (rest.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`${url}${path}`, { ...rest, headers });
    },
    async close() {
      await runtime.stop();
      server.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
    },
  };
}

/** Polls `GET /status` until the job reaches one of the states. */
export async function waitForStatus(server: TestServer, jobId: string, states: string[], timeoutMs = 10_000, token?: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await server.api(`/api/v1/jobs/${jobId}/status`, token ? { token } : {});
    const body = (await res.json()) as Record<string, unknown>;
    if (states.includes(String(body.status))) return body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stayed ${String(body.status)}; wanted ${states.join('|')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
