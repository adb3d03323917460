// The team library in the language server: off the keystroke path, each open draft's
// candidate sources are fetched (one bounded query per version), and when the set of team
// sources changes the checker is rebuilt with them and the drafts re-checked. Drafts are
// checked at once against what is already there, so no keystroke waits on the network. When
// the library cannot be reached the writer is told once, the status bar says so, and the next
// fetch (the next edit, or a check asked for) tries again and says when it is back.
import type { Source } from '../core/types';
import { TeamLibrary, type LibrarySource } from './teamLibrary';
import { redact } from './url';

export interface TeamSourcesOptions {
  /** The team sources changed: rebuild the checker with these. */
  onSources(sources: Source[]): void;
  /** Tell the writer something about the library (once per change of state). */
  onMessage(kind: 'warning' | 'information', message: string): void;
  timeoutMs?: number;
}

export class TeamSources {
  private library: TeamLibrary | undefined;
  private readonly byDraft = new Map<string, LibrarySource[]>();
  private readonly running = new Set<string>();
  private readonly waiting = new Map<string, string>();
  private versions = '';
  private problem: string | undefined;

  constructor(private readonly options: TeamSourcesOptions) {}

  /** Why the library is not being checked against, while it is not; undefined when it is, or none is set. */
  get unavailable(): string | undefined {
    return this.problem;
  }

  /** Uses the library at `url` ("" for none); true when that is a change. */
  async configure(url: string): Promise<boolean> {
    if (url === (this.library?.url ?? '')) return false;
    const old = this.library;
    this.library = url ? new TeamLibrary(url, { timeoutMs: this.options.timeoutMs }) : undefined;
    this.byDraft.clear();
    this.problem = undefined;
    await old?.close();
    this.publish();
    return true;
  }

  /**
   * Fetches the candidate sources of a draft's text. One fetch per draft at a time: text that
   * arrives meanwhile waits, and only the latest of it is fetched next.
   */
  async fetch(uri: string, text: string): Promise<void> {
    if (!this.library) return;
    if (this.waiting.has(uri) || this.running.has(uri)) {
      this.waiting.set(uri, text);
      return;
    }
    this.running.add(uri);
    try {
      for (let next: string | undefined = text; next !== undefined; next = this.waiting.get(uri)) {
        this.waiting.delete(uri);
        await this.fetchNow(uri, next);
      }
    } finally {
      this.running.delete(uri);
    }
  }

  private async fetchNow(uri: string, text: string): Promise<void> {
    const library = this.library;
    if (!library) return;
    const result = await library.sourcesFor(text);
    if (library !== this.library) return;
    if (!result.ok) {
      if (this.problem === undefined) {
        this.problem = result.message;
        this.options.onMessage('warning', `${result.message} Drafts are checked against your own and the bundled sources until it is back.`);
      }
      return;
    }
    if (this.problem !== undefined) {
      this.problem = undefined;
      this.options.onMessage('information', `The team library at ${redact(library.url)} is reachable again; drafts are checked against it.`);
    }
    this.byDraft.set(uri, result.sources);
    this.publish();
  }

  /** A draft closed: its candidates are no longer needed. */
  forget(uri: string): void {
    if (this.byDraft.delete(uri)) this.publish();
  }

  async close(): Promise<void> {
    await this.library?.close();
  }

  private publish(): void {
    const byId = new Map<string, LibrarySource>();
    for (const sources of this.byDraft.values()) for (const s of sources) byId.set(s.source.meta.id, s);
    const versions = [...byId.values()].map((s) => s.version).sort().join(' ');
    if (versions === this.versions) return;
    this.versions = versions;
    this.options.onSources([...byId.values()].map((s) => s.source));
  }
}
