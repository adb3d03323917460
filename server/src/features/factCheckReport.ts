// attest/factCheckReport: the Markdown fact-check report of an open draft, built from the
// same FileReport as the CLI's JSON output.
import type { Connection } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import type { Analyses } from '../analyses';
import { factCheckReportRequest, type FactCheckReportParams, type FactCheckReportResult } from '../protocol';
import { countVerdicts, draftFactCheck } from '../reportMarkdown';
import { requireParams } from '../params';

export function registerFactCheckReport(connection: Connection, analyses: Analyses): void {
  connection.onRequest(factCheckReportRequest, async (params: FactCheckReportParams, token): Promise<FactCheckReportResult> => {
    requireParams(factCheckReportRequest, params, { textDocument: true });
    const { textDocument } = params;
    const result = await analyses.get(textDocument.uri);
    if (!result || token.isCancellationRequested) return null;
    const { document, analysis, checker, settings, skipped } = result;
    const markdown = draftFactCheck(Utils.basename(URI.parse(textDocument.uri)), document.getText(), analysis, checker.corpus, settings, skipped);
    return { markdown, counts: countVerdicts(analysis.verdicts), ...(skipped ? { skipped } : {}) };
  });
}
