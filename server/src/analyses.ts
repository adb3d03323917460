// One check per document version, shared by every feature: diagnostics, hover, completion,
// code actions and navigation all ask here and get the same parse and verdicts. Only each
// open document's latest version is kept. A check runs a slice of blocks at a time and
// yields to the event loop between slices, so that requests on another draft are answered
// while a long one is checked (completion needs only the parse, ready first); a check whose
// version is superseded, or whose document closed, stops at its next slice.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Checker } from './core/checker';
import { parseDraft, type Draft } from './core/draft/draft';
import type { SourceLibrary } from './library';
import type { ServerSettings } from './serverSettings';
import type { Settings } from './settings';
import { formatBytes } from './messages';
import { fileOf } from './serverSettings';
import { isFactCheckReport } from './reportMarkdown';

const reportNotChecked = 'This is a fact-check report written by Attest, not a draft: it is not checked.';

export interface DocumentAnalysis {
  document: TextDocument;
  analysis: Analysis;
  settings: Settings;
  checker: Checker;
  /** Why the draft was not checked, when it was not (too large). */
  skipped?: string;
}

/** A document version as parsed, ready before its claims are judged: what completion needs. */
export type ParsedDocument = Omit<DocumentAnalysis, 'analysis'> & { draft: Draft };

interface Entry {
  version: number;
  checker: Checker;
  /** Undefined when the version was superseded (or the document closed) before its check finished. */
  result: Promise<DocumentAnalysis | undefined>;
  parsed: Promise<ParsedDocument | undefined>;
}

/** How long a check runs before it lets the server read and answer other messages. */
const sliceMs = 8;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Analyses {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly library: SourceLibrary,
    private readonly settings: ServerSettings,
    /** The reference libraries a draft's `bibliography:` front matter names, absolute. */
    private readonly bibliographiesOf: (uri: string) => readonly string[] = () => [],
  ) {}

  /** The analysis of the document's current version; undefined if it is not open, or is changed or closed before the check ends. */
  get(uri: string): Promise<DocumentAnalysis | undefined> {
    return this.entry(uri)?.result ?? Promise.resolve(undefined);
  }

  /** The parse of the document's current version, without waiting for its check to end. */
  parsed(uri: string): Promise<ParsedDocument | undefined> {
    return this.entry(uri)?.parsed ?? Promise.resolve(undefined);
  }

  private entry(uri: string): Entry | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const checker = this.checkerFor(uri);
    const entry = this.entries.get(uri);
    if (entry && entry.version === document.version && entry.checker === checker) return entry;
    let announce!: (parsed: ParsedDocument | undefined) => void;
    const created: Entry = { version: document.version, checker, result: Promise.resolve(undefined), parsed: new Promise((resolve) => (announce = resolve)) };
    created.result = this.analyse(document, created, announce);
    // A check that ends without announcing its parse (skipped, failed or superseded) answers with what it has.
    void created.result.then((r) => announce(r && { document: r.document, settings: r.settings, checker: r.checker, draft: r.analysis.draft, ...(r.skipped ? { skipped: r.skipped } : {}) }));
    this.entries.set(uri, created);
    return created;
  }

  forget(uri?: string): void {
    if (uri) this.entries.delete(uri);
    else this.entries.clear();
  }

  /** True while the entry is still the one kept for its document: the version open, checked by the library's checker. */
  private current(uri: string, entry: Entry): boolean {
    return this.entries.get(uri) === entry && this.documents.get(uri)?.version === entry.version && this.checkerFor(uri) === entry.checker;
  }

  /** A draft is checked against the sources of the libraries it names, not those only other drafts name. */
  private checkerFor(uri: string): Checker {
    return this.library.checkerFor(this.bibliographiesOf(uri));
  }

  private async analyse(document: TextDocument, entry: Entry, announce: (parsed: ParsedDocument) => void): Promise<DocumentAnalysis | undefined> {
    const { checker } = entry;
    const settings = await this.settings.forDocument(document.uri);
    const empty = (skipped?: string): DocumentAnalysis => ({ document, settings, checker, ...(skipped ? { skipped } : {}), analysis: { draft: parseDraft(''), verdicts: [], findings: [] } });
    // One of the writer's sources, opened to read: it is evidence, not a draft (known once the sources have loaded).
    const file = fileOf(document.uri);
    if (file) await this.library.configured;
    if (file && this.library.concerns(file)) return empty();
    const text = document.getText();
    if (isFactCheckReport(text)) return empty(reportNotChecked);
    const size = Buffer.byteLength(text, 'utf8');
    if (size > settings.maxFileSize) return empty(`Attest did not check this draft: it is ${formatBytes(size)}, over the attest.maxFileSize setting (${formatBytes(settings.maxFileSize)}).`);
    try {
      // Messages already waiting (the next keystroke, most often) are read first: no work is spent on a version they supersede.
      await nextTurn();
      if (!this.current(document.uri, entry)) return undefined;
      const run = checker.start(text);
      announce({ document, settings, checker, draft: run.draft });
      let sliceStart = performance.now();
      while (!run.step()) {
        if (performance.now() - sliceStart < sliceMs) continue;
        await nextTurn();
        if (!this.current(document.uri, entry)) return undefined;
        sliceStart = performance.now();
      }
      return { document, settings, checker, analysis: run.finish() };
    } catch (error) {
      // A bug in a check must not take the server down; the writer sees why nothing is reported.
      return empty(`Attest could not check this draft: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
