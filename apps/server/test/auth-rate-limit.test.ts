import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVALID_TOKEN_DETAIL } from '@spideriq/schema';
import { startTestServer } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { registerTestEngines } from '@spideriq/testkit/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(registerTestEngines, { SPIDERIQ_RATE_LIMIT_PER_MINUTE: '60', SPIDERIQ_RATE_LIMIT_BURST: '3', SPIDERIQ_AUTH_CACHE_SECONDS: '0.2' }, 3);
});
afterAll(() => server.close());

describe('authentication', () => {
  const [client] = ['cli_abcdefgh12345678'];
  it.each([
    ['no Authorization header', null, INVALID_TOKEN_DETAIL],
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNz', INVALID_TOKEN_DETAIL],
    ['a two-part token', `Bearer ${client}:sk_0123456789abcdef0123`, INVALID_TOKEN_DETAIL],
    ['wrong prefixes', 'Bearer abc:def:ghi', INVALID_TOKEN_DETAIL],
    ['an unknown client', `Bearer ${client}:sk_0123456789abcdef0123:secret_0123456789abcdef0123`, 'Invalid API credentials'],
  ])('answers 401 for %s', async (_name, header, detail) => {
    const res = await server.api('/api/v1/jobs/list', { token: null, headers: header ? { authorization: header } : {} });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.json()).toEqual({ detail });
  });

  it('answers 401 for a right client id with a wrong secret', async () => {
    const [id, key] = server.tokens[2]!.split(':');
    const res = await server.api('/api/v1/jobs/list', { token: `${id}:${key}:secret_ffffffffffffffffffffffffffffffff` });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ detail: 'Invalid API credentials' });
  });

  it('answers 403 for a disabled client', async () => {
    const token = server.tokens[2]!;
    expect((await server.api('/api/v1/jobs/list', { token })).status).toBe(200);
    await server.runtime.store.setClientDisabled(token.split(':')[0]!, true);
    // A verified token is trusted for SPIDERIQ_AUTH_CACHE_SECONDS (0.2 s here) before the store is asked again.
    await new Promise((r) => setTimeout(r, 250));
    const res = await server.api('/api/v1/jobs/list', { token });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ detail: 'Client account is inactive' });
    await server.runtime.store.setClientDisabled(token.split(':')[0]!, false);
    await new Promise((r) => setTimeout(r, 250));
    expect((await server.api('/api/v1/jobs/list', { token })).status).toBe(200);
  });

  it('stores only hashes of the key and the secret', async () => {
    const [id, key, secret] = server.tokens[0]!.split(':') as [string, string, string];
    const stored = (await server.runtime.store.getClient(id))!;
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the system endpoints public', async () => {
    for (const path of ['/api/v1/system/health', '/api/v1/system/queue-stats', '/api/v1/system/info']) {
      expect((await server.api(path, { token: null })).status, path).toBe(200);
    }
  });
});

describe('rate limiting', () => {
  it('sends the headers on every authenticated response and answers 429 with Retry-After at the limit', async () => {
    const token = server.tokens[1]!;
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await server.api(i === 1 ? '/api/v1/jobs/00000000-0000-4000-8000-000000000000/status' : '/api/v1/jobs/list', { token });
      seen.push(Number(res.headers.get('x-ratelimit-remaining')));
      expect(res.headers.get('x-ratelimit-limit')).toBe('60');
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
    }
    expect(seen).toEqual([2, 1, 0]);
    const limited = await server.api('/api/v1/jobs/list', { token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await limited.json()) as { detail: string }).detail).toMatch(/Rate limit exceeded: 60 requests per minute/);
    // Other clients have their own bucket.
    expect((await server.api('/api/v1/jobs/list', { token: server.tokens[0] })).status).toBe(200);
  });
});
