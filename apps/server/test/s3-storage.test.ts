import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerEngines } from '../src/engines.js';
import { startTestServer, waitForStatus } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { serveFixtureSite } from '@spideriq/testkit';

/**
 * Artifacts in an S3 bucket, against s3rver (a local S3-compatible server from npm) on 127.0.0.1. The
 * SDK's default credential chain reads the environment, set here to s3rver's fixed credentials.
 */
const BUCKET = 'spideriq-test';
let s3: S3rver;
let endpoint: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: mkdtempSync(join(tmpdir(), 'siq-s3-')), configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = (await s3.run()) as { port: number };
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await s3.close();
});

const s3Env = () => ({ SPIDERIQ_S3_BUCKET: BUCKET, SPIDERIQ_S3_ENDPOINT: endpoint, SPIDERIQ_S3_FORCE_PATH_STYLE: 'true' });
const start = async (env: Record<string, string>): Promise<TestServer> => {
  const server = await startTestServer(registerEngines, { SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true', SPIDERIQ_CHROMIUM_PATH: '/nonexistent/chromium', ...env });
  closers.push(server.close);
  return server;
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('compendiums in an S3 bucket', () => {
  it('stores the compendium in the bucket and serves its permanent URL from every API process', async () => {
    const site = await serveFixtureSite('plumber-uk');
    closers.push(site.close);
    const [a, b] = [await start(s3Env()), await start(s3Env())];
    const res = await a.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: site.url, mode: 'compendium', max_pages: 3 } }) });
    const { job_id: id } = (await res.json()) as { job_id: string };
    await waitForStatus(a, id, ['completed', 'failed'], 60_000);
    const { data } = (await (await a.api(`/api/v1/jobs/${id}/results`)).json()) as { data: { compendium: Record<string, any> } };
    expect(data.compendium).toMatchObject({ available: true, storage_location: 's3' });
    const url = new URL(data.compendium.download_url as string);
    expect(url.origin).toBe(a.url);
    const key = url.pathname.slice('/artifacts/'.length);
    expect(key).toMatch(/^[0-9a-f]{32}\//);

    // The object is in the bucket, not in either server's data folder.
    const object = await new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true }).send(new GetObjectCommand({ Bucket: BUCKET, Key: decodeURIComponent(key) }));
    const stored = await object.Body!.transformToByteArray();
    expect(sha256(stored)).toBe(data.compendium.content_hash);

    for (const server of [a, b]) {
      const file = await fetch(`${server.url}${url.pathname}`);
      expect(file.status, server.url).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/^text\/markdown/);
      const bytes = new Uint8Array(await file.arrayBuffer());
      expect(bytes.length).toBe(data.compendium.size_bytes);
      expect(sha256(bytes)).toBe(data.compendium.content_hash);
    }
    const missing = await fetch(`${b.url}/artifacts/${'0'.repeat(32)}/nothing.md`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'Artifact not found' });
  }, 90_000);

  it('links to the bucket itself under SPIDERIQ_S3_PUBLIC_URL', async () => {
    const server = await start({ ...s3Env(), SPIDERIQ_S3_PUBLIC_URL: `${endpoint}/${BUCKET}/` });
    const stored = await server.runtime.storage.put('client-x/compendiums/job.md', '# Hello\n', 'text/markdown; charset=utf-8');
    expect(stored).toMatchObject({ location: 's3', size: 8 });
    expect(stored.url.startsWith(`${endpoint}/${BUCKET}/`)).toBe(true);
    const file = await fetch(stored.url);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('# Hello\n');
    // The API route still serves the same key, for clients that kept an older link.
    expect(await (await fetch(`${server.url}/artifacts/${stored.key}`)).text()).toBe('# Hello\n');
  });

  it('refuses to start when the bucket cannot be reached', async () => {
    await expect(start({ ...s3Env(), SPIDERIQ_S3_BUCKET: 'no-such-bucket' })).rejects.toThrow(/artifact storage \(bucket no-such-bucket\)/);
  });
});
