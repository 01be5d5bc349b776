import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseApiToken } from '@spideriq/schema';
import type { ApiToken } from '@spideriq/schema';
import type { ClientRecord, JobStore } from '@spideriq/jobs';

/**
 * sha256 of a credential. Keys and secrets are 192-bit random values, so a fast hash is enough:
 * there is nothing to brute-force, and the database never holds a usable credential.
 */
export function hashCredential(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** A new random three-part token in SpiderIQ's format. */
export function generateToken(): ApiToken & { token: string } {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const id = [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
  const clientId = `cli_${id}`;
  const apiKey = `sk_${randomBytes(24).toString('hex')}`;
  const apiSecret = `secret_${randomBytes(24).toString('hex')}`;
  return { clientId, apiKey, apiSecret, token: `${clientId}:${apiKey}:${apiSecret}` };
}

/** The client record of a token: only hashes are stored. */
export function clientFor(name: string, token: ApiToken, now: Date): ClientRecord {
  return { id: token.clientId, name, keyHash: hashCredential(token.apiKey), secretHash: hashCredential(token.apiSecret), disabled: false, createdAt: now.toISOString() };
}

/** Creates a client for a token. `created` is false when the id already existed. */
export async function registerClient(store: JobStore, name: string, token: ApiToken, now: Date): Promise<ClientRecord & { created: boolean }> {
  const client = clientFor(name, token, now);
  return { ...client, created: await store.createClient(client) };
}

/**
 * On a first start (no client at all), creates a `default` client with a new token and returns the token
 * to show once; null when some client exists. Race-safe: of several API processes starting together on an
 * empty database, exactly one creates it (and prints it).
 */
export async function createFirstClient(store: JobStore, now: Date): Promise<(ApiToken & { token: string }) | null> {
  const token = generateToken();
  return (await store.createFirstClient(clientFor('default', token, now))) ? token : null;
}

/** Whether the token's key and secret match the client's stored hashes (both always compared). */
export function credentialsMatch(client: ClientRecord, token: ApiToken): boolean {
  const keyOk = sameDigest(hashCredential(token.apiKey), client.keyHash);
  const secretOk = sameDigest(hashCredential(token.apiSecret), client.secretHash);
  return keyOk && secretOk;
}

/** Result of `SPIDERIQ_BOOTSTRAP_TOKEN` processing. */
export interface BootstrapReport {
  created: string[];
  existing: string[];
  mismatched: string[];
}

/**
 * Creates a client for each bootstrap token unless it exists (idempotent across restarts). A malformed
 * token is a configuration error.
 */
export async function bootstrapClients(store: JobStore, tokens: readonly string[], now: Date): Promise<BootstrapReport> {
  const report: BootstrapReport = { created: [], existing: [], mismatched: [] };
  for (const [index, raw] of tokens.entries()) {
    const token = parseApiToken(raw);
    if (!token) throw new Error(`SPIDERIQ_BOOTSTRAP_TOKEN entry ${index + 1} is not a cli_…:sk_…:secret_… token`);
    let existing = await store.getClient(token.clientId);
    if (!existing) {
      if ((await registerClient(store, `bootstrap-${index + 1}`, token, now)).created) {
        report.created.push(token.clientId);
        continue;
      }
      // Another process created it between the read and the insert (whose conflict then did nothing).
      existing = await store.getClient(token.clientId);
    }
    if (existing && credentialsMatch(existing, token)) {
      report.existing.push(token.clientId);
    } else {
      report.mismatched.push(token.clientId);
    }
  }
  return report;
}
