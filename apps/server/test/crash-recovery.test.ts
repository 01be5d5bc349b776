import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess } from '@spideriq/testkit/server';
import { generateToken } from '../src/auth/credentials.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('crash recovery', () => {
  it('completes every job exactly once after kill -9 mid-job and a restart on the same data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'siq-crash-'));
    const completions = join(dataDir, 'completions.log');
    const token = generateToken().token;
    const env = { SPIDERIQ_DATA_DIR: dataDir, SPIDERIQ_BOOTSTRAP_TOKEN: token, SPIDERIQ_LEASE_SECONDS: '1', SPIDERIQ_WORKERS_SITE: '1', COMPLETIONS_LOG: completions };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const first = await startServerProcess(env, children);
    const ids: string[] = [];
    for (const url of ['https://slow.test/?ms=3000&crash=1', 'https://slow.test/?ms=200&crash=2', 'https://ok.test/crash-3', 'https://ok.test/crash-4']) {
      const res = await fetch(`${first.url}/api/v1/jobs/spiderSite/submit`, { method: 'POST', headers, body: JSON.stringify({ payload: { url } }) });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { job_id: string }).job_id);
    }
    // Kill the server while the first job is processing and the others wait in the queue.
    for (;;) {
      const status = (await (await fetch(`${first.url}/api/v1/jobs/${ids[0]}/status`, { headers })).json()) as { status: string; progress: unknown };
      if (status.status === 'processing' && status.progress) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(existsSync(completions) ? readFileSync(completions, 'utf8').trim() : '').toBe('');

    const second = await startServerProcess(env, children);
    const deadline = Date.now() + 30_000;
    const final: Record<string, { status: string }> = {};
    for (const id of ids) {
      for (;;) {
        const body = (await (await fetch(`${second.url}/api/v1/jobs/${id}/status`, { headers })).json()) as { status: string };
        if (body.status === 'completed' || body.status === 'failed') {
          final[id] = body;
          break;
        }
        if (Date.now() > deadline) throw new Error(`job ${id} never finished`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(Object.values(final).map((s) => s.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    const lines = readFileSync(completions, 'utf8').trim().split('\n').sort();
    expect(lines).toEqual([...ids].sort());
  }, 60_000);

  it('on SIGTERM lets a running job finish, then exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'siq-term-'));
    const token = generateToken().token;
    const env = { SPIDERIQ_DATA_DIR: dataDir, SPIDERIQ_BOOTSTRAP_TOKEN: token, SPIDERIQ_WORKERS_SITE: '1', COMPLETIONS_LOG: join(dataDir, 'completions.log') };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const server = await startServerProcess(env, children);
    const res = await fetch(`${server.url}/api/v1/jobs/spiderSite/submit`, { method: 'POST', headers, body: JSON.stringify({ payload: { url: 'https://slow.test/?ms=600&term' } }) });
    const { job_id } = (await res.json()) as { job_id: string };
    for (;;) {
      const status = (await (await fetch(`${server.url}/api/v1/jobs/${job_id}/status`, { headers })).json()) as { status: string };
      if (status.status === 'processing') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(readFileSync(join(dataDir, 'completions.log'), 'utf8').trim()).toBe(job_id);
  }, 30_000);
});
