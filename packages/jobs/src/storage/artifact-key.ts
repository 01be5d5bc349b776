import { createHash, randomBytes } from 'node:crypto';
import type { StoredArtifact } from '../storage.js';

/** A key made of safe path segments; throws on anything else (`..`, empty, odd characters). */
export function safeArtifactKey(key: string): string {
  const parts = key.split('/').filter((part) => part && part !== '.' && part !== '..');
  if (parts.length === 0 || parts.some((part) => !/^[A-Za-z0-9._-]+$/.test(part))) throw new Error(`bad artifact key: ${key}`);
  return parts.join('/');
}

/**
 * The stored key of a new artifact: a random 128-bit prefix before the caller's key, so the permanent
 * URL cannot be guessed from the job id. Every backend uses it, so a URL looks the same on each.
 */
export function newArtifactKey(key: string): string {
  return `${randomBytes(16).toString('hex')}/${safeArtifactKey(key)}`;
}

/** The public URL of a stored key under a base URL, each segment encoded. */
export function artifactUrl(base: string, storedKey: string): string {
  return `${base.replace(/\/+$/, '')}/${storedKey.split('/').map(encodeURIComponent).join('/')}`;
}

/** What every backend answers for a stored artifact: its key, permanent URL, sha256, size and type. */
export function storedArtifact(base: string, storedKey: string, bytes: Uint8Array, contentType: string, location: StoredArtifact['location']): StoredArtifact {
  return {
    key: storedKey,
    url: artifactUrl(base, storedKey),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    contentType,
    location,
  };
}
