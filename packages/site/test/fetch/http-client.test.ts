import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/fetch/charset.js';
import { FetchError } from '../../src/fetch/fetch-error.js';
import { HttpClient } from '../../src/fetch/http-client.js';
import { startLocalServer } from '@spideriq/testkit';
import type { LocalServer } from '@spideriq/testkit';

const CAP = 64 * 1024;
let server: LocalServer;
const hits = new Map<string, number>();
const hit = (key: string): number => {
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  return n;
};
let userAgentSeen = '';

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    userAgentSeen = req.headers['user-agent'] ?? '';
    const html = '<html><body><p>Grüße aus Köln</p></body></html>';
    switch (url.pathname) {
      case '/gzip':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
        return res.end(gzipSync(html));
      case '/br':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
        return res.end(brotliCompressSync(html));
      case '/deflate':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate' });
        return res.end(deflateSync(html));
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(CAP * 4) });
        return res.end(Buffer.alloc(CAP * 4, 'a'));
      case '/big-chunked': {
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 8; i++) res.write(Buffer.alloc(CAP / 2, 'b'));
        return res.end();
      }
      case '/gzip-bomb':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return res.end(gzipSync(Buffer.alloc(CAP * 50, 0)));
      case '/retry-after': {
        const n = hit(req.url!);
        if (n === 1) {
          res.writeHead(429, { 'retry-after': '1' });
          return res.end('slow down');
        }
        return res.end('done');
      }
      case '/flaky': {
        const n = hit(req.url!);
        res.writeHead(n < 3 ? 503 : 200);
        return res.end(n < 3 ? 'unavailable' : 'recovered');
      }
      case '/down':
        hit('/down');
        res.writeHead(500);
        return res.end('broken');
      case '/not-found':
        hit('/not-found');
        res.writeHead(404);
        return res.end('nope');
      case '/too-long':
        res.writeHead(429, { 'retry-after': '3600' });
        return res.end();
      case '/redirect':
        res.writeHead(301, { location: '/hop2' });
        return res.end();
      case '/hop2':
        res.writeHead(307, { location: `${server.origin}/gzip` });
        return res.end();
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        return res.end();
      case '/slow':
        setTimeout(() => res.end('late'), 2000);
        return;
      default:
        res.writeHead(404);
        return res.end();
    }
  });
});
afterAll(() => server.close());

const client = (): HttpClient =>
  new HttpClient({ userAgent: 'SpiderIQ/0.1.0 (+http://localhost)', allowPrivateNetworks: true, maxBodyBytes: CAP, retryBaseMs: 20, maxRedirects: 5 });

describe('HttpClient', () => {
  it.each(['/gzip', '/br', '/deflate'])('decompresses %s', async (path) => {
    const c = client();
    const res = await c.fetch(server.origin + path, { timeoutMs: 5000 });
    await c.close();
    expect(decodeBody(res.contentType, res.body).text).toContain('Grüße aus Köln');
    expect(res.wireBytes).toBeLessThan(res.body.byteLength + 40);
    expect(userAgentSeen).toBe('SpiderIQ/0.1.0 (+http://localhost)');
  });

  it.each(['/big-declared', '/big-chunked', '/gzip-bomb'])('stops %s at the body cap', async (path) => {
    const c = client();
    const error = await c.fetch(server.origin + path, { timeoutMs: 5000 }).catch((e: unknown) => e);
    await c.close();
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('too_large');
  });

  it('waits as long as Retry-After asks, then retries', async () => {
    const c = client();
    const started = Date.now();
    const res = await c.fetch(`${server.origin}/retry-after`, { timeoutMs: 5000 });
    await c.close();
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries 5xx with backoff until it recovers', async () => {
    const c = client();
    const res = await c.fetch(`${server.origin}/flaky`, { timeoutMs: 5000 });
    await c.close();
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(3);
    expect(res.body.toString()).toBe('recovered');
  });

  it('gives up after the retry budget and returns the last response', async () => {
    const c = client();
    const res = await c.fetch(`${server.origin}/down`, { timeoutMs: 5000 });
    await c.close();
    expect(res.status).toBe(500);
    expect(hits.get('/down')).toBe(3);
  });

  it('does not retry a 404', async () => {
    const c = client();
    const res = await c.fetch(`${server.origin}/not-found`, { timeoutMs: 5000 });
    await c.close();
    expect(res.status).toBe(404);
    expect(hits.get('/not-found')).toBe(1);
  });

  it('does not sleep for an unreasonable Retry-After', async () => {
    const c = client();
    const res = await c.fetch(`${server.origin}/too-long`, { timeoutMs: 5000 });
    await c.close();
    expect(res.status).toBe(429);
    expect(res.attempts).toBe(1);
  });

  it('follows redirects hop by hop', async () => {
    const c = client();
    const res = await c.fetch(`${server.origin}/redirect`, { timeoutMs: 5000 });
    await c.close();
    expect(res.url).toBe(`${server.origin}/gzip`);
    expect(res.redirects).toEqual([`${server.origin}/hop2`, `${server.origin}/gzip`]);
  });

  it('stops redirect loops', async () => {
    const c = client();
    await expect(c.fetch(`${server.origin}/loop`, { timeoutMs: 5000 })).rejects.toMatchObject({ code: 'too_many_redirects' });
    await c.close();
  });

  it('times out per request', async () => {
    const c = client();
    await expect(c.fetch(`${server.origin}/slow`, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'timeout' });
    await c.close();
  });

  it('reports an abort from the job signal as aborted', async () => {
    const c = client();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(c.fetch(`${server.origin}/slow`, { timeoutMs: 5000, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    await c.close();
  });
});
