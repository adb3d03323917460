// A least-recently-used cache bounded by bytes, not entries: drafts' blocks and sentences vary
// from a few characters to whole pasted tables, so a count says little about the memory held.
// Sizes are the caller's estimate of what an entry keeps alive.

export class ByteLru<K, V> {
  private readonly entries = new Map<K, { key: K; value: V; bytes: number }>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (key: K, value: V) => number,
  ) {}

  /** The value, which becomes the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-inserted under the stored key, not the caller's: the caller's may be a slice that keeps a larger text alive.
    this.entries.delete(entry.key);
    this.entries.set(entry.key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Remembers the value, forgetting the least recently used entries beyond the bound; one larger than the whole bound is not kept. */
  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(key, value);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { key, value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  /** The keys held, least recently used first. */
  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The estimated bytes of the entries kept. */
  get bytes(): number {
    return this.total;
  }
}

/**
 * A copy of `text` that does not keep alive the longer string it was cut from. A slice of a
 * string can share the whole string's memory, so a cache keyed by a block of one version of
 * a draft would otherwise hold that whole version.
 */
export function detached(text: string): string {
  // Concatenation then slicing makes the engine copy the characters into a new string.
  return (' ' + text).slice(1);
}

/** Bytes a string's characters take at most (two per UTF-16 unit). */
export function stringBytes(text: string | undefined): number {
  return text ? text.length * 2 : 0;
}
