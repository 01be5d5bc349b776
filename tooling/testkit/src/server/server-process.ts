/**
 * A server process for the crash and cluster tests: the real server (or worker, by `SPIDERIQ_ROLE`) with
 * the stand-in handlers. It prints `READY <url>` (`READY worker` for a worker) once it runs. With
 * `COMPLETIONS_LOG` it appends every completion its bus sees, so the embedded crash test can count them
 * across restarts.
 */
import { appendFileSync } from 'node:fs';
import { loadConfig, startProcess } from '@spideriq/server';
import { registerTestEngines } from './test-engines.js';

const server = await startProcess(loadConfig(process.env), registerTestEngines);
const log = process.env.COMPLETIONS_LOG;
server.runtime.bus.subscribe(({ event }) => {
  if (log && event.event === 'job.completed') appendFileSync(log, `${event.job_id}\n`);
});
process.stdout.write(`READY ${server.url ?? 'worker'}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
