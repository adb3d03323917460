// One check per document version, shared by every feature: diagnostics, hover, completion,
// code actions and navigation all ask here and get the same parse and verdicts.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Checker } from './core/checker';
import { parseDraft } from './core/draft';
import type { Finding } from './core/findings';
import type { SourceLibrary } from './library';
import type { ServerSettings } from './serverSettings';
import type { Settings } from './settings';
import { formatBytes } from './messages';
import { fileOf } from './serverSettings';

export interface DocumentAnalysis {
  document: TextDocument;
  analysis: Analysis;
  settings: Settings;
  checker: Checker;
  /** Why the draft was not checked, when it was not (too large). */
  skipped?: string;
}

interface Entry {
  version: number;
  checker: Checker;
  result: Promise<DocumentAnalysis | undefined>;
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly library: SourceLibrary,
    private readonly settings: ServerSettings,
  ) {}

  /** The analysis of the document's current version, or undefined if it is not open. */
  get(uri: string): Promise<DocumentAnalysis | undefined> {
    const document = this.documents.get(uri);
    if (!document) return Promise.resolve(undefined);
    const checker = this.library.checker;
    const entry = this.entries.get(uri);
    if (entry && entry.version === document.version && entry.checker === checker) return entry.result;
    const result = this.analyse(document, checker);
    this.entries.set(uri, { version: document.version, checker, result });
    return result;
  }

  forget(uri?: string): void {
    if (uri) this.entries.delete(uri);
    else this.entries.clear();
  }

  private async analyse(document: TextDocument, checker: Checker): Promise<DocumentAnalysis | undefined> {
    const settings = await this.settings.forDocument(document.uri);
    // One of the writer's sources, opened to read: it is evidence, not a draft.
    const file = fileOf(document.uri);
    if (file && this.library.concerns(file)) return { document, settings, checker, analysis: { draft: parseDraft(''), verdicts: [], findings: [] } };
    const text = document.getText();
    const size = Buffer.byteLength(text, 'utf8');
    if (size > settings.maxFileSize) {
      const skipped = `Attest did not check this draft: it is ${formatBytes(size)}, over the attest.maxFileSize setting (${formatBytes(settings.maxFileSize)}).`;
      return { document, settings, checker, skipped, analysis: { draft: parseDraft(''), verdicts: [], findings: [] } };
    }
    try {
      return { document, settings, checker, analysis: checker.analyse(text) };
    } catch (error) {
      // A bug in a check must not take the server down; the writer sees why nothing is reported.
      const skipped = `Attest could not check this draft: ${error instanceof Error ? error.message : String(error)}`;
      const findings: Finding[] = [];
      return { document, settings, checker, skipped, analysis: { draft: parseDraft(''), verdicts: [], findings } };
    }
  }
}
