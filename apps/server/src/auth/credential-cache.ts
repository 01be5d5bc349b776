import { hash } from 'node:crypto';
import type { ClientRecord } from '@spideriq/jobs';

/**
 * Recently verified tokens, keyed by the sha256 of the whole token, for `ttlMs`. It spares the store
 * lookup and the two credential hashes on every request of a busy client. A client disabled with
 * `pnpm admin` is refused within `ttlMs`. Only successful verifications are cached.
 */
export class CredentialCache {
  readonly #entries = new Map<string, { client: ClientRecord; expires: number }>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 10_000,
  ) {}

  /** The cache key of a raw token. */
  static key(token: string): string {
    // One-shot hash: no Hash object per request (Node ≥ 20.12).
    return hash('sha256', token, 'base64');
  }

  get(key: string, nowMs: number): ClientRecord | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= nowMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.client;
  }

  set(key: string, client: ClientRecord, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { client, expires: nowMs + this.ttlMs });
  }

  /** Forgets a client at once (used when this process changes it). */
  forget(clientId: string): void {
    for (const [key, entry] of this.#entries) if (entry.client.id === clientId) this.#entries.delete(key);
  }
}
