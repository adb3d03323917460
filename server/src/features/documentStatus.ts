// attest/documentStatus: how many claims an open draft has, by verdict, and how many the
// writer marked as checked (the status bar).
import type { Connection } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { documentStatusRequest, type DocumentStatusParams, type DocumentStatusResult } from '../protocol';
import { countVerdicts } from '../reportMarkdown';
import { requireParams } from '../params';

const disagreeing = new Set(['figure.mismatch', 'date.mismatch', 'quote.misquoted']);

/** `isAccepted` tells claims the writer marked as checked: counted apart, not as disagreeing. */
export function registerDocumentStatus(connection: Connection, analyses: Analyses, isAccepted: (fingerprint: string | undefined) => boolean = () => false): void {
  connection.onRequest(documentStatusRequest, async (params: DocumentStatusParams, token): Promise<DocumentStatusResult> => {
    requireParams(documentStatusRequest, params, { textDocument: true });
    const { textDocument } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const counts = countVerdicts(result.analysis.verdicts);
    const accepted = result.analysis.findings.filter((f) => f.fingerprint && isAccepted(f.fingerprint));
    const acceptedDisagreeing = accepted.filter((f) => disagreeing.has(f.code)).length;
    return {
      uri: textDocument.uri,
      version: result.document.version,
      counts,
      disagree: counts.contradicted + counts.misquoted - acceptedDisagreeing,
      accepted: accepted.length,
      ...(result.skipped ? { skipped: result.skipped } : {}),
    };
  });
}
