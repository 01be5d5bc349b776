import { chmodSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { defaultConnector } from '../../src/index.js';
import type { Connector, Resolver } from '../../src/index.js';

/** True for 127.0.0.0/8 and ::1 (and IPv4-mapped loopback). */
export function isLoopback(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').replace(/^::ffff:/i, '');
  if (isIP(a) === 4) return a.startsWith('127.');
  return a === '::1';
}

/** Raised for any name or address outside the site under test: nothing leaves 127.0.0.0/8. */
export class OffLoopbackError extends Error {
  override readonly name = 'OffLoopbackError';
  readonly code = 'off_loopback';
}

/** A resolver that answers 127.0.0.1 for the site's own names and refuses every other name. */
export function loopbackResolver(hosts: readonly string[]): Resolver {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (hostname) => {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    if (allowed.has(name) || name === 'localhost') return [{ address: '127.0.0.1', family: 4 }];
    if (isIP(name) && isLoopback(name)) return [{ address: name, family: isIP(name) === 6 ? 6 : 4 }];
    throw new OffLoopbackError(`Refused to resolve ${hostname}: only the site under test is served (on 127.0.0.1)`);
  };
}

/** A socket factory that only dials loopback addresses (the guard behind the resolver, for IP literals). */
export function loopbackConnector(inner: Connector = defaultConnector()): Connector {
  return (options, callback) => {
    if (!isLoopback(options.hostname)) {
      callback(new OffLoopbackError(`Refused to connect to ${options.hostname}: not a loopback address`), null);
      return;
    }
    inner(options, callback);
  };
}

/**
 * Writes an executable wrapper around Chromium that keeps the browser on loopback: the site's names
 * resolve to 127.0.0.1, every other name fails, and every request not to those names goes to a closed
 * local proxy port (so IP literals cannot leave either).
 */
export function loopbackChromium(dir: string, hosts: readonly string[], chromium = '/usr/bin/chromium'): string {
  const rules = [...hosts.map((h) => `MAP ${h} 127.0.0.1`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost'].join(', ');
  const bypass = [...hosts, '127.0.0.1', 'localhost'].join(';');
  const path = join(dir, 'chromium-loopback');
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    path,
    `#!/bin/sh\nexec ${q(chromium)} "$@" ${q(`--host-resolver-rules=${rules}`)} --proxy-server=http://127.0.0.1:9 ${q(`--proxy-bypass-list=${bypass}`)}\n`,
  );
  chmodSync(path, 0o755);
  return path;
}
