import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/fetch/fetch-error.js';
import { HttpClient } from '../../src/fetch/http-client.js';
import { checkUrl } from '../../src/fetch/ssrf-guard.js';
import { startLocalServer } from '@spideriq/testkit';
import type { LocalServer } from '@spideriq/testkit';
import { recordingConnector, tableResolver } from '../support/net-doubles.js';

// "public.test" pretends to be a public host (a documentation-free public address); the recording
// connector dials 127.0.0.1 instead, so nothing ever leaves the machine even if the guard failed.
const PUBLIC_IP = '93.184.216.34';

let server: LocalServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('SSRF guard', () => {
  const resolver = tableResolver({ 'public.test': [PUBLIC_IP], 'rebind.test': ['127.0.0.1'], 'mixed.test': [PUBLIC_IP, '10.0.0.7'] });

  it.each([
    ['loopback', 'http://127.0.0.1/', /loopback/],
    ['10/8', 'http://10.20.30.40/admin', /private/],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', /cloud-metadata/],
    ['IPv6 loopback', 'http://[::1]:8080/', /loopback/],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/', /loopback/],
    ['hostname resolving to 127.0.0.1', 'http://rebind.test/', /rebind\.test resolves to 127\.0\.0\.1/],
    ['hostname with one private address among public ones', 'http://mixed.test/', /10\.0\.0\.7/],
    ['non-http scheme', 'file:///etc/passwd', /only http and https/],
    ['ftp scheme', 'ftp://public.test/', /only http and https/],
  ])('refuses %s before any connection opens', async (_name, url, message) => {
    const connector = recordingConnector();
    const client = new HttpClient({ userAgent: 'test', allowPrivateNetworks: false, resolver, connector });
    const error = await client.fetch(url, { timeoutMs: 2000 }).catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('blocked_url');
    expect((error as FetchError).message).toMatch(message);
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a redirect to a private address and never dials it', async () => {
    server = await startLocalServer((req, res) => {
      res.writeHead(302, { location: 'http://10.0.0.1/internal' });
      res.end();
    });
    const connector = recordingConnector(server.port);
    const client = new HttpClient({ userAgent: 'test', allowPrivateNetworks: false, resolver, connector });
    const error = await client.fetch(`http://public.test:${server.port}/`, { timeoutMs: 2000 }).catch((e: unknown) => e);
    await client.close();
    expect((error as FetchError).code).toBe('blocked_url');
    expect((error as FetchError).url).toBe('http://10.0.0.1/internal');
    // Exactly one dial: the allowed first hop, to the pinned public address.
    expect(connector.calls).toEqual([{ hostname: PUBLIC_IP, port: String(server.port) }]);
    expect(server.requests).toEqual(['/']);
  });

  it('pins the connection to the address it checked', async () => {
    server = await startLocalServer((_req, res) => res.end('ok'));
    const connector = recordingConnector(server.port);
    const client = new HttpClient({ userAgent: 'test', allowPrivateNetworks: false, resolver, connector });
    const res = await client.fetch(`http://public.test:${server.port}/page`, { timeoutMs: 2000 });
    await client.close();
    expect(res.status).toBe(200);
    expect(connector.calls.map((c) => c.hostname)).toEqual([PUBLIC_IP]);
  });

  it('lets private addresses through when allowPrivateNetworks is set, but never other schemes', async () => {
    const options = { resolver, allowPrivateNetworks: true };
    await expect(checkUrl('http://rebind.test/', options)).resolves.toMatchObject({ address: { address: '127.0.0.1' } });
    await expect(checkUrl('gopher://rebind.test/', options)).rejects.toMatchObject({ code: 'blocked_url' });
  });
});

describe('pinnedConnector', () => {
  it('refuses to dial a host the guard never checked, without calling the real connector', async () => {
    const { pinnedConnector } = await import('../../src/fetch/pinned-connector.js');
    const inner = recordingConnector();
    const connect = pinnedConnector(inner, new Map());
    const error = await new Promise<Error | null>((resolve) =>
      connect({ hostname: 'unchecked.test', protocol: 'http:', port: '80' }, (...args) => resolve(args[0])),
    );
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('blocked_url');
    expect(inner.calls).toHaveLength(0);
  });

  it('dials the pinned address and keeps the name for TLS', async () => {
    const { pinnedConnector } = await import('../../src/fetch/pinned-connector.js');
    const seen: Array<{ hostname: string; servername?: string }> = [];
    const connect = pinnedConnector((options, callback) => {
      seen.push({ hostname: options.hostname, ...(options.servername ? { servername: options.servername } : {}) });
      callback(new Error('stop here'), null);
    }, new Map([['shop.test', PUBLIC_IP]]));
    await new Promise<void>((resolve) => connect({ hostname: 'shop.test', protocol: 'https:', port: '443' }, () => resolve()));
    expect(seen).toEqual([{ hostname: PUBLIC_IP, servername: 'shop.test' }]);
  });
});
