import { buildConnector } from 'undici';
import type { Connector, ResolvedAddress, Resolver } from '../../src/fetch/index.js';

/** A resolver from a fixed table; any other name fails, so a test can never trigger a real DNS query. */
export function tableResolver(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const entries = table[hostname];
    if (!entries) throw new Error(`test resolver: unknown host ${hostname}`);
    return entries.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolver, { calls });
}

/**
 * A connector that records every dial and sends it to 127.0.0.1 (to `port` when given), so a test can
 * pretend a public host answers locally and can assert that a refused URL never reached the dial.
 */
export function recordingConnector(port?: number): Connector & { calls: Array<{ hostname: string; port: string }> } {
  const calls: Array<{ hostname: string; port: string }> = [];
  const inner = buildConnector({});
  const connector: Connector = (options, callback) => {
    calls.push({ hostname: options.hostname, port: options.port });
    inner({ ...options, hostname: '127.0.0.1', ...(port ? { port: String(port) } : {}) }, callback);
  };
  return Object.assign(connector, { calls });
}
