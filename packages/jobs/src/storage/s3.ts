import { GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ArtifactStorage, StoredArtifact } from '../storage.js';
import { newArtifactKey, safeArtifactKey, storedArtifact } from './artifact-key.js';

/** Options of the S3 storage. Credentials come from the AWS SDK's default chain (environment, profile, role). */
export interface S3StorageOptions {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, R2, a local fake); AWS itself when absent. */
  endpoint?: string | undefined;
  region: string;
  /** `http://endpoint/bucket/key` instead of `http://bucket.endpoint/key` (most S3-compatible servers). */
  forcePathStyle: boolean;
  /** Where the API serves artifacts from the bucket, for example `http://api.example.com/artifacts`. */
  publicBaseUrl: string;
  /** A public bucket's own base URL: artifact URLs point there instead of at the API. */
  bucketPublicUrl?: string | undefined;
  /** A ready client (tests); otherwise one is made from the options above. */
  client?: S3Client;
}

/**
 * Artifacts as objects in one S3 bucket, so every API process serves the same permanent URL (the key has
 * the same unguessable random prefix as local files). Reported as `storage_location: "s3"`.
 */
export class S3ArtifactStorage implements ArtifactStorage {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #base: string;

  constructor(options: S3StorageOptions) {
    this.#client =
      options.client ??
      new S3Client({ region: options.region, forcePathStyle: options.forcePathStyle, ...(options.endpoint ? { endpoint: options.endpoint } : {}) });
    this.#bucket = options.bucket;
    this.#base = options.bucketPublicUrl ?? options.publicBaseUrl;
  }

  async put(key: string, body: string | Uint8Array, contentType: string): Promise<StoredArtifact> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    const storedKey = newArtifactKey(key);
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: storedKey,
        Body: bytes,
        ContentType: contentType,
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
    return storedArtifact(this.#base, storedKey, bytes, contentType, 's3');
  }

  async get(key: string): Promise<{ body: Uint8Array; contentType: string } | null> {
    let safe: string;
    try {
      safe = safeArtifactKey(key);
    } catch {
      return null;
    }
    try {
      const object = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: safe }));
      if (!object.Body) return null;
      return { body: await object.Body.transformToByteArray(), contentType: object.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  /** Throws when the bucket cannot be reached with these credentials. */
  async check(): Promise<void> {
    await this.#client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
  }

  /** Closes the client's sockets. */
  close(): void {
    this.#client.destroy();
  }
}
