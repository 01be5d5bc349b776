/** One cached answer of `GET /results`. */
interface Entry {
  clientId: string;
  body: string;
}

/**
 * The JSON bodies of completed jobs, most recently used first. A completed job never changes (it cannot
 * be cancelled, re-run or edited), so its answer can be kept; anything else is always read from the store.
 * Bounded by total characters.
 */
export class CompletedResultsCache {
  readonly #entries = new Map<string, Entry>();
  #size = 0;

  constructor(readonly maxChars: number) {}

  get(jobId: string): Entry | undefined {
    const entry = this.#entries.get(jobId);
    if (entry) {
      this.#entries.delete(jobId);
      this.#entries.set(jobId, entry);
    }
    return entry;
  }

  set(jobId: string, entry: Entry): void {
    if (entry.body.length > this.maxChars / 4) return;
    const old = this.#entries.get(jobId);
    if (old) this.#size -= old.body.length;
    this.#entries.delete(jobId);
    this.#entries.set(jobId, entry);
    this.#size += entry.body.length;
    for (const [key, value] of this.#entries) {
      if (this.#size <= this.maxChars) break;
      this.#entries.delete(key);
      this.#size -= value.body.length;
    }
  }
}
