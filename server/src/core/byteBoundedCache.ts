// A least-recently-used cache bounded by the bytes its entries hold rather than by their
// number: one entry may be a short sentence or a whole 2 MB draft, so a count says little
// about memory. The caller says what each entry weighs.
export interface ByteBoundedCache<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  /** Remembers `value` as weighing `bytes`, forgetting the least recently used entries beyond the bound. */
  set(key: string, value: V, bytes: number): void;
  /** What the remembered entries weigh in all. */
  readonly bytes: number;
  readonly size: number;
}

interface Entry<V> {
  key: string;
  value: V;
  bytes: number;
}

export function createByteBoundedCache<V>(maxBytes: number): ByteBoundedCache<V> {
  const entries = new Map<string, Entry<V>>();
  let total = 0;
  const forget = (entry: Entry<V>): void => {
    entries.delete(entry.key);
    total -= entry.bytes;
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      // Re-inserted under the stored key, not the caller's: the caller's may be a slice that keeps a larger text alive.
      entries.delete(entry.key);
      entries.set(entry.key, entry);
      return entry.value;
    },
    has: (key) => entries.has(key),
    set(key, value, bytes) {
      const old = entries.get(key);
      if (old) forget(old);
      // An entry over the whole bound would only push everything else out, and itself next.
      if (bytes > maxBytes) return;
      entries.set(key, { key, value, bytes });
      total += bytes;
      for (const oldest of entries.values()) {
        if (total <= maxBytes) break;
        forget(oldest);
      }
    },
    get bytes() {
      return total;
    },
    get size() {
      return entries.size;
    },
  };
}
