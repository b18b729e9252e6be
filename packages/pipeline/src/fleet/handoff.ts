/**
 * What a stage hands to the next stage in the same process, so that the next stage need not read back
 * from the store the rows this process has just committed (measured on the bench corpus: the extract
 * stage's snapshot read and the compare stage's document read were the fleet's only extra store round
 * trips over the in-process runner). It is an optimisation only: a miss (another process did the
 * previous stage, this process restarted, the entry was evicted) reads the store as before, and every
 * entry is put only after its rows are committed, so the store stays the source of truth.
 *
 * Entries are dropped oldest first once their estimated size passes `maxBytes`, so a stage that runs far
 * ahead of the next (fetch at high concurrency) costs bounded memory.
 */
export class HandoffCache<V> {
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  put(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.#maxBytes) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  get(key: string): V | undefined {
    return this.#entries.get(key)?.value;
  }

  /** The entry, removed: for values that only one job ever needs. */
  take(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined) this.delete(key);
    return entry?.value;
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}
