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

/** Where job artifacts (compendium markdown, images) go. Local files now; S3-compatible later. */
export interface ArtifactStorage {
  put(key: string, body: string | Uint8Array, contentType: string): Promise<StoredArtifact>;
  get(key: string): Promise<{ body: Uint8Array; contentType: string } | null>;
}
