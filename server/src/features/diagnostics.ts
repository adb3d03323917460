// Publishes Attest's findings as diagnostics, tagged with the document version.
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDraft } from '../core/draft';
import { placeholderLinks, placeholderMessage } from '../core/links';
import { toRange } from '../ranges';

export function registerDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>): void {
  const publish = (document: TextDocument): void => {
    const draft = parseDraft(document.getText());
    const diagnostics: Diagnostic[] = placeholderLinks(draft).map((link) => ({
      range: toRange(document, link.start, link.end),
      severity: DiagnosticSeverity.Warning,
      code: 'link.placeholder',
      source: 'attest',
      message: placeholderMessage(link.text),
    }));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };
  documents.onDidOpen((e) => publish(e.document));
  documents.onDidChangeContent((e) => publish(e.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
}
