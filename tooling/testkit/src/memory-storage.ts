import { createHash } from 'node:crypto';
import type { ArtifactStorage, StoredArtifact } from '@spideriq/jobs';

/** Artifact storage in memory, for engine tests and developer scripts that need no files or bucket. */
export class MemoryArtifactStorage implements ArtifactStorage {
  /** What was stored, by key. */
  readonly files = new Map<string, { body: Uint8Array; contentType: string }>();

  constructor(private readonly baseUrl = 'http://files.test') {}

  async put(key: string, body: string | Uint8Array, contentType: string): Promise<StoredArtifact> {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    this.files.set(key, { body: bytes, contentType });
    return {
      key,
      url: `${this.baseUrl}/${key}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      contentType,
      location: 'local',
    };
  }

  async get(key: string): Promise<{ body: Uint8Array; contentType: string } | null> {
    return this.files.get(key) ?? null;
  }

  async check(): Promise<void> {}
}
