import { isIP } from 'node:net';
import { FetchError } from './fetch-error.js';
import { blockedAddressReason } from './ip-policy.js';
import type { ResolvedAddress, Resolver } from './resolver.js';

/** The address a checked URL may be fetched from; the connector connects only to it. */
export interface PinnedTarget {
  url: URL;
  hostname: string;
  address: ResolvedAddress;
}

/** How the guard decides. `allowPrivateNetworks` lifts the address rules but not the scheme rule. */
export interface SsrfGuardOptions {
  resolver: Resolver;
  allowPrivateNetworks: boolean;
}

/** Hostname without IPv6 brackets, as the resolver and the connector see it. */
export function bareHostname(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * Checks one URL before any connection opens: only http(s), then DNS resolution, then every resolved
 * address against the private-network policy (one bad address refuses the host, because a resolver may
 * rotate). Returns the first allowed address so the connection can be pinned to exactly what was checked,
 * which closes the DNS-rebinding window between check and connect.
 */
export async function checkUrl(rawUrl: string | URL, options: SsrfGuardOptions): Promise<PinnedTarget> {
  let url: URL;
  try {
    url = typeof rawUrl === 'string' ? new URL(rawUrl) : rawUrl;
  } catch (cause) {
    throw new FetchError(`"${String(rawUrl)}" is not a valid URL`, { code: 'invalid_url', url: String(rawUrl), cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`Refused ${url.href}: only http and https URLs can be crawled`, { code: 'blocked_url', url: url.href });
  }
  if (url.username || url.password) {
    throw new FetchError(`Refused ${url.href}: URLs with credentials are not crawled`, { code: 'blocked_url', url: url.href });
  }
  const hostname = bareHostname(url);
  const literal = isIP(hostname);
  let addresses: ResolvedAddress[];
  if (literal !== 0) {
    addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await options.resolver(hostname);
    } catch (cause) {
      throw new FetchError(`Could not resolve ${hostname}`, { code: 'network', url: url.href, cause });
    }
    if (addresses.length === 0) throw new FetchError(`Could not resolve ${hostname}`, { code: 'network', url: url.href });
  }
  if (!options.allowPrivateNetworks) {
    for (const entry of addresses) {
      const reason = blockedAddressReason(entry.address);
      if (reason !== null) {
        const via = literal === 0 ? ` (${hostname} resolves to ${entry.address})` : '';
        throw new FetchError(`Refused ${url.href}: ${reason} address${via} is not allowed`, {
          code: 'blocked_url',
          url: url.href,
        });
      }
    }
  }
  return { url, hostname, address: addresses[0]! };
}
