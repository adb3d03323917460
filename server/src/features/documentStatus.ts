// attest/documentStatus: how many claims an open draft has, by verdict (the status bar).
import type { Connection } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { documentStatusRequest, type DocumentStatusParams, type DocumentStatusResult } from '../protocol';
import { countVerdicts } from '../reportMarkdown';
import { requireParams } from '../params';

/** `libraryProblem` says why the team library is not checked against, while it is not. */
export function registerDocumentStatus(connection: Connection, analyses: Analyses, libraryProblem: () => string | undefined = () => undefined): void {
  connection.onRequest(documentStatusRequest, async (params: DocumentStatusParams, token): Promise<DocumentStatusResult> => {
    requireParams(documentStatusRequest, params, { textDocument: true });
    const { textDocument } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const counts = countVerdicts(result.analysis.verdicts);
    const library = libraryProblem();
    return { uri: textDocument.uri, version: result.document.version, counts, disagree: counts.contradicted + counts.misquoted, ...(result.skipped ? { skipped: result.skipped } : {}), ...(library ? { library } : {}) };
  });
}
