// Publishes findings as diagnostics tagged with the document version: after a short pause
// in typing, on save, or on request (attest.checkOn). Cleared when the document closes.
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses, DocumentAnalysis } from '../analyses';
import type { Severity } from '../core/findings/findings';
import { toRange } from '../ranges';
import type { ServerSettings } from '../serverSettings';
import { tellWriter } from '../messages';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticsOptions {
  /** Pause after the last keystroke before checking, in milliseconds. */
  debounceMs: number;
  /** Where docs/checks.md lives, for each code's explanation link. */
  docsUri: string;
  /** Claims the writer marked as checked. */
  isAccepted(fingerprint: string | undefined): boolean;
}

export interface DiagnosticsFeature {
  /** Checks and publishes now (the "Check document" command, or after sources change). */
  publish(uri: string): Promise<void>;
  publishAll(): Promise<void>;
}

export function registerDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, analyses: Analyses, settings: ServerSettings, options: DiagnosticsOptions): DiagnosticsFeature {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const published = new Map<string, number>();

  const publish = async (uri: string): Promise<void> => {
    const result = await analyses.get(uri);
    const current = documents.get(uri);
    if (!result || !current || current.version !== result.document.version) return;
    if (result.skipped && !published.has(uri)) tellWriter(connection, 'information', result.skipped);
    published.set(uri, result.document.version);
    await connection.sendDiagnostics({ uri, version: result.document.version, diagnostics: toDiagnostics(result, options) });
  };

  // Only the settings are looked up here: a burst of edits is checked once, at its last version, after the pause.
  const schedule = (document: TextDocument, reason: 'open' | 'change' | 'save'): void => {
    void settings.forDocument(document.uri).then(async ({ checkOn }) => {
      if (checkOn === 'manual' && reason !== 'open') return;
      if (checkOn === 'save' && reason === 'change') return;
      clearTimeout(timers.get(document.uri));
      if (reason !== 'change') return publish(document.uri);
      timers.set(document.uri, setTimeout(() => void publish(document.uri), options.debounceMs));
    });
  };

  // Opening a document also reports it as changed content: the first content of a document is checked as opened.
  const open = new Set<string>();
  documents.onDidChangeContent((e) => {
    const reason = open.has(e.document.uri) ? 'change' : 'open';
    open.add(e.document.uri);
    schedule(e.document, reason);
  });
  documents.onDidSave((e) => schedule(e.document, 'save'));
  documents.onDidClose((e) => {
    open.delete(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    published.delete(e.document.uri);
    analyses.forget(e.document.uri);
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return {
    publish,
    publishAll: async () => {
      await Promise.all(documents.all().map((d) => publish(d.uri)));
    },
  };
}

export function toDiagnostics({ analysis, settings, document }: DocumentAnalysis, { docsUri, isAccepted }: Pick<DiagnosticsOptions, 'docsUri' | 'isAccepted'>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of analysis.findings) {
    const level = settings.severity[finding.code];
    if (level === 'off' || isAccepted(finding.fingerprint)) continue;
    diagnostics.push({
      range: toRange(document, finding.start, finding.end),
      severity: severities[level],
      code: finding.code,
      codeDescription: { href: `${docsUri}#${anchor(finding.code)}` },
      source: 'attest',
      message: finding.message,
      data: { fix: finding.fix, version: document.version, fingerprint: finding.fingerprint, claim: document.getText().slice(finding.start, finding.end) },
    });
  }
  return diagnostics;
}

/** GitHub-style heading anchor of a code's section in docs/checks.md. */
export function anchor(code: string): string {
  return code.replace(/[^a-z0-9-]/g, '');
}
