// Reports findings as diagnostics. A client that pulls them (textDocument/diagnostic, as VS
// Code does) asks when it wants them and is told "unchanged" for a version it already has;
// to any other client they are published, tagged with the document version, after a short
// pause in typing. Either way a draft is checked as attest.checkOn says (as typed, on save,
// or on request), and a diagnostic is small: a one-line message, its code and range; the
// quick fixes' data stays on the server with the analysis it came from.
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Position,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses, DocumentAnalysis } from '../analyses';
import type { FixData, Severity } from '../core/findings/findings';
import { toRange } from '../ranges';
import type { ServerSettings } from '../serverSettings';
import { tellWriter } from '../messages';
import { requireParams } from '../params';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticsOptions {
  /** Pause after the last keystroke before publishing, in milliseconds. */
  debounceMs: number;
  /** Where docs/checks.md lives, for each code's explanation link. */
  docsUri: string;
  /** Claims the writer marked as checked. */
  isAccepted(fingerprint: string | undefined): boolean;
}

export interface DiagnosticsFeature {
  /** Reads what the client supports; returns the capability to announce (pull diagnostics, for a client that has them). */
  initialize(capabilities: ClientCapabilities): Pick<ServerCapabilities, 'diagnosticProvider'>;
  /** Checks and reports now (the "Check document" command, or after the writer's accepted claims change). */
  publish(uri: string): Promise<void>;
  /** Reports every open draft again (after the sources change). */
  publishAll(): Promise<void>;
}

/** What a quick fix needs from a diagnostic's finding. */
export interface DiagnosticData {
  fix?: FixData;
  version?: number;
  fingerprint?: string;
  claim?: string;
}

interface Report {
  resultId: string;
  /** The document version and the round of reports (sources, accepted claims) it was made in. */
  version: number;
  round: number;
  items: Diagnostic[];
}

export function registerDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, analyses: Analyses, settings: ServerSettings, options: DiagnosticsOptions): DiagnosticsFeature {
  let pull = false;
  let refreshSupport = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const told = new Set<string>();
  // Pull: the last report given for each draft, and the version the writer last let be checked (opened, saved, asked for).
  const reports = new Map<string, Report>();
  const allowed = new Map<string, number>();
  let round = 0;
  let nextResultId = 0;

  const diagnosticsOf = (result: DocumentAnalysis): Diagnostic[] => {
    const uri = result.document.uri;
    if (result.skipped && !told.has(uri)) tellWriter(connection, 'information', result.skipped);
    told.add(uri);
    return toDiagnostics(result, options);
  };

  const push = async (uri: string): Promise<void> => {
    const result = await analyses.get(uri);
    const current = documents.get(uri);
    if (!result || !current || current.version !== result.document.version) return;
    await connection.sendDiagnostics({ uri, version: result.document.version, diagnostics: diagnosticsOf(result) });
  };

  /** Asks a pulling client to ask again (after a save, a command, or new sources). */
  const refresh = (uri?: string): void => {
    round++;
    const document = uri ? documents.get(uri) : undefined;
    if (document) allowed.set(document.uri, document.version);
    else for (const d of documents.all()) allowed.set(d.uri, d.version);
    if (refreshSupport) void connection.languages.diagnostics.refresh();
  };

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    requireParams('textDocument/diagnostic', params, { textDocument: true });
    const uri = params.textDocument.uri;
    for (;;) {
      const document = documents.get(uri);
      if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const { checkOn } = await settings.forDocument(uri);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The client no longer wants these diagnostics.');
      const last = reports.get(uri);
      // Checked only as the writer asked: a draft typed into since it was opened, saved or checked keeps its last report.
      const keep = checkOn !== 'type' && allowed.get(uri) !== document.version;
      if (last && last.round === round && (last.version === document.version || keep)) {
        return params.previousResultId === last.resultId ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId } : { kind: DocumentDiagnosticReportKind.Full, resultId: last.resultId, items: last.items };
      }
      const reportRound = round;
      const result = await analyses.get(uri);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The client no longer wants these diagnostics.');
      // Superseded by a newer version while it was checked: check that one instead.
      if (!result || documents.get(uri)?.version !== result.document.version || reportRound !== round) continue;
      const report: Report = { resultId: String(++nextResultId), version: result.document.version, round, items: diagnosticsOf(result) };
      reports.set(uri, report);
      return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.items };
    }
  });

  // Only the settings are looked up here: a burst of edits is checked once, at its last version, after the pause.
  const schedule = (document: TextDocument, reason: 'open' | 'change' | 'save'): void => {
    void settings.forDocument(document.uri).then(async ({ checkOn }) => {
      if (checkOn === 'manual' && reason !== 'open') return;
      if (checkOn === 'save' && reason === 'change') return;
      if (pull) {
        // The client pulls after opening and after every change; a save is news to it.
        if (reason === 'save') refresh(document.uri);
        else if (reason === 'open') allowed.set(document.uri, document.version);
        return;
      }
      clearTimeout(timers.get(document.uri));
      if (reason !== 'change') return push(document.uri);
      timers.set(document.uri, setTimeout(() => void push(document.uri), options.debounceMs));
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
    const uri = e.document.uri;
    open.delete(uri);
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    told.delete(uri);
    reports.delete(uri);
    allowed.delete(uri);
    analyses.forget(uri);
    settings.forget(uri);
    // A pulling client clears a closed draft's diagnostics itself.
    if (!pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  return {
    initialize: (capabilities) => {
      pull = Boolean(capabilities.textDocument?.diagnostic);
      refreshSupport = Boolean(capabilities.workspace?.diagnostics?.refreshSupport);
      return pull ? { diagnosticProvider: { identifier: 'attest', interFileDependencies: false, workspaceDiagnostics: false } } : {};
    },
    publish: async (uri) => {
      if (pull) refresh(uri);
      else await push(uri);
    },
    publishAll: async () => {
      if (pull) refresh();
      else await Promise.all(documents.all().map((d) => push(d.uri)));
    },
  };
}

export function toDiagnostics({ analysis, settings, document }: DocumentAnalysis, { docsUri, isAccepted }: Pick<DiagnosticsOptions, 'docsUri' | 'isAccepted'>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of analysis.findings) {
    const level = settings.severity[finding.code];
    if (level === 'off' || isAccepted(finding.fingerprint)) continue;
    const diagnostic: Diagnostic = { range: toRange(document, finding.start, finding.end), severity: severities[level], code: finding.code, source: 'attest', message: finding.message };
    // A hint is a faint mark under the words, not a line in the Problems panel: its code's explanation is one click further, in docs/checks.md.
    if (level !== 'hint') diagnostic.codeDescription = { href: `${docsUri}#${anchor(finding.code)}` };
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * The quick-fix data of the finding a diagnostic shows, from the analysis of the version the
 * diagnostic was made for: a diagnostic carries none itself, to stay small. Undefined when
 * the draft has changed since, or no finding of that code has that range.
 */
export function diagnosticData({ analysis, document }: DocumentAnalysis, diagnostic: Diagnostic): DiagnosticData | undefined {
  const { start, end } = diagnostic.range;
  const from = document.offsetAt(start);
  const to = document.offsetAt(end);
  const same = (a: Position, b: Position): boolean => a.line === b.line && a.character === b.character;
  // offsetAt clamps a position past the end of its line; such a range is no finding's.
  if (!same(document.positionAt(from), start) || !same(document.positionAt(to), end)) return undefined;
  const finding = analysis.findings.find((f) => f.code === diagnostic.code && f.start === from && f.end === to);
  if (!finding) return undefined;
  return { ...(finding.fix ? { fix: finding.fix } : {}), version: document.version, ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}), claim: document.getText().slice(from, to) };
}

/** GitHub-style heading anchor of a code's section in docs/checks.md. */
export function anchor(code: string): string {
  return code.replace(/[^a-z0-9-]/g, '');
}
