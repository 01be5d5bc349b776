import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { ArtifactStorage, StoredArtifact } from '../storage.js';
import { newArtifactKey, safeArtifactKey, storedArtifact } from './artifact-key.js';

/** Options of the local file storage. */
export interface LocalStorageOptions {
  /** Folder the artifacts live in, for example `./data/artifacts`. */
  root: string;
  /** Public base URL the server serves artifacts under, for example `http://127.0.0.1:8080/artifacts`. */
  publicBaseUrl: string;
}

/**
 * Artifacts as files under a local folder. Each stored key gets a random 128-bit prefix, so the
 * public URL is permanent but cannot be guessed from the job id.
 */
export class LocalArtifactStorage implements ArtifactStorage {
  readonly #root: string;
  readonly #base: string;

  constructor(options: LocalStorageOptions) {
    this.#root = options.root;
    this.#base = options.publicBaseUrl;
  }

  async put(key: string, body: string | Uint8Array, contentType: string): Promise<StoredArtifact> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    const storedKey = newArtifactKey(key);
    const file = this.#path(storedKey);
    await mkdir(dirname(file), { recursive: true });
    // Write then rename so a reader never sees a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await writeFile(`${file}.type`, contentType);
    await rename(tmp, file);
    return storedArtifact(this.#base, storedKey, bytes, contentType, 'local');
  }

  async get(key: string): Promise<{ body: Uint8Array; contentType: string } | null> {
    let file: string;
    try {
      file = this.#path(key);
    } catch {
      return null;
    }
    try {
      const [body, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, 'utf8')]);
      return { body, contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Writes and reads back a probe file; throws when the folder is not usable. */
  async check(): Promise<void> {
    const probe = join(this.#root, '.probe');
    await mkdir(this.#root, { recursive: true });
    await writeFile(probe, 'ok');
    await readFile(probe);
  }

  #path(key: string): string {
    const clean = normalize(safeArtifactKey(key));
    if (clean.startsWith('..') || clean.includes(`${sep}..`) || clean.endsWith('.type')) throw new Error(`bad artifact key: ${key}`);
    return join(this.#root, clean);
  }
}
