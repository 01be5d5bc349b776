import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { defaultMcpHosts } from './config.js';
import type { ServerConfig } from './config.js';
import { createRuntime } from './runtime.js';
import type { RegisterEngines, Runtime } from './runtime.js';

/** A listening server and how to stop it. */
export interface RunningServer {
  runtime: Runtime;
  url: string;
  port: number;
  /** Graceful stop: refuse new requests, let running jobs finish (grace period), release leases. */
  close(): Promise<void>;
}

/** Starts the API and its workers on the configured host and port. */
export async function startServer(config: ServerConfig, registerEngines: RegisterEngines): Promise<RunningServer> {
  // Bind first, so that with PORT=0 the public URL (artifact links) names the port actually taken.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response('starting', { status: 503 });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: (request) => handle(request), hostname: config.host, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const effective = config.port === 0 && config.publicUrl.endsWith(':0') ? withPort(config, port) : config;
  const runtime = await createRuntime(effective, registerEngines);
  const app = createApp(runtime);
  handle = (request) => app.fetch(request);
  return {
    runtime,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
    },
  };
}

/** A worker process: runs jobs, serves nothing. */
export interface RunningWorker {
  runtime: Runtime;
  /** Graceful stop: claim nothing more, let running jobs finish (grace period), hand the rest back. */
  close(): Promise<void>;
}

/**
 * Starts a `SPIDERIQ_ROLE=worker` process. It opens no port, even with `PORT` set: the API lives in the
 * `api` (or `all`) processes, which reach the workers through the queue and the broadcast.
 */
export async function startWorker(config: ServerConfig, registerEngines: RegisterEngines): Promise<RunningWorker> {
  const runtime = await createRuntime(config, registerEngines);
  return { runtime, close: () => runtime.stop() };
}

/** Starts what `SPIDERIQ_ROLE` asks for: a listening server (`all`, `api`) or a worker. */
export async function startProcess(config: ServerConfig, registerEngines: RegisterEngines): Promise<(RunningServer | RunningWorker) & { url: string | null }> {
  if (config.role === 'worker') return { ...(await startWorker(config, registerEngines)), url: null };
  return startServer(config, registerEngines);
}

/** The config once `PORT=0` has become a real port: the public URL and the MCP Host allow-list name it. */
function withPort(config: ServerConfig, port: number): ServerConfig {
  const publicUrl = config.publicUrl.replace(/:0$/, `:${port}`);
  const mcpAllowedHosts = [...new Set([...config.mcpAllowedHosts.filter((host) => !host.endsWith(':0')), ...defaultMcpHosts(publicUrl, port)])];
  return { ...config, port, publicUrl, mcpAllowedHosts };
}
