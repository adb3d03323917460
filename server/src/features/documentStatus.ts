// attest/documentStatus: how many claims an open draft has, by verdict, and how many the
// writer marked as checked (the status bar); for one of the writer's sources, that it is a
// source, its title and passages.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import type { SourceLibrary } from '../library';
import { documentStatusRequest, type DocumentStatusParams, type DocumentStatusResult, type SourceFileInfo } from '../protocol';
import { countVerdicts } from '../reportModel';
import { requireParams } from '../params';
import { fileOf } from '../serverSettings';

const disagreeing = new Set(['figure.mismatch', 'date.mismatch', 'quote.misquoted']);

/**
 * `isAccepted` tells claims the writer marked as checked: counted apart, not as disagreeing;
 * `libraryProblem` says why the team library is not checked against, while it is not.
 */
export function registerDocumentStatus(connection: Connection, analyses: Analyses, library: SourceLibrary, isAccepted: (fingerprint: string | undefined) => boolean = () => false, libraryProblem: () => string | undefined = () => undefined): void {
  connection.onRequest(documentStatusRequest, async (params: DocumentStatusParams, token): Promise<DocumentStatusResult> => {
    requireParams(documentStatusRequest, params, { textDocument: true });
    const { textDocument } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const counts = countVerdicts(result.analysis.verdicts);
    const source = sourceFile(library, textDocument.uri);
    const team = libraryProblem();
    const accepted = result.analysis.findings.filter((f) => f.fingerprint && isAccepted(f.fingerprint));
    const acceptedDisagreeing = accepted.filter((f) => disagreeing.has(f.code)).length;
    return {
      uri: textDocument.uri,
      version: result.document.version,
      counts,
      disagree: counts.contradicted + counts.misquoted - acceptedDisagreeing,
      accepted: accepted.length,
      ...(result.skipped ? { skipped: result.skipped } : {}),
      ...(source ? { source } : {}),
      ...(team ? { library: team } : {}),
    };
  });
}

/** The source a file is, when it is under the writer's sources (a file that could not be used is named by its file). */
export function sourceFile(library: SourceLibrary, uri: string): SourceFileInfo | undefined {
  const file = fileOf(uri);
  if (!file || !library.concerns(file)) return undefined;
  const absolute = path.resolve(file);
  const source = library.sources.find((s) => s.location && path.isAbsolute(s.location) && path.resolve(s.location) === absolute);
  return source ? { title: source.meta.title, passages: source.passages.length } : { title: path.basename(file), passages: 0 };
}
