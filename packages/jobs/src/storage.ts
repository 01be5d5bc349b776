/** What a stored artifact is: where it lives and how to check it. */
export interface StoredArtifact {
  /** Storage key, relative to the storage root, for example `client-ab12/compendiums/<job>.md`. */
  key: string;
  /** Permanent, unguessable public URL of the artifact. */
  url: string;
  /** Lowercase hex sha256 of the bytes. */
  sha256: string;
  size: number;
  contentType: string;
  /** Which backend holds it, reported as `compendium.storage_location`: `local` or `s3`. */
  location: string;
}

/** Where job artifacts (compendium markdown, images) go: local files, or an S3-compatible bucket. */
export interface ArtifactStorage {
  put(key: string, body: string | Uint8Array, contentType: string): Promise<StoredArtifact>;
  /** The artifact under a stored key, or null when there is none (or the key is malformed). */
  get(key: string): Promise<{ body: Uint8Array; contentType: string } | null>;
  /** Throws when the storage cannot be written and read (for `system/health`). */
  check(): Promise<void>;
}
