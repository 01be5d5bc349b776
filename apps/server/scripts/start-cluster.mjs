#!/usr/bin/env node
/**
 * `pnpm start:cluster`: one API process and two worker processes on the local PostgreSQL and Redis, for
 * trying the scale-out setup on one machine. Every process gets the same variables except SPIDERIQ_ROLE,
 * SPIDERIQ_INSTANCE (and PORT, which only the API uses). Ctrl-C stops all three gracefully.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const shared = {
  SPIDERIQ_DATABASE_URL: process.env.SPIDERIQ_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  SPIDERIQ_REDIS_URL: process.env.SPIDERIQ_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  SPIDERIQ_PUBLIC_URL: process.env.SPIDERIQ_PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`,
};
const processes = [
  { SPIDERIQ_ROLE: 'api', SPIDERIQ_INSTANCE: 'api-1' },
  { SPIDERIQ_ROLE: 'worker', SPIDERIQ_INSTANCE: 'worker-1' },
  { SPIDERIQ_ROLE: 'worker', SPIDERIQ_INSTANCE: 'worker-2' },
];
process.stdout.write(`Starting ${processes.map((p) => `${p.SPIDERIQ_INSTANCE} (${p.SPIDERIQ_ROLE})`).join(', ')} on ${shared.SPIDERIQ_DATABASE_URL} and ${shared.SPIDERIQ_REDIS_URL}\n`);

const children = processes.map((role) => {
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...shared, ...role }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${role.SPIDERIQ_INSTANCE}] ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`[${role.SPIDERIQ_INSTANCE}] exited (${signal ?? code})\n`);
    if (!stopping) stop('SIGTERM', code ?? 1);
  });
  return child;
});

let stopping = false;
let exitCode = 0;
function stop(signal, code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
process.on('SIGINT', () => stop('SIGTERM'));
process.on('SIGTERM', () => stop('SIGTERM'));
await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
process.exit(exitCode);
