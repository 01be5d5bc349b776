/** Options of a `Batcher`. */
export interface BatcherOptions {
  /** Items in one call of `run` at most. */
  maxBatch: number;
  /** Calls of `run` under way at once at most; what arrives meanwhile waits for the next batch. */
  maxInFlight: number;
}

/**
 * Coalesces concurrent calls into batches: items added in the same tick, or while `maxInFlight` batches
 * are under way, go to `run` together, and each caller gets its own answer (`run` answers item for item,
 * in order). On a loaded server many jobs are submitted, claimed and completed at once; one statement for
 * all of them costs one round trip (and one socket write, the dearest part) instead of one each. When
 * idle an item waits one `setImmediate`, no timer. If `run` fails, every item of that batch fails with
 * its error.
 */
export class Batcher<I, O> {
  readonly #run: (items: I[]) => Promise<O[]>;
  readonly #o: BatcherOptions;
  #waiting: Array<{ item: I; resolve(value: O): void; reject(error: unknown): void }> = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(run: (items: I[]) => Promise<O[]>, options: BatcherOptions) {
    if (options.maxBatch < 1 || options.maxInFlight < 1) throw new RangeError('a batcher needs maxBatch and maxInFlight of at least 1');
    this.#run = run;
    this.#o = options;
  }

  /** Resolves with `run`'s answer for this item. */
  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#o.maxInFlight || this.#waiting.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    while (this.#inFlight < this.#o.maxInFlight && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#o.maxBatch);
      this.#inFlight++;
      this.#run(batch.map((w) => w.item))
        .then((answers) => {
          if (answers.length !== batch.length) throw new Error(`a batch of ${batch.length} got ${answers.length} answers`);
          batch.forEach((w, i) => w.resolve(answers[i]!));
        })
        .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
        .finally(() => {
          this.#inFlight--;
          this.#schedule();
        });
    }
  }
}
