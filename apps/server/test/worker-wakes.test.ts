import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerTestEngines, startTestServer, waitForStatus } from '@spideriq/testkit/server';
import type { LeaseQueueStore } from '@spideriq/jobs';
import type { TestServer } from '@spideriq/testkit/server';

/** Eight idle site workers and two map workers on the embedded queue, which polls only once a second. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(registerTestEngines, { SPIDERIQ_WORKERS_SITE: '8', SPIDERIQ_WORKERS_MAPS: '2' });
});
afterAll(() => server.close());

const submit = async (type: 'spiderSite' | 'spiderMaps', payload: object): Promise<string> => {
  const res = await server.api(`/api/v1/jobs/${type}/submit`, { method: 'POST', body: JSON.stringify({ payload }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { job_id: string }).job_id;
};

/** From the job's row to its first claim: a woken worker takes it at once, a poll only within a second. */
async function queueWaitMs(id: string): Promise<number> {
  const job = (await server.runtime.store.getJob(id))!;
  return Date.parse(job.startedAt!) - Date.parse(job.createdAt);
}

describe('waking the embedded workers', () => {
  it('sends one idle worker of the job type to the store per queued job, and every job still runs at once', async () => {
    // Let every worker loop make its first claim and go to sleep.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The embedded store is also the queue the workers claim from.
    const claim = vi.spyOn(server.runtime.store as LeaseQueueStore, 'claim');
    try {
      const jobs = 6;
      for (let i = 0; i < jobs; i++) {
        const id = await submit('spiderSite', { url: `https://ok.test/wake-${crypto.randomUUID()}` });
        await waitForStatus(server, id, ['completed']);
        expect(await queueWaitMs(id)).toBeLessThan(700);
      }
      const maps = await submit('spiderMaps', { query: 'bakers', location: 'Lyon' });
      await waitForStatus(server, maps, ['completed']);
      // Each job: the woken worker's claim, and its look for a next job after it. Waking all idle
      // workers made it nine per site job (eight site workers) and more.
      expect(claim.mock.calls.length).toBeLessThanOrEqual(2 * (jobs + 1) + 2);
      expect(claim.mock.calls.every(([, types]) => types.length === 1)).toBe(true);
    } finally {
      claim.mockRestore();
    }
  });

  it('has a site job wait for neither the map workers nor the poll when every site worker was asleep', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ids = await Promise.all(Array.from({ length: 8 }, () => submit('spiderSite', { url: `https://ok.test/burst-${crypto.randomUUID()}` })));
    for (const id of ids) await waitForStatus(server, id, ['completed']);
    for (const id of ids) expect(await queueWaitMs(id)).toBeLessThan(700);
  });
});
