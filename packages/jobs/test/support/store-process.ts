/**
 * One "process" of the multi-process store tests: opens the store on a location, waits for a shared
 * start time (so the processes really race), does one thing and prints the outcome as JSON.
 * Usage: node --import tsx store-process.ts '{"backend":"sqlite","location":"…","startAt":…,"action":"bootstrap"}'
 */
import { randomUUID } from 'node:crypto';
import { PostgresJobStore, SqliteJobStore, dedupKey } from '../../src/index.js';

const args = JSON.parse(process.argv[2]!) as { backend: 'sqlite' | 'postgres'; location: string; url: string; startAt: number; action: 'bootstrap' | 'submit' };
await new Promise((r) => setTimeout(r, Math.max(0, args.startAt - Date.now())));
const store =
  args.backend === 'sqlite'
    ? new SqliteJobStore({ path: args.location, maxAttempts: 3 })
    : new PostgresJobStore({ connectionString: args.url, schema: args.location, maxAttempts: 3, poolSize: 4 });
try {
  await store.ready();
  if (args.action === 'bootstrap') {
    const created = await store.createClient({ id: 'cli_boot', name: 'boot', keyHash: 'k', secretHash: 's', disabled: false, createdAt: new Date().toISOString() });
    console.log(JSON.stringify({ created }));
  } else {
    const payload = { url: 'https://race.test' };
    const jobs = await Promise.all(
      Array.from({ length: 6 }, () =>
        store.createJob({ id: randomUUID(), clientId: 'cli_a', type: 'spiderSite', payload, priority: 0, dedupKey: dedupKey('cli_a', 'spiderSite', payload) }, new Date()),
      ),
    );
    console.log(JSON.stringify({ jobs: jobs.map((j) => ({ id: j.job.id, fromCache: j.fromCache })) }));
  }
} finally {
  await store.close();
}
