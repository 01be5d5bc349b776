import { lookup } from 'node:dns/promises';

/** One resolved address of a hostname. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Turns a hostname into its addresses. Injected in tests so no real DNS query is ever made,
 * and so a test can make `evil.test` resolve to 127.0.0.1.
 */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (getaddrinfo), returning every address so each one can be checked. */
export const systemResolver: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};
