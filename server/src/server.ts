// Wires the language server: capabilities, documents with incremental sync, and the features.
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerDiagnostics } from './features/diagnostics';

export const serverInfo = { name: 'attest', version: '0.1.0' };

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      },
      serverInfo,
    }),
  );

  registerDiagnostics(connection, documents);
  documents.listen(connection);
}
