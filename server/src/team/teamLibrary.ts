// A writer's view of the team library: the candidate sources for a draft, fetched in one
// bounded query and remembered (least recently used, by bytes) so that a source comes over
// the network once per version. When the database cannot be reached the caller is told why
// and goes on with its local sources; the next fetch tries again.
import type pg from 'pg';
import { ByteLru } from '../core/byteLru';
import type { Source } from '../core/types';
import { defaultTimeoutMs, describeFailure, openPool } from './connection';
import { libraryRequest, lookup } from './lookup';

/** A source as the library holds it: `version` changes when its file is pushed again. */
export interface LibrarySource {
  version: string;
  source: Source;
}

export type Fetched = { ok: true; sources: LibrarySource[] } | { ok: false; message: string };

export interface TeamLibraryOptions {
  timeoutMs?: number;
  /** Bytes of sources to remember; default 64 MB. */
  cacheBytes?: number;
}

export class TeamLibrary {
  private readonly pool: pg.Pool;
  private readonly cache: ByteLru<string, { source: Source; bytes: number }>;

  constructor(
    readonly url: string,
    options: TeamLibraryOptions = {},
  ) {
    this.pool = openPool(url, { timeoutMs: options.timeoutMs ?? defaultTimeoutMs });
    this.cache = new ByteLru(options.cacheBytes ?? 64 * 1048576, (key, entry) => key.length * 2 + entry.bytes);
  }

  /** The library's sources that the claims, quotations and citations of `text` could match. */
  async sourcesFor(text: string): Promise<Fetched> {
    try {
      const rows = await lookup(this.pool, libraryRequest(text), [...this.cache.keys()]);
      const sources: LibrarySource[] = [];
      for (const row of rows) {
        let entry = this.cache.get(row.version);
        if (row.source) this.cache.set(row.version, (entry = { source: row.source, bytes: JSON.stringify(row.source).length * 2 }));
        if (entry) sources.push({ version: row.version, source: copy(entry.source) });
      }
      return { ok: true, sources };
    } catch (error) {
      return { ok: false, message: describeFailure(error, this.url) };
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

/** A source of its own for each corpus: building a corpus numbers its passages in place. */
function copy(source: Source): Source {
  return { ...source, passages: source.passages.map((p) => ({ ...p })) };
}
