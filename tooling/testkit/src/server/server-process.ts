/**
 * A server process for the crash test: the real server with the stand-in handlers. It appends every
 * completion it commits to `COMPLETIONS_LOG`, so the test can count completions across processes.
 */
import { appendFileSync } from 'node:fs';
import { loadConfig, startServer } from '@spideriq/server';
import { registerTestEngines } from './test-engines.js';

const server = await startServer(loadConfig(process.env), registerTestEngines);
const log = process.env.COMPLETIONS_LOG;
server.runtime.bus.subscribe(({ event }) => {
  if (log && event.event === 'job.completed') appendFileSync(log, `${event.job_id}\n`);
});
process.stdout.write(`READY ${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
