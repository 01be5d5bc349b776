#!/usr/bin/env node
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { createFirstClient } from './auth/credentials.js';
import { registerEngines } from './engines.js';
import { startProcess } from './server.js';

/** `pnpm start`: the embedded server (SQLite, local files, in-process workers), or one role of a cluster. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await startProcess(config, registerEngines);
  const { runtime } = server;
  if (server.url === null) {
    runtime.logger.info({ role: config.role, instance: config.instance }, `SpiderIQ ${runtime.version} worker ${config.instance} running jobs`);
  } else {
    // First start with no client: make one so a new user can try the API at once.
    const token = await createFirstClient(runtime.store, new Date());
    if (token) {
      runtime.logger.info({ clientId: token.clientId }, 'created a first client; its token follows (shown once)');
      runtime.flushLogs();
      process.stdout.write(`\nFirst start: your API token (shown once; store it):\n\n  ${token.token}\n\n`);
    }
  }
  if (server.url !== null) runtime.logger.info({ url: server.url, role: config.role, dataDir: resolve(config.dataDir), docs: `${server.url}/docs/`, playground: `${server.url}/` }, `SpiderIQ ${runtime.version} listening on ${server.url}`);
  // The start-up lines are what a person waits for: out of the buffer now, not after 4 KiB of other logs.
  runtime.flushLogs();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down: finishing running jobs');
    runtime.flushLogs();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        runtime.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`SpiderIQ failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
