// What the corpus index reader hands out without making it all at open: the list of passages
// and the map of sources, whose members are made when first asked for and kept while anyone
// holds them (so that asking twice gives the same object), and a small cache of the rest.
import type { Source } from '../core/types';
import { ByteLru } from '../core/byteLru';

/** Values made on demand and kept while referenced: asking again gives the same object as long as someone holds it. */
export class IdentityCache<V extends object> {
  private readonly refs = new Map<number, WeakRef<V>>();
  private readonly registry = new FinalizationRegistry<number>((key) => {
    if (this.refs.get(key)?.deref() === undefined) this.refs.delete(key);
  });
  get(key: number, make: (key: number) => V): V {
    const alive = this.refs.get(key)?.deref();
    if (alive) return alive;
    const value = make(key);
    this.refs.set(key, new WeakRef(value));
    this.registry.register(value, key);
    return value;
  }
}

/** Least recently used values by count, made on demand. */
export class CountCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K, make: (key: K) => V): V {
    let value = this.map.get(key);
    if (value !== undefined) {
      // Recency matters only once eviction is near: a cache far from full (a small corpus) answers with one lookup.
      if (this.map.size > this.size >>> 1) {
        this.map.delete(key);
        this.map.set(key, value);
      }
      return value;
    }
    value = make(key);
    this.map.set(key, value);
    if (this.map.size > this.size) this.map.delete(this.map.keys().next().value!);
    return value;
  }
}

const indexPattern = /^(?:0|[1-9]\d*)$/;

/**
 * A read-only array of `length` members made by `at(i)` when read: indexing, length,
 * iteration, spreading, JSON.stringify and the array methods all work, and only the members
 * read are made. Spreading or mapping it makes every member: whoever does so pays for it.
 */
export function lazyList<T>(length: number, at: (i: number) => T): readonly T[] {
  return new Proxy([] as T[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && indexPattern.test(key)) {
        const i = Number(key);
        return i < length ? at(i) : undefined;
      }
      if (key === 'length') return length;
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === 'string' && indexPattern.test(key)) return Number(key) < length;
      return Reflect.has(target, key);
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string' && indexPattern.test(key)) return Number(key) < length ? { value: at(Number(key)), writable: false, enumerable: true, configurable: true } : undefined;
      if (key === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys: () => [...Array.from({ length }, (_, i) => String(i)), 'length'],
  });
}

/** Bytes of parsed sources kept besides those someone holds. */
const sourceCacheBytes = 16 * 1048576;

/**
 * The sources of an index by id, in index order. Only the ids are held; a source is read
 * and parsed from the index when asked for (get), and iterating the values reads them all.
 */
export class IndexSources implements ReadonlyMap<string, Source> {
  private readonly at = new Map<string, number>();
  private readonly made = new IdentityCache<Source>();
  private readonly recent = new ByteLru<number, { source: Source; bytes: number }>(sourceCacheBytes, (_, entry) => entry.bytes);

  constructor(
    private readonly ids: readonly string[],
    /** The source at position s of the index, with its passages: made from the index's record. */
    private readonly read: (s: number) => { source: Source; bytes: number },
  ) {
    ids.forEach((id, s) => {
      if (!this.at.has(id)) this.at.set(id, s);
    });
    if (this.at.size !== ids.length) throw new Error('The corpus index is inconsistent: two of its sources have one id.');
  }

  /** The source at position s of the index. */
  source(s: number): Source {
    return this.made.get(s, (k) => {
      const entry = this.read(k);
      this.recent.set(k, entry);
      return entry.source;
    });
  }

  get size(): number {
    return this.ids.length;
  }
  get(id: string): Source | undefined {
    const s = this.at.get(id);
    if (s === undefined) return undefined;
    this.recent.get(s);
    return this.source(s);
  }
  has(id: string): boolean {
    return this.at.has(id);
  }
  *keys(): IterableIterator<string> {
    yield* this.ids;
  }
  *values(): IterableIterator<Source> {
    for (let s = 0; s < this.ids.length; s++) yield this.source(s);
  }
  *entries(): IterableIterator<[string, Source]> {
    for (let s = 0; s < this.ids.length; s++) yield [this.ids[s]!, this.source(s)];
  }
  [Symbol.iterator](): IterableIterator<[string, Source]> {
    return this.entries();
  }
  forEach(callback: (value: Source, key: string, map: ReadonlyMap<string, Source>) => void, thisArg?: unknown): void {
    for (const [id, source] of this.entries()) callback.call(thisArg, source, id, this);
  }
}

